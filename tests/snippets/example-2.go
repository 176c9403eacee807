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
identity := graphmodels.NewIdentitySet()
odataType1 := "#microsoft.graph.identitySet"
identity.SetOdataType(&odataType1)
user := graphmodels.NewIdentity()
odataType2 := "#microsoft.graph.identity"
user.SetOdataType(&odataType2)
id := "7e1b4346-85a6-4bdd-abe3-d11c5d420efe"
user.SetId(&id)
additionalData := map[string]interface{}{
	"identityProvider" : "AAD",
}
user.SetAdditionalData(additionalData)
identity.SetUser(user)
invitationParticipantInfo.SetIdentity(identity)
invitationParticipantInfo1 := graphmodels.NewInvitationParticipantInfo()
odataType3 := "#microsoft.graph.invitationParticipantInfo"
invitationParticipantInfo1.SetOdataType(&odataType3)
identity1 := graphmodels.NewIdentitySet()
odataType4 := "#microsoft.graph.identitySet"
identity1.SetOdataType(&odataType4)
user1 := graphmodels.NewIdentity()
odataType5 := "#microsoft.graph.identity"
user1.SetOdataType(&odataType5)
id1 := "1e126418-44a0-4a94-a6f8-0efe1ad71acb"
user1.SetId(&id1)
additionalData1 := map[string]interface{}{
	"identityProvider" : "AAD",
}
user1.SetAdditionalData(additionalData1)
identity1.SetUser(user1)
invitationParticipantInfo1.SetIdentity(identity1)

participants := []graphmodels.InvitationParticipantInfoable {
	invitationParticipantInfo,
	invitationParticipantInfo1,
}
requestBody.SetParticipants(participants)
clientContext := "f2fa86af-3c51-4bc2-8fc0-475452d9764f"
requestBody.SetClientContext(&clientContext)

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
invite, err := graphClient.Communications().Calls().ByCallId("7531d31f-d10d-44de-802f-c569dbca451c").Participants().Invite().Post(context.Background(), requestBody, nil)
