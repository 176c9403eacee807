// Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null
// Code snippets are only available for the latest version. Current version is 6.x

GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);

com.microsoft.graph.beta.communications.calls.item.participants.invite.InvitePostRequestBody invitePostRequestBody = new com.microsoft.graph.beta.communications.calls.item.participants.invite.InvitePostRequestBody();
LinkedList<InvitationParticipantInfo> participants = new LinkedList<InvitationParticipantInfo>();
InvitationParticipantInfo invitationParticipantInfo = new InvitationParticipantInfo();
IdentitySet identity = new IdentitySet();
Identity user = new Identity();
user.setId("x");
user.setDisplayName("*/ \n// evil");
identity.setUser(user);
invitationParticipantInfo.setIdentity(identity);
HashMap<String, Object> additionalData = new HashMap<String, Object>();
additionalData.put("hidden", "yes");
invitationParticipantInfo.setAdditionalData(additionalData);
participants.add(invitationParticipantInfo);
invitePostRequestBody.setParticipants(participants);
var result = graphClient.communications().calls().byCallId("call").participants().invite().post(invitePostRequestBody);
