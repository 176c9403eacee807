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
odataType := "#microsoft.graph.invitationParticipantInfo"
invitationParticipantInfo.SetOdataType(&odataType)
replacesCallId := "a7ebfb2d-871e-419c-87af-27290b22e8db"
invitationParticipantInfo.SetReplacesCallId(&replacesCallId)
participantId := "7d501bf1-5ee4-4605-ba92-0ae4513c611c"
invitationParticipantInfo.SetParticipantId(&participantId)
identity := graphmodels.NewIdentitySet()
odataType1 := "#microsoft.graph.identitySet"
identity.SetOdataType(&odataType1)
user := graphmodels.NewIdentity()
odataType2 := "#microsoft.graph.identity"
user.SetOdataType(&odataType2)
id := "682b6c37-0729-4fab-ace6-d730d5d9137e"
user.SetId(&id)
additionalData := map[string]interface{}{
	"identityProvider" : "AAD",
}
user.SetAdditionalData(additionalData)
identity.SetUser(user)
invitationParticipantInfo.SetIdentity(identity)

participants := []graphmodels.InvitationParticipantInfoable {
	invitationParticipantInfo,
}
requestBody.SetParticipants(participants)
clientContext := "f2fa86af-3c51-4bc2-8fc0-475452d9764f"
requestBody.SetClientContext(&clientContext)

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
invite, err := graphClient.Communications().Calls().ByCallId("ab6233a5-20b7-4c5e-bea2-ce56c9776429").Participants().Invite().Post(context.Background(), requestBody, nil)
