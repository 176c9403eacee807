// Code snippets are only available for the latest version. Current version is 6.x

GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);

com.microsoft.graph.communications.calls.item.participants.invite.InvitePostRequestBody invitePostRequestBody = new com.microsoft.graph.communications.calls.item.participants.invite.InvitePostRequestBody();
LinkedList<InvitationParticipantInfo> participants = new LinkedList<InvitationParticipantInfo>();
InvitationParticipantInfo invitationParticipantInfo = new InvitationParticipantInfo();
invitationParticipantInfo.setOdataType("#microsoft.graph.invitationParticipantInfo");
CommunicationsIdentitySet identity = new CommunicationsIdentitySet();
identity.setOdataType("#microsoft.graph.communicationsIdentitySet");
Identity phone = new Identity();
phone.setId("+12345678901");
phone.setDisplayName("quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate");
identity.setPhone(phone);
HashMap<String, Object> additionalData = new HashMap<String, Object>();
additionalData.put("user", null);
identity.setAdditionalData(additionalData);
invitationParticipantInfo.setIdentity(identity);
invitationParticipantInfo.setParticipantId("p-1");
invitationParticipantInfo.setHidden(true);
invitationParticipantInfo.setRemoveFromDefaultAudioRoutingGroup(false);
HashMap<String, Object> additionalData1 = new HashMap<String, Object>();
additionalData1.put("replacesCallId", null);
invitationParticipantInfo.setAdditionalData(additionalData1);
participants.add(invitationParticipantInfo);
InvitationParticipantInfo invitationParticipantInfo1 = new InvitationParticipantInfo();
IdentitySet identity1 = new IdentitySet();
HashMap<String, Object> additionalData2 = new HashMap<String, Object>();
additionalData2.put("guest", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
    Map.entry("id", new UntypedString("g")),
    Map.entry("nested", new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
        Map.entry("list", new UntypedArray(Arrays.asList(
            new UntypedLong(1L),
            new UntypedDouble(2.5d),
            new UntypedObject(new HashMap<String, UntypedNode>(Map.ofEntries(
                Map.entry("k", new UntypedString("v"))
            )))
        )))
    ))))
))));
identity1.setAdditionalData(additionalData2);
invitationParticipantInfo1.setIdentity(identity1);
participants.add(invitationParticipantInfo1);
invitePostRequestBody.setParticipants(participants);
invitePostRequestBody.setClientContext("quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate");
var result = graphClient.communications().calls().byCallId("a'b\"c$d").participants().invite().post(invitePostRequestBody);
