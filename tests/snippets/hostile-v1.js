const options = {
  authProvider,
};

const client = Client.init(options);

const participantsInvite = {
  participants: [
    {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: {
        "@odata.type": "#microsoft.graph.communicationsIdentitySet",
        phone: {
          id: "+12345678901",
          displayName: "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate",
        },
        user: null,
      },
      replacesCallId: null,
      participantId: "p-1",
      hidden: true,
      removeFromDefaultAudioRoutingGroup: false,
    },
    {
      identity: {
        guest: {
          id: "g",
          nested: {
            list: [
              1,
              2.5,
              {
                k: "v",
              },
            ],
          },
        },
      },
    },
  ],
  clientContext: "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate",
};

await client.api("/communications/calls/a'b\"c$d/participants/invite")
  .version("v1.0")
  .post(participantsInvite);
