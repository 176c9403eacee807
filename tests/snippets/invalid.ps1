# Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null
Import-Module Microsoft.Graph.Beta.CloudCommunications

$params = @{
	participants = @(
		@{
			identity = @{
				user = @{
					id = 'x'
					displayName = ('*/ ' + [char]0x000A + '// evil')
				}
			}
			hidden = 'yes'
		}
	)
}

$callId = 'call'

Invoke-MgBetaInviteCommunicationCallParticipant -CallId $callId -BodyParameter $params
