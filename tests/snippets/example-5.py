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
            odata_type = "#microsoft.graph.invitationParticipantInfo",
            replaces_call_id = "a7ebfb2d-871e-419c-87af-27290b22e8db",
            participant_id = "7d501bf1-5ee4-4605-ba92-0ae4513c611c",
            identity = IdentitySet(
                odata_type = "#microsoft.graph.identitySet",
                user = Identity(
                    odata_type = "#microsoft.graph.identity",
                    id = "682b6c37-0729-4fab-ace6-d730d5d9137e",
                    additional_data = {
                        "identityProvider" : "AAD",
                    },
                ),
            ),
        ),
    ],
    client_context = "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
)

result = await graph_client.communications.calls.by_call_id("ab6233a5-20b7-4c5e-bea2-ce56c9776429").participants.invite.post(request_body)
