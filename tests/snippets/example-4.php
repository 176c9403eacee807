<?php

// THIS SNIPPET IS A PREVIEW VERSION OF THE SDK. NON-PRODUCTION USE ONLY
use Microsoft\Graph\Beta\GraphServiceClient;
use Microsoft\Graph\Beta\Generated\Communications\Calls\Item\Participants\Invite\InvitePostRequestBody;
use Microsoft\Graph\Beta\Generated\Models\InvitationParticipantInfo;
use Microsoft\Graph\Beta\Generated\Models\IdentitySet;


$graphServiceClient = new GraphServiceClient($tokenRequestContext, $scopes);

$requestBody = new InvitePostRequestBody();
$participantsArray = [];
$participantsInvitationParticipantInfo = new InvitationParticipantInfo();
$participantsInvitationParticipantInfo->setOdataType('#microsoft.graph.invitationParticipantInfo');
$participantsInvitationParticipantInfoIdentity = new IdentitySet();
$participantsInvitationParticipantInfoIdentity->setOdataType('#microsoft.graph.identitySet');
$additionalData = [
	'phone' => [
		'@odata.type' => '#microsoft.graph.identity',
		'id' => '+12345678901',
	],
];
$participantsInvitationParticipantInfoIdentity->setAdditionalData($additionalData);
$participantsInvitationParticipantInfo->setIdentity($participantsInvitationParticipantInfoIdentity);
$participantsArray []= $participantsInvitationParticipantInfo;
$requestBody->setParticipants($participantsArray);
$requestBody->setClientContext('f2fa86af-3c51-4bc2-8fc0-475452d9764f');

$result = $graphServiceClient->communications()->calls()->byCallId('ab6233a5-20b7-4c5e-bea2-ce56c9776429')->participants()->invite()->post($requestBody)->wait();
