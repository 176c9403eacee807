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
$participantsInvitationParticipantInfo1 = new InvitationParticipantInfo();
$participantsInvitationParticipantInfo1->setOdataType('#microsoft.graph.invitationParticipantInfo');
$participantsInvitationParticipantInfo1Identity = new IdentitySet();
$participantsInvitationParticipantInfo1Identity->setOdataType('#microsoft.graph.identitySet');
$participantsInvitationParticipantInfo1IdentityUser = new Identity();
$participantsInvitationParticipantInfo1IdentityUser->setOdataType('#microsoft.graph.identity');
$participantsInvitationParticipantInfo1IdentityUser->setId('1e126418-44a0-4a94-a6f8-0efe1ad71acb');
$additionalData1 = [
	'identityProvider' => 'AAD',
];
$participantsInvitationParticipantInfo1IdentityUser->setAdditionalData($additionalData1);
$participantsInvitationParticipantInfo1Identity->setUser($participantsInvitationParticipantInfo1IdentityUser);
$participantsInvitationParticipantInfo1->setIdentity($participantsInvitationParticipantInfo1Identity);
$participantsArray []= $participantsInvitationParticipantInfo1;
$requestBody->setParticipants($participantsArray);
$requestBody->setClientContext('f2fa86af-3c51-4bc2-8fc0-475452d9764f');

$result = $graphServiceClient->communications()->calls()->byCallId('7531d31f-d10d-44de-802f-c569dbca451c')->participants()->invite()->post($requestBody)->wait();
