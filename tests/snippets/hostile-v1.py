from msgraph import GraphServiceClient
from msgraph.generated.communications.calls.item.participants.invite.invite_post_request_body import InvitePostRequestBody
from msgraph.generated.models.invitation_participant_info import InvitationParticipantInfo
from msgraph.generated.models.communications_identity_set import CommunicationsIdentitySet
from msgraph.generated.models.identity import Identity
from msgraph.generated.models.identity_set import IdentitySet

# To initialize your graph_client, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=python
graph_client = GraphServiceClient(credentials, scopes)

request_body = InvitePostRequestBody(
    participants = [
        InvitationParticipantInfo(
            odata_type = "#microsoft.graph.invitationParticipantInfo",
            identity = CommunicationsIdentitySet(
                odata_type = "#microsoft.graph.communicationsIdentitySet",
                phone = Identity(
                    id = "+12345678901",
                    display_name = "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate",
                ),
                additional_data = {
                    "user" : None,
                },
            ),
            participant_id = "p-1",
            hidden = True,
            remove_from_default_audio_routing_group = False,
            additional_data = {
                "replacesCallId" : None,
            },
        ),
        InvitationParticipantInfo(
            identity = IdentitySet(
                additional_data = {
                    "guest" : {
                        "id" : "g",
                        "nested" : {
                            "list" : [
                                1,
                                2.5,
                                {
                                    "k" : "v",
                                },
                            ],
                        },
                    },
                },
            ),
        ),
    ],
    client_context = "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate",
)

result = await graph_client.communications.calls.by_call_id("a'b\"c$d").participants.invite.post(request_body)
