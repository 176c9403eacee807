const options = {
  authProvider,
};

const client = Client.init(options);

const participantsInvite = {
  participants: [
    {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: {
        "@odata.type": "#microsoft.graph.identitySet",
        user: {
          "@odata.type": "#microsoft.graph.identity",
          id: "7e1b4346-85a6-4bdd-abe3-d11c5d420efe",
          identityProvider: "AAD",
        },
      },
    },
    {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: {
        "@odata.type": "#microsoft.graph.identitySet",
        user: {
          "@odata.type": "#microsoft.graph.identity",
          id: "1e126418-44a0-4a94-a6f8-0efe1ad71acb",
          identityProvider: "AAD",
        },
      },
    },
  ],
  clientContext: "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
};

await client.api("/communications/calls/7531d31f-d10d-44de-802f-c569dbca451c/participants/invite")
  .version("beta")
  .post(participantsInvite);
