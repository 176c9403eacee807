Import-Module Microsoft.Graph.Beta.CloudCommunications

$params = @{
	participants = @(
		@{
			identity = @{
				user = @{
					id = 'x'
					tags = @{
						a = @(
							1.5
							-0.0
							100.0
							0.002
							12345678901234567890
							$null
						)
					}
				}
			}
			note = @{
				n = @{
					deep = @(
						$true
						$null
						's'
					)
				}
			}
		}
	)
	x = @{
		y = @(
		)
		z = @{
		}
	}
}

$callId = 'call'

Invoke-MgBetaInviteCommunicationCallParticipant -CallId $callId -BodyParameter $params
