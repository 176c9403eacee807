// Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null
// Code snippets are only available for the latest major version. Current major version is $v1.*

// Dependencies
import (
	"context"
	msgraphsdk "github.com/microsoftgraph/msgraph-beta-sdk-go"
	graphcommunications "github.com/microsoftgraph/msgraph-beta-sdk-go/communications"
	graphmodels "github.com/microsoftgraph/msgraph-beta-sdk-go/models"
	//other-imports
)

requestBody := graphcommunications.NewCallsItemParticipantsInvitePostRequestBody()
invitationParticipantInfo := graphmodels.NewInvitationParticipantInfo()
identity := graphmodels.NewIdentitySet()
user := graphmodels.NewIdentity()
id := "x"
user.SetId(&id)
displayName := "*/ \n// evil"
user.SetDisplayName(&displayName)
identity.SetUser(user)
invitationParticipantInfo.SetIdentity(identity)
additionalData := map[string]interface{}{
	"hidden" : "yes",
}
invitationParticipantInfo.SetAdditionalData(additionalData)

participants := []graphmodels.InvitationParticipantInfoable {
	invitationParticipantInfo,
}
requestBody.SetParticipants(participants)

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
invite, err := graphClient.Communications().Calls().ByCallId("call").Participants().Invite().Post(context.Background(), requestBody, nil)
