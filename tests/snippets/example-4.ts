import { Client } from "@microsoft/microsoft-graph-client";

const options = {
  authProvider,
};

const client: Client = Client.init(options);

const participantsInvite: Record<string, unknown> = {
  participants: [
    {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: {
        "@odata.type": "#microsoft.graph.identitySet",
        phone: {
          "@odata.type": "#microsoft.graph.identity",
          id: "+12345678901",
        },
      },
    },
  ],
  clientContext: "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
};

await client.api("/communications/calls/ab6233a5-20b7-4c5e-bea2-ce56c9776429/participants/invite")
  .version("beta")
  .post(participantsInvite);
