// Code snippets are only available for the latest version. Current version is 5.x

// Dependencies
using Microsoft.Graph.Communications.Calls.Item.Participants.Invite;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

var requestBody = new InvitePostRequestBody
{
	Participants = new List<InvitationParticipantInfo>
	{
		new InvitationParticipantInfo
		{
			OdataType = "#microsoft.graph.invitationParticipantInfo",
			Identity = new CommunicationsIdentitySet
			{
				OdataType = "#microsoft.graph.communicationsIdentitySet",
				Phone = new Identity
				{
					Id = "+12345678901",
					DisplayName = "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate",
				},
				AdditionalData = new Dictionary<string, object>
				{
					{
						"user" , null
					},
				},
			},
			ParticipantId = "p-1",
			Hidden = true,
			RemoveFromDefaultAudioRoutingGroup = false,
			AdditionalData = new Dictionary<string, object>
			{
				{
					"replacesCallId" , null
				},
			},
		},
		new InvitationParticipantInfo
		{
			Identity = new IdentitySet
			{
				AdditionalData = new Dictionary<string, object>
				{
					{
						"guest" , new UntypedObject(new Dictionary<string, UntypedNode>
						{
							{
								"id", new UntypedString("g")
							},
							{
								"nested", new UntypedObject(new Dictionary<string, UntypedNode>
								{
									{
										"list", new UntypedArray(new List<UntypedNode>
										{
											new UntypedLong(1L),
											new UntypedDouble(2.5d),
											new UntypedObject(new Dictionary<string, UntypedNode>
											{
												{
													"k", new UntypedString("v")
												},
											}),
										})
									},
								})
							},
						})
					},
				},
			},
		},
	},
	ClientContext = "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate",
};

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=csharp
var result = await graphClient.Communications.Calls["a'b\"c$d"].Participants.Invite.PostAsync(requestBody);
