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
          tags: {
            a: [
              1.5,
              -0.0,
              100.0,
              0.002,
              12345678901234567890,
              null,
            ],
          },
        },
      },
      note: {
        n: {
          deep: [
            true,
            null,
            "s",
          ],
        },
      },
    },
  ],
  x: {
    y: [
    ],
    z: {
    },
  },
};

await client.api("/communications/calls/call/participants/invite")
  .version("beta")
  .post(participantsInvite);
