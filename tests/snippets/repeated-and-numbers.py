from msgraph_beta import GraphServiceClient
from msgraph_beta.generated.communications.calls.item.participants.invite.invite_post_request_body import InvitePostRequestBody
from msgraph_beta.generated.models.invitation_participant_info import InvitationParticipantInfo
from msgraph_beta.generated.models.identity_set import IdentitySet
from msgraph_beta.generated.models.identity import Identity

# To initialize your graph_client, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=python
graph_client = GraphServiceClient(credentials, scopes)

request_body = InvitePostRequestBody(
    participants = [
        InvitationParticipantInfo(
            identity = IdentitySet(
                user = Identity(
                    id = "x",
                    additional_data = {
                        "tags" : {
                            "a" : [
                                1.5,
                                -0.0,
                                100.0,
                                0.002,
                                12345678901234567890,
                                None,
                            ],
                        },
                    },
                ),
            ),
            additional_data = {
                "note" : {
                    "n" : {
                        "deep" : [
                            True,
                            None,
                            "s",
                        ],
                    },
                },
            },
        ),
    ],
    additional_data = {
        "x" : {
            "y" : [
            ],
            "z" : {
            },
        },
    },
)

result = await graph_client.communications.calls.by_call_id("call").participants.invite.post(request_body)
