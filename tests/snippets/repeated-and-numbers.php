<?php

// THIS SNIPPET IS A PREVIEW VERSION OF THE SDK. NON-PRODUCTION USE ONLY
use Microsoft\Graph\Beta\GraphServiceClient;
use Microsoft\Graph\Beta\Generated\Communications\Calls\Item\Participants\Invite\InvitePostRequestBody;
use Microsoft\Graph\Beta\Generated\Models\InvitationParticipantInfo;
use Microsoft\Graph\Beta\Generated\Models\IdentitySet;
use Microsoft\Graph\Beta\Generated\Models\Identity;


$graphServiceClient = new GraphServiceClient($tokenRequestContext, $scopes);

$requestBody = new InvitePostRequestBody();
$participantsArray = [];
$participantsInvitationParticipantInfo = new InvitationParticipantInfo();
$participantsInvitationParticipantInfoIdentity = new IdentitySet();
$participantsInvitationParticipantInfoIdentityUser = new Identity();
$participantsInvitationParticipantInfoIdentityUser->setId('x');
$additionalData = [
	'tags' => [
		'a' => [
			1.5,
			-0.0,
			100.0,
			0.002,
			12345678901234567890,
			null,
		],
	],
];
$participantsInvitationParticipantInfoIdentityUser->setAdditionalData($additionalData);
$participantsInvitationParticipantInfoIdentity->setUser($participantsInvitationParticipantInfoIdentityUser);
$participantsInvitationParticipantInfo->setIdentity($participantsInvitationParticipantInfoIdentity);
$additionalData1 = [
	'note' => [
		'n' => [
			'deep' => [
				true,
				null,
				's',
			],
		],
	],
];
$participantsInvitationParticipantInfo->setAdditionalData($additionalData1);
$participantsArray []= $participantsInvitationParticipantInfo;
$requestBody->setParticipants($participantsArray);
$additionalData2 = [
	'x' => [
		'y' => [
		],
		'z' => [
		],
	],
];
$requestBody->setAdditionalData($additionalData2);

$result = $graphServiceClient->communications()->calls()->byCallId('call')->participants()->invite()->post($requestBody)->wait();
