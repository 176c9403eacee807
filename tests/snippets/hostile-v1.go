// Code snippets are only available for the latest major version. Current major version is $v1.*

// Dependencies
import (
	"context"
	msgraphsdk "github.com/microsoftgraph/msgraph-sdk-go"
	graphcommunications "github.com/microsoftgraph/msgraph-sdk-go/communications"
	graphmodels "github.com/microsoftgraph/msgraph-sdk-go/models"
	//other-imports
)

requestBody := graphcommunications.NewCallsItemParticipantsInvitePostRequestBody()
invitationParticipantInfo := graphmodels.NewInvitationParticipantInfo()
odataType := "#microsoft.graph.invitationParticipantInfo"
invitationParticipantInfo.SetOdataType(&odataType)
identity := graphmodels.NewCommunicationsIdentitySet()
odataType1 := "#microsoft.graph.communicationsIdentitySet"
identity.SetOdataType(&odataType1)
phone := graphmodels.NewIdentity()
id := "+12345678901"
phone.SetId(&id)
displayName := "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate"
phone.SetDisplayName(&displayName)
identity.SetPhone(phone)
additionalData := map[string]interface{}{
	"user" : nil,
}
identity.SetAdditionalData(additionalData)
invitationParticipantInfo.SetIdentity(identity)
participantId := "p-1"
invitationParticipantInfo.SetParticipantId(&participantId)
hidden := true
invitationParticipantInfo.SetHidden(&hidden)
removeFromDefaultAudioRoutingGroup := false
invitationParticipantInfo.SetRemoveFromDefaultAudioRoutingGroup(&removeFromDefaultAudioRoutingGroup)
additionalData1 := map[string]interface{}{
	"replacesCallId" : nil,
}
invitationParticipantInfo.SetAdditionalData(additionalData1)
invitationParticipantInfo1 := graphmodels.NewInvitationParticipantInfo()
identity1 := graphmodels.NewIdentitySet()
additionalData2 := map[string]interface{}{
	"guest" : map[string]interface{}{
		"id" : "g",
		"nested" : map[string]interface{}{
			"list" : []interface{}{
				int64(1),
				float64(2.5),
				map[string]interface{}{
					"k" : "v",
				},
			},
		},
	},
}
identity1.SetAdditionalData(additionalData2)
invitationParticipantInfo1.SetIdentity(identity1)

participants := []graphmodels.InvitationParticipantInfoable {
	invitationParticipantInfo,
	invitationParticipantInfo1,
}
requestBody.SetParticipants(participants)
clientContext := "quote \" back \\ dollar $x ${y} `tick` new\nline é 漢 😀 \u2028 ' ’ */ ?> bell \u0007 \u202erlo\u2066isolate"
requestBody.SetClientContext(&clientContext)

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
invite, err := graphClient.Communications().Calls().ByCallId("a'b\"c$d").Participants().Invite().Post(context.Background(), requestBody, nil)
