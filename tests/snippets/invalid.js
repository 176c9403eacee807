// Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null
const options = {
  authProvider,
};

const client = Client.init(options);

const participantsInvite = {
  participants: [
    {
      identity: {
        user: {
          id: "x",
          displayName: "*/ \n// evil",
        },
      },
      hidden: "yes",
    },
  ],
};

await client.api("/communications/calls/call/participants/invite")
  .version("beta")
  .post(participantsInvite);
