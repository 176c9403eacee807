Import-Module Microsoft.Graph.CloudCommunications

$params = @{
	participants = @(
		@{
			'@odata.type' = '#microsoft.graph.invitationParticipantInfo'
			identity = @{
				'@odata.type' = '#microsoft.graph.communicationsIdentitySet'
				phone = @{
					id = '+12345678901'
					displayName = 'quote " back \ dollar $x ${y} `tick` new
line é 漢 😀   '' ’’ */ ?>'
				}
				user = $null
			}
			replacesCallId = $null
			participantId = 'p-1'
			hidden = $true
			removeFromDefaultAudioRoutingGroup = $false
		}
		@{
			identity = @{
				guest = @{
					id = 'g'
					nested = @{
						list = @(
							1
							2.5
							@{
								k = 'v'
							}
						)
					}
				}
			}
		}
	)
	clientContext = 'quote " back \ dollar $x ${y} `tick` new
line é 漢 😀   '' ’’ */ ?>'
}

$callId = 'a''b"c$d'

Invoke-MgInviteCommunicationCallParticipant -CallId $callId -BodyParameter $params
