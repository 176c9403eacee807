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
$participantsInvitationParticipantInfo->setOdataType('#microsoft.graph.invitationParticipantInfo');
$participantsInvitationParticipantInfo->setReplacesCallId('a7ebfb2d-871e-419c-87af-27290b22e8db');
$participantsInvitationParticipantInfoIdentity = new IdentitySet();
$participantsInvitationParticipantInfoIdentity->setOdataType('#microsoft.graph.identitySet');
$participantsInvitationParticipantInfoIdentityUser = new Identity();
$participantsInvitationParticipantInfoIdentityUser->setOdataType('#microsoft.graph.identity');
$participantsInvitationParticipantInfoIdentityUser->setId('7e1b4346-85a6-4bdd-abe3-d11c5d420efe');
$additionalData = [
	'identityProvider' => 'AAD',
];
$participantsInvitationParticipantInfoIdentityUser->setAdditionalData($additionalData);
$participantsInvitationParticipantInfoIdentity->setUser($participantsInvitationParticipantInfoIdentityUser);
$participantsInvitationParticipantInfo->setIdentity($participantsInvitationParticipantInfoIdentity);
$participantsArray []= $participantsInvitationParticipantInfo;
$requestBody->setParticipants($participantsArray);
$requestBody->setClientContext('f2fa86af-3c51-4bc2-8fc0-475452d9764f');

$result = $graphServiceClient->communications()->calls()->byCallId('ab6233a5-20b7-4c5e-bea2-ce56c9776429')->participants()->invite()->post($requestBody)->wait();
