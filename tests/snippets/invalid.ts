// Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null
import { Client } from "@microsoft/microsoft-graph-client";

const options = {
  authProvider,
};

const client: Client = Client.init(options);

const participantsInvite: Record<string, unknown> = {
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
