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
additionalData := map[string]interface{}{
	"tags" : map[string]interface{}{
		"a" : []interface{}{
			float64(1.5),
			float64(-0.0),
			float64(100.0),
			float64(0.002),
			float64(12345678901234567890),
			nil,
		},
	},
}
user.SetAdditionalData(additionalData)
identity.SetUser(user)
invitationParticipantInfo.SetIdentity(identity)
additionalData1 := map[string]interface{}{
	"note" : map[string]interface{}{
		"n" : map[string]interface{}{
			"deep" : []interface{}{
				true,
				nil,
				"s",
			},
		},
	},
}
invitationParticipantInfo.SetAdditionalData(additionalData1)

participants := []graphmodels.InvitationParticipantInfoable {
	invitationParticipantInfo,
}
requestBody.SetParticipants(participants)
additionalData2 := map[string]interface{}{
	"x" : map[string]interface{}{
		"y" : []interface{}{
		},
		"z" : map[string]interface{}{
		},
	},
}
requestBody.SetAdditionalData(additionalData2)

// To initialize your graphClient, see https://learn.microsoft.com/en-us/graph/sdks/create-client?from=snippets&tabs=go
invite, err := graphClient.Communications().Calls().ByCallId("call").Participants().Invite().Post(context.Background(), requestBody, nil)
