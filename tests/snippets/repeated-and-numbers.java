// Code snippets are only available for the latest version. Current version is 6.x

GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);

com.microsoft.graph.beta.communications.calls.item.participants.invite.InvitePostRequestBody invitePostRequestBody = new com.microsoft.graph.beta.communications.calls.item.participants.invite.InvitePostRequestBody();
LinkedList<InvitationParticipantInfo> participants = new LinkedList<InvitationParticipantInfo>();
InvitationParticipantInfo invitationParticipantInfo = new InvitationParticipantInfo();
IdentitySet identity = new IdentitySet();
Identity user = new Identity();
user.setId("x");
HashMap<String, Object> additionalData = new HashMap<String, Object>();
additionalData.put("tags", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
    Map.entry("a", new UntypedArray(Arrays.asList(
        new UntypedDouble(1.5d),
        new UntypedDouble(-0.0d),
        new UntypedDouble(100.0d),
        new UntypedDouble(0.002d),
        new UntypedDouble(12345678901234567890d),
        new UntypedNull()
    )))
))));
user.setAdditionalData(additionalData);
identity.setUser(user);
invitationParticipantInfo.setIdentity(identity);
HashMap<String, Object> additionalData1 = new HashMap<String, Object>();
additionalData1.put("note", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
    Map.entry("n", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
        Map.entry("deep", new UntypedArray(Arrays.asList(
            new UntypedBoolean(true),
            new UntypedNull(),
            new UntypedString("s")
        )))
    ))))
))));
invitationParticipantInfo.setAdditionalData(additionalData1);
participants.add(invitationParticipantInfo);
invitePostRequestBody.setParticipants(participants);
HashMap<String, Object> additionalData2 = new HashMap<String, Object>();
additionalData2.put("x", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
    Map.entry("y", new UntypedArray(Arrays.asList())),
    Map.entry("z", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries())))
))));
invitePostRequestBody.setAdditionalData(additionalData2);
var result = graphClient.communications().calls().byCallId("call").participants().invite().post(invitePostRequestBody);
