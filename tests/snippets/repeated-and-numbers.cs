// Code snippets are only available for the latest version. Current version is 5.x

// Dependencies
using Microsoft.Graph.Beta.Communications.Calls.Item.Participants.Invite;
using Microsoft.Graph.Beta.Models;
using Microsoft.Kiota.Abstractions.Serialization;

var requestBody = new InvitePostRequestBody
{
	Participants = new List<InvitationParticipantInfo>
	{
		new InvitationParticipantInfo
		{
			Identity = new IdentitySet
			{
				User = new Identity
				{
					Id = "x",
					AdditionalData = new Dictionary<string, object>
					{
						{
							"tags" , new UntypedObject(new Dictionary<string, UntypedNode>
							{
								{
									"a", new UntypedArray(new List<UntypedNode>
									{
										new UntypedDouble(1.5d),
										new UntypedDouble(-0.0d),
										new UntypedDouble(100.0d),
										new UntypedDouble(0.002d),
										new UntypedDouble(12345678901234567890d),
										new UntypedNull(),
									})
								},
							})
						},
					},
				},
			},
			AdditionalData = new Dictionary<string, object>
			{
				{
					"note" , new UntypedObject(new Dictionary<string, UntypedNode>
					{
						{
							"n", new UntypedObject(new Dictionary<string, UntypedNode>
							{
								{
									"deep", new UntypedArray(new List<UntypedNode>
									{
										new UntypedBoolean(true),
										new UntypedNull(),
										new UntypedString("s"),
									})
								},
							})
						},
					})
				},
			},
		},
	},
	AdditionalData = new Dictionary<string, object>
	{
		{
			"x" , new UntypedObject(new Dictionary<string, UntypedNode>
			{
				{
					"y", new UntypedArray(new List<UntypedNode>
					{
					})
				},
				{
					"z", new UntypedObject(new Dictionary<string, UntypedNode>
					{
					})
				},
			})
		},
	},
};

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=csharp
var result = await graphClient.Communications.Calls["call"].Participants.Invite.PostAsync(requestBody);
