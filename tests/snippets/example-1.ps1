Import-Module Microsoft.Graph.Beta.CloudCommunications

$params = @{
	participants = @(
		@{
			'@odata.type' = '#microsoft.graph.invitationParticipantInfo'
			identity = @{
				'@odata.type' = '#microsoft.graph.identitySet'
				user = @{
					'@odata.type' = '#microsoft.graph.identity'
					id = '278405a3-f568-4b3e-b684-009193463064'
					identityProvider = 'AAD'
				}
			}
		}
	)
	clientContext = 'f2fa86af-3c51-4bc2-8fc0-475452d9764f'
}

$callId = 'ab6233a5-20b7-4c5e-bea2-ce56c9776429'

Invoke-MgBetaInviteCommunicationCallParticipant -CallId $callId -BodyParameter $params
