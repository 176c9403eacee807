// Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null
// Code snippets are only available for the latest version. Current version is 5.x

// Dependencies
using Microsoft.Graph.Beta.Communications.Calls.Item.Participants.Invite;
using Microsoft.Graph.Beta.Models;

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
					DisplayName = "*/ \n// evil",
				},
			},
			AdditionalData = new Dictionary<string, object>
			{
				{
					"hidden" , "yes"
				},
			},
		},
	},
};

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=csharp
var result = await graphClient.Communications.Calls["call"].Participants.Invite.PostAsync(requestBody);
