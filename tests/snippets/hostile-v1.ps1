Import-Module Microsoft.Graph.CloudCommunications

$params = @{
	participants = @(
		@{
			'@odata.type' = '#microsoft.graph.invitationParticipantInfo'
			identity = @{
				'@odata.type' = '#microsoft.graph.communicationsIdentitySet'
				phone = @{
					id = '+12345678901'
					displayName = ('quote " back \ dollar $x ${y} `tick` new' + [char]0x000A + 'line é 漢 😀 ' + [char]0x2028 + ' '' ’’ */ ?> bell ' + [char]0x0007 + ' ' + [char]0x202E + 'rlo' + [char]0x2066 + 'isolate')
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
	clientContext = ('quote " back \ dollar $x ${y} `tick` new' + [char]0x000A + 'line é 漢 😀 ' + [char]0x2028 + ' '' ’’ */ ?> bell ' + [char]0x0007 + ' ' + [char]0x202E + 'rlo' + [char]0x2066 + 'isolate')
}

$callId = 'a''b"c$d'

Invoke-MgInviteCommunicationCallParticipant -CallId $callId -BodyParameter $params
