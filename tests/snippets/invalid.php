<?php
// Graph would reject this request: type-mismatch: `hidden` is a string but must be a boolean or null

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
$participantsInvitationParticipantInfoIdentityUser->setDisplayName("*/ \n// evil");
$participantsInvitationParticipantInfoIdentity->setUser($participantsInvitationParticipantInfoIdentityUser);
$participantsInvitationParticipantInfo->setIdentity($participantsInvitationParticipantInfoIdentity);
$additionalData = [
	'hidden' => 'yes',
];
$participantsInvitationParticipantInfo->setAdditionalData($additionalData);
$participantsArray []= $participantsInvitationParticipantInfo;
$requestBody->setParticipants($participantsArray);

$result = $graphServiceClient->communications()->calls()->byCallId('call')->participants()->invite()->post($requestBody)->wait();
