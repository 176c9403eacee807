<?php

// THIS SNIPPET IS A PREVIEW VERSION OF THE SDK. NON-PRODUCTION USE ONLY
use Microsoft\Graph\GraphServiceClient;
use Microsoft\Graph\Generated\Communications\Calls\Item\Participants\Invite\InvitePostRequestBody;
use Microsoft\Graph\Generated\Models\InvitationParticipantInfo;
use Microsoft\Graph\Generated\Models\CommunicationsIdentitySet;
use Microsoft\Graph\Generated\Models\Identity;
use Microsoft\Graph\Generated\Models\IdentitySet;


$graphServiceClient = new GraphServiceClient($tokenRequestContext, $scopes);

$requestBody = new InvitePostRequestBody();
$participantsArray = [];
$participantsInvitationParticipantInfo = new InvitationParticipantInfo();
$participantsInvitationParticipantInfo->setOdataType('#microsoft.graph.invitationParticipantInfo');
$participantsInvitationParticipantInfoIdentity = new CommunicationsIdentitySet();
$participantsInvitationParticipantInfoIdentity->setOdataType('#microsoft.graph.communicationsIdentitySet');
$participantsInvitationParticipantInfoIdentityPhone = new Identity();
$participantsInvitationParticipantInfoIdentityPhone->setId('+12345678901');
$participantsInvitationParticipantInfoIdentityPhone->setDisplayName("quote \" back \\ dollar \$x \${y} `tick` new\nline é 漢 😀 \u{2028} ' ’ */ ?> bell \u{7} \u{202e}rlo\u{2066}isolate");
$participantsInvitationParticipantInfoIdentity->setPhone($participantsInvitationParticipantInfoIdentityPhone);
$additionalData = [
	'user' => null,
];
$participantsInvitationParticipantInfoIdentity->setAdditionalData($additionalData);
$participantsInvitationParticipantInfo->setIdentity($participantsInvitationParticipantInfoIdentity);
$participantsInvitationParticipantInfo->setParticipantId('p-1');
$participantsInvitationParticipantInfo->setHidden(true);
$participantsInvitationParticipantInfo->setRemoveFromDefaultAudioRoutingGroup(false);
$additionalData1 = [
	'replacesCallId' => null,
];
$participantsInvitationParticipantInfo->setAdditionalData($additionalData1);
$participantsArray []= $participantsInvitationParticipantInfo;
$participantsInvitationParticipantInfo1 = new InvitationParticipantInfo();
$participantsInvitationParticipantInfo1Identity = new IdentitySet();
$additionalData2 = [
	'guest' => [
		'id' => 'g',
		'nested' => [
			'list' => [
				1,
				2.5,
				[
					'k' => 'v',
				],
			],
		],
	],
];
$participantsInvitationParticipantInfo1Identity->setAdditionalData($additionalData2);
$participantsInvitationParticipantInfo1->setIdentity($participantsInvitationParticipantInfo1Identity);
$participantsArray []= $participantsInvitationParticipantInfo1;
$requestBody->setParticipants($participantsArray);
$requestBody->setClientContext("quote \" back \\ dollar \$x \${y} `tick` new\nline é 漢 😀 \u{2028} ' ’ */ ?> bell \u{7} \u{202e}rlo\u{2066}isolate");

$result = $graphServiceClient->communications()->calls()->byCallId('a\'b"c$d')->participants()->invite()->post($requestBody)->wait();
