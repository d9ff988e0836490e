package events

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/crisp-go/crisp-go/api"
)

// OnSessionUpdateAvailability registers fn for session:update_availability
// events, sent when the visitor of a conversation goes online or offline.
func (r *Router) OnSessionUpdateAvailability(fn func(ctx context.Context, data api.EventSessionUpdateAvailability, ev *Event) error) {
	On(r, SessionUpdateAvailability, fn)
}

// OnSessionUpdateVerify registers fn for session:update_verify events, sent
// when the identity verification status of a conversation changes.
func (r *Router) OnSessionUpdateVerify(fn func(ctx context.Context, data api.EventSessionUpdateVerify, ev *Event) error) {
	On(r, SessionUpdateVerify, fn)
}

// OnSessionRequestInitiated registers fn for session:request:initiated events,
// sent when a visitor starts a conversation.
func (r *Router) OnSessionRequestInitiated(fn func(ctx context.Context, data api.EventSessionRequestInitiated, ev *Event) error) {
	On(r, SessionRequestInitiated, fn)
}

// OnSessionSetEmail registers fn for session:set_email events, sent when the
// email address of the visitor of a conversation is set.
func (r *Router) OnSessionSetEmail(fn func(ctx context.Context, data api.EventSessionSetEmail, ev *Event) error) {
	On(r, SessionSetEmail, fn)
}

// OnSessionSetPhone registers fn for session:set_phone events, sent when the
// phone number of the visitor of a conversation is set.
func (r *Router) OnSessionSetPhone(fn func(ctx context.Context, data api.EventSessionSetPhone, ev *Event) error) {
	On(r, SessionSetPhone, fn)
}

// OnSessionSetAddress registers fn for session:set_address events, sent when
// the postal address of the visitor of a conversation is set.
func (r *Router) OnSessionSetAddress(fn func(ctx context.Context, data api.EventSessionSetAddress, ev *Event) error) {
	On(r, SessionSetAddress, fn)
}

// OnSessionSetSubject registers fn for session:set_subject events, sent when
// the subject of a conversation is set.
func (r *Router) OnSessionSetSubject(fn func(ctx context.Context, data api.EventSessionSetSubject, ev *Event) error) {
	On(r, SessionSetSubject, fn)
}

// OnSessionSetAvatar registers fn for session:set_avatar events, sent when the
// avatar of the visitor of a conversation is set.
func (r *Router) OnSessionSetAvatar(fn func(ctx context.Context, data api.EventSessionSetAvatar, ev *Event) error) {
	On(r, SessionSetAvatar, fn)
}

// OnSessionSetNickname registers fn for session:set_nickname events, sent when
// the nickname of the visitor of a conversation is set.
func (r *Router) OnSessionSetNickname(fn func(ctx context.Context, data api.EventSessionSetNickname, ev *Event) error) {
	On(r, SessionSetNickname, fn)
}

// OnSessionSetOrigin registers fn for session:set_origin events, sent when the
// origin (channel) of a conversation is set.
func (r *Router) OnSessionSetOrigin(fn func(ctx context.Context, data api.EventSessionSetOrigin, ev *Event) error) {
	On(r, SessionSetOrigin, fn)
}

// OnSessionSetData registers fn for session:set_data events, sent when the
// custom data of a conversation changes.
func (r *Router) OnSessionSetData(fn func(ctx context.Context, data api.EventSessionSetData, ev *Event) error) {
	On(r, SessionSetData, fn)
}

// OnSessionSyncPages registers fn for session:sync:pages events, sent when the
// visitor of a conversation browses pages.
func (r *Router) OnSessionSyncPages(fn func(ctx context.Context, data api.EventSessionSyncPages, ev *Event) error) {
	On(r, SessionSyncPages, fn)
}

// OnSessionSyncEvents registers fn for session:sync:events events, sent when
// custom events are pushed for the visitor of a conversation.
func (r *Router) OnSessionSyncEvents(fn func(ctx context.Context, data api.EventSessionSyncEvents, ev *Event) error) {
	On(r, SessionSyncEvents, fn)
}

// OnSessionSyncCapabilities registers fn for session:sync:capabilities events,
// sent when what the chatbox of the visitor supports changes.
func (r *Router) OnSessionSyncCapabilities(fn func(ctx context.Context, data api.EventSessionSyncCapabilities, ev *Event) error) {
	On(r, SessionSyncCapabilities, fn)
}

// OnSessionSyncGeolocation registers fn for session:sync:geolocation events,
// sent when the location of the visitor of a conversation is found.
func (r *Router) OnSessionSyncGeolocation(fn func(ctx context.Context, data api.EventSessionSyncGeolocation, ev *Event) error) {
	On(r, SessionSyncGeolocation, fn)
}

// OnSessionSyncSystem registers fn for session:sync:system events, sent when
// the operating system and browser of the visitor are found.
func (r *Router) OnSessionSyncSystem(fn func(ctx context.Context, data api.EventSessionSyncSystem, ev *Event) error) {
	On(r, SessionSyncSystem, fn)
}

// OnSessionSyncNetwork registers fn for session:sync:network events, sent when
// the network of the visitor of a conversation is found.
func (r *Router) OnSessionSyncNetwork(fn func(ctx context.Context, data api.EventSessionSyncNetwork, ev *Event) error) {
	On(r, SessionSyncNetwork, fn)
}

// OnSessionSyncTimezone registers fn for session:sync:timezone events, sent
// when the time zone of the visitor of a conversation is found.
func (r *Router) OnSessionSyncTimezone(fn func(ctx context.Context, data api.EventSessionSyncTimezone, ev *Event) error) {
	On(r, SessionSyncTimezone, fn)
}

// OnSessionSyncLocales registers fn for session:sync:locales events, sent when
// the locales of the visitor of a conversation are found.
func (r *Router) OnSessionSyncLocales(fn func(ctx context.Context, data api.EventSessionSyncLocales, ev *Event) error) {
	On(r, SessionSyncLocales, fn)
}

// OnSessionSyncRating registers fn for session:sync:rating events, sent when
// the visitor rates a conversation.
func (r *Router) OnSessionSyncRating(fn func(ctx context.Context, data api.EventSessionSyncRating, ev *Event) error) {
	On(r, SessionSyncRating, fn)
}

// OnSessionSyncTopic registers fn for session:sync:topic events, sent when the
// topic of a conversation is found.
func (r *Router) OnSessionSyncTopic(fn func(ctx context.Context, data api.EventSessionSyncTopic, ev *Event) error) {
	On(r, SessionSyncTopic, fn)
}

// OnSessionSetState registers fn for session:set_state events, sent when the
// state of a conversation changes (pending, unresolved, resolved).
func (r *Router) OnSessionSetState(fn func(ctx context.Context, data api.EventSessionSetState, ev *Event) error) {
	On(r, SessionSetState, fn)
}

// OnSessionSetBlock registers fn for session:set_block events, sent when the
// visitor of a conversation is blocked or unblocked.
func (r *Router) OnSessionSetBlock(fn func(ctx context.Context, data api.EventSessionSetBlock, ev *Event) error) {
	On(r, SessionSetBlock, fn)
}

// OnSessionSetSegments registers fn for session:set_segments events, sent when
// the segments of a conversation change.
func (r *Router) OnSessionSetSegments(fn func(ctx context.Context, data api.EventSessionSetSegments, ev *Event) error) {
	On(r, SessionSetSegments, fn)
}

// OnSessionSetOpened registers fn for session:set_opened events, sent when an
// operator opens a conversation.
func (r *Router) OnSessionSetOpened(fn func(ctx context.Context, data api.EventSessionSetOpened, ev *Event) error) {
	On(r, SessionSetOpened, fn)
}

// OnSessionSetClosed registers fn for session:set_closed events, sent when an
// operator closes a conversation.
func (r *Router) OnSessionSetClosed(fn func(ctx context.Context, data api.EventSessionSetClosed, ev *Event) error) {
	On(r, SessionSetClosed, fn)
}

// OnSessionSetParticipants registers fn for session:set_participants events,
// sent when the external participants of a conversation change.
func (r *Router) OnSessionSetParticipants(fn func(ctx context.Context, data api.EventSessionSetParticipants, ev *Event) error) {
	On(r, SessionSetParticipants, fn)
}

// OnSessionSetMentions registers fn for session:set_mentions events, sent when
// the operators mentioned in a conversation change.
func (r *Router) OnSessionSetMentions(fn func(ctx context.Context, data api.EventSessionSetMentions, ev *Event) error) {
	On(r, SessionSetMentions, fn)
}

// OnSessionSetRouting registers fn for session:set_routing events, sent when a
// conversation is assigned to another routing rule.
func (r *Router) OnSessionSetRouting(fn func(ctx context.Context, data api.EventSessionSetRouting, ev *Event) error) {
	On(r, SessionSetRouting, fn)
}

// OnSessionSetInbox registers fn for session:set_inbox events, sent when a
// conversation moves to another inbox.
func (r *Router) OnSessionSetInbox(fn func(ctx context.Context, data api.EventSessionSetInbox, ev *Event) error) {
	On(r, SessionSetInbox, fn)
}

// OnSessionRemoved registers fn for session:removed events, sent when a
// conversation is removed.
func (r *Router) OnSessionRemoved(fn func(ctx context.Context, data api.EventSessionRemoved, ev *Event) error) {
	On(r, SessionRemoved, fn)
}

// OnSessionError registers fn for session:error events, sent when Crisp
// rejects a change to a conversation.
func (r *Router) OnSessionError(fn func(ctx context.Context, data api.EventSessionError, ev *Event) error) {
	On(r, SessionError, fn)
}

// OnMessageUpdated registers fn for message:updated events, sent when the
// content of a message is edited.
func (r *Router) OnMessageUpdated(fn func(ctx context.Context, data api.EventMessageUpdated, ev *Event) error) {
	On(r, MessageUpdated, fn)
}

// OnMessageSend registers fn for message:send events, sent when a visitor
// sends a message.
func (r *Router) OnMessageSend(fn func(ctx context.Context, data api.EventMessageSend, ev *Event) error) {
	On(r, MessageSend, fn)
}

// OnMessageReceived registers fn for message:received events, sent when an
// operator sends a message (notes and events included).
func (r *Router) OnMessageReceived(fn func(ctx context.Context, data api.EventMessageReceived, ev *Event) error) {
	On(r, MessageReceived, fn)
}

// OnMessageRemoved registers fn for message:removed events, sent when a
// message is removed from a conversation.
func (r *Router) OnMessageRemoved(fn func(ctx context.Context, data api.EventMessageRemoved, ev *Event) error) {
	On(r, MessageRemoved, fn)
}

// OnMessageComposeSend registers fn for message:compose:send events, sent when
// the visitor of a conversation starts or stops typing.
func (r *Router) OnMessageComposeSend(fn func(ctx context.Context, data api.EventMessageComposeSend, ev *Event) error) {
	On(r, MessageComposeSend, fn)
}

// OnMessageComposeReceive registers fn for message:compose:receive events,
// sent when an operator starts or stops typing in a conversation.
func (r *Router) OnMessageComposeReceive(fn func(ctx context.Context, data api.EventMessageComposeReceive, ev *Event) error) {
	On(r, MessageComposeReceive, fn)
}

// OnMessageAcknowledgeReadSend registers fn for message:acknowledge:read:send
// events, sent when the visitor reads messages.
func (r *Router) OnMessageAcknowledgeReadSend(fn func(ctx context.Context, data api.EventMessageAcknowledge, ev *Event) error) {
	On(r, MessageAcknowledgeReadSend, fn)
}

// OnMessageAcknowledgeReadReceived registers fn for
// message:acknowledge:read:received events, sent when an operator reads
// messages.
func (r *Router) OnMessageAcknowledgeReadReceived(fn func(ctx context.Context, data api.EventMessageAcknowledge, ev *Event) error) {
	On(r, MessageAcknowledgeReadReceived, fn)
}

// OnMessageAcknowledgeUnreadSend registers fn for
// message:acknowledge:unread:send events, sent when an operator marks messages
// as unread.
func (r *Router) OnMessageAcknowledgeUnreadSend(fn func(ctx context.Context, data api.EventMessageAcknowledge, ev *Event) error) {
	On(r, MessageAcknowledgeUnreadSend, fn)
}

// OnMessageAcknowledgeDelivered registers fn for message:acknowledge:delivered
// events, sent when messages are delivered.
func (r *Router) OnMessageAcknowledgeDelivered(fn func(ctx context.Context, data api.EventMessageAcknowledge, ev *Event) error) {
	On(r, MessageAcknowledgeDelivered, fn)
}

// OnMessageAcknowledgeIgnored registers fn for message:acknowledge:ignored
// events, sent when messages could not be delivered on a channel.
func (r *Router) OnMessageAcknowledgeIgnored(fn func(ctx context.Context, data api.EventMessageAcknowledgeIgnored, ev *Event) error) {
	On(r, MessageAcknowledgeIgnored, fn)
}

// OnMessageNotifyUnreadSend registers fn for message:notify:unread:send
// events, sent when the visitor is notified of unread messages.
func (r *Router) OnMessageNotifyUnreadSend(fn func(ctx context.Context, data api.EventMessageNotifyUnread, ev *Event) error) {
	On(r, MessageNotifyUnreadSend, fn)
}

// OnMessageNotifyUnreadReceived registers fn for
// message:notify:unread:received events, sent when the operators are notified
// of unread messages.
func (r *Router) OnMessageNotifyUnreadReceived(fn func(ctx context.Context, data api.EventMessageNotifyUnread, ev *Event) error) {
	On(r, MessageNotifyUnreadReceived, fn)
}

// OnSpamMessage registers fn for spam:message events, sent when the spam
// filter holds back an incoming conversation.
func (r *Router) OnSpamMessage(fn func(ctx context.Context, data api.EventSpamMessage, ev *Event) error) {
	On(r, SpamMessage, fn)
}

// OnSpamDecision registers fn for spam:decision events, sent when a decision
// is taken on a held-back conversation.
func (r *Router) OnSpamDecision(fn func(ctx context.Context, data api.EventSpamDecision, ev *Event) error) {
	On(r, SpamDecision, fn)
}

// OnPeopleProfileCreated registers fn for people:profile:created events, sent
// when a people profile (contact) is created.
func (r *Router) OnPeopleProfileCreated(fn func(ctx context.Context, data api.EventPeopleProfileCreated, ev *Event) error) {
	On(r, PeopleProfileCreated, fn)
}

// OnPeopleProfileUpdated registers fn for people:profile:updated events, sent
// when a people profile (contact) is updated.
func (r *Router) OnPeopleProfileUpdated(fn func(ctx context.Context, data api.EventPeopleProfileUpdated, ev *Event) error) {
	On(r, PeopleProfileUpdated, fn)
}

// OnPeopleProfileRemoved registers fn for people:profile:removed events, sent
// when a people profile (contact) is removed.
func (r *Router) OnPeopleProfileRemoved(fn func(ctx context.Context, data api.EventPeopleProfileRemoved, ev *Event) error) {
	On(r, PeopleProfileRemoved, fn)
}

// OnPeopleBindSession registers fn for people:bind:session events, sent when a
// conversation is linked to a people profile.
func (r *Router) OnPeopleBindSession(fn func(ctx context.Context, data api.EventPeopleBindSession, ev *Event) error) {
	On(r, PeopleBindSession, fn)
}

// OnPeopleSyncProfile registers fn for people:sync:profile events, sent when
// Crisp finds identity details for the visitor of a conversation.
func (r *Router) OnPeopleSyncProfile(fn func(ctx context.Context, data api.EventPeopleSyncProfile, ev *Event) error) {
	On(r, PeopleSyncProfile, fn)
}

// OnPeopleImportProgress registers fn for people:import:progress events, sent
// when a people import progresses.
func (r *Router) OnPeopleImportProgress(fn func(ctx context.Context, data api.EventPeopleImportProgress, ev *Event) error) {
	On(r, PeopleImportProgress, fn)
}

// OnPeopleImportDone registers fn for people:import:done events, sent when a
// people import finishes.
func (r *Router) OnPeopleImportDone(fn func(ctx context.Context, data api.EventPeopleImportDone, ev *Event) error) {
	On(r, PeopleImportDone, fn)
}

// OnCampaignProgress registers fn for campaign:progress events, sent when the
// sending of a campaign progresses.
func (r *Router) OnCampaignProgress(fn func(ctx context.Context, data api.EventCampaignProgress, ev *Event) error) {
	On(r, CampaignProgress, fn)
}

// OnCampaignDispatched registers fn for campaign:dispatched events, sent when
// a campaign is dispatched.
func (r *Router) OnCampaignDispatched(fn func(ctx context.Context, data api.EventCampaignDispatched, ev *Event) error) {
	On(r, CampaignDispatched, fn)
}

// OnCampaignRunning registers fn for campaign:running events, sent when a
// campaign is paused or resumed.
func (r *Router) OnCampaignRunning(fn func(ctx context.Context, data api.EventCampaignRunning, ev *Event) error) {
	On(r, CampaignRunning, fn)
}

// OnBrowsingRequestInitiated registers fn for browsing:request:initiated
// events, sent when the visitor accepts a co-browsing request.
func (r *Router) OnBrowsingRequestInitiated(fn func(ctx context.Context, data api.EventBrowsingRequestInitiated, ev *Event) error) {
	On(r, BrowsingRequestInitiated, fn)
}

// OnBrowsingRequestRejected registers fn for browsing:request:rejected events,
// sent when the visitor rejects a co-browsing request.
func (r *Router) OnBrowsingRequestRejected(fn func(ctx context.Context, data api.EventBrowsingRequestRejected, ev *Event) error) {
	On(r, BrowsingRequestRejected, fn)
}

// OnCallRequestInitiated registers fn for call:request:initiated events, sent
// when a call with the visitor of a conversation starts.
func (r *Router) OnCallRequestInitiated(fn func(ctx context.Context, data api.EventCallRequestInitiated, ev *Event) error) {
	On(r, CallRequestInitiated, fn)
}

// OnCallRequestRejected registers fn for call:request:rejected events, sent
// when the visitor of a conversation rejects a call.
func (r *Router) OnCallRequestRejected(fn func(ctx context.Context, data api.EventCallRequestRejected, ev *Event) error) {
	On(r, CallRequestRejected, fn)
}

// OnIdentityVerifyRequest registers fn for identity:verify:request events,
// sent when a plugin is asked to deliver an identity verification code.
func (r *Router) OnIdentityVerifyRequest(fn func(ctx context.Context, data api.EventIdentityVerifyRequest, ev *Event) error) {
	On(r, IdentityVerifyRequest, fn)
}

// OnWidgetActionProcessed registers fn for widget:action:processed events,
// sent when a plugin widget action has run.
func (r *Router) OnWidgetActionProcessed(fn func(ctx context.Context, data api.EventWidgetActionProcessed, ev *Event) error) {
	On(r, WidgetActionProcessed, fn)
}

// OnStatusHealthChanged registers fn for status:health:changed events, sent
// when the health of nodes of the website status page changes.
func (r *Router) OnStatusHealthChanged(fn func(ctx context.Context, data api.EventStatusHealthChanged, ev *Event) error) {
	On(r, StatusHealthChanged, fn)
}

// OnWebsiteUpdateVisitorsCount registers fn for website:update_visitors_count
// events, sent when the number of visitors on the website changes.
func (r *Router) OnWebsiteUpdateVisitorsCount(fn func(ctx context.Context, data api.EventWebsiteUpdateVisitorsCount, ev *Event) error) {
	On(r, WebsiteUpdateVisitorsCount, fn)
}

// OnWebsiteUpdateOperatorsAvailability registers fn for
// website:update_operators_availability events, sent when the availability of
// an operator changes.
func (r *Router) OnWebsiteUpdateOperatorsAvailability(fn func(ctx context.Context, data api.EventWebsiteUpdateOperatorsAvailability, ev *Event) error) {
	On(r, WebsiteUpdateOperatorsAvailability, fn)
}

// OnWebsiteUsersAvailable registers fn for website:users:available events,
// sent when operators become available, or none is left.
func (r *Router) OnWebsiteUsersAvailable(fn func(ctx context.Context, data api.EventWebsiteUsersAvailable, ev *Event) error) {
	On(r, WebsiteUsersAvailable, fn)
}

// OnBucketURLUploadGenerated registers fn for bucket:url:upload:generated
// events, sent when an upload URL for a file is generated.
func (r *Router) OnBucketURLUploadGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLUploadGenerated, fn)
}

// OnBucketURLAvatarGenerated registers fn for bucket:url:avatar:generated
// events, sent when an upload URL for an avatar is generated.
func (r *Router) OnBucketURLAvatarGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLAvatarGenerated, fn)
}

// OnBucketURLWebsiteGenerated registers fn for bucket:url:website:generated
// events, sent when an upload URL for a website asset is generated.
func (r *Router) OnBucketURLWebsiteGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLWebsiteGenerated, fn)
}

// OnBucketURLCampaignGenerated registers fn for bucket:url:campaign:generated
// events, sent when an upload URL for a campaign asset is generated.
func (r *Router) OnBucketURLCampaignGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLCampaignGenerated, fn)
}

// OnBucketURLHelpdeskGenerated registers fn for bucket:url:helpdesk:generated
// events, sent when an upload URL for a helpdesk asset is generated.
func (r *Router) OnBucketURLHelpdeskGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLHelpdeskGenerated, fn)
}

// OnBucketURLStatusGenerated registers fn for bucket:url:status:generated
// events, sent when an upload URL for a status page asset is generated.
func (r *Router) OnBucketURLStatusGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLStatusGenerated, fn)
}

// OnBucketURLProcessingGenerated registers fn for
// bucket:url:processing:generated events, sent when an upload URL for a file
// to process is generated.
func (r *Router) OnBucketURLProcessingGenerated(fn func(ctx context.Context, data api.EventBucketURLGenerated, ev *Event) error) {
	On(r, BucketURLProcessingGenerated, fn)
}

// OnMediaAnimationListed registers fn for media:animation:listed events, sent
// when a page of animations (GIFs) is listed.
func (r *Router) OnMediaAnimationListed(fn func(ctx context.Context, data api.EventMediaAnimationListed, ev *Event) error) {
	On(r, MediaAnimationListed, fn)
}

// OnEmailSubscribe registers fn for email:subscribe events, sent when an email
// address subscribes to or unsubscribes from emails.
func (r *Router) OnEmailSubscribe(fn func(ctx context.Context, data api.EventEmailSubscribe, ev *Event) error) {
	On(r, EmailSubscribe, fn)
}

// OnEmailTrackView registers fn for email:track:view events, sent when a
// tracked email is opened.
func (r *Router) OnEmailTrackView(fn func(ctx context.Context, data api.EventEmailTrackView, ev *Event) error) {
	On(r, EmailTrackView, fn)
}

// OnPluginChannel registers fn for plugin:channel events, sent when a payload
// is forwarded to a plugin on its channel.
func (r *Router) OnPluginChannel(fn func(ctx context.Context, data api.EventPluginChannel, ev *Event) error) {
	On(r, PluginChannel, fn)
}

// OnPluginEvent registers fn for plugin:event events, sent when a plugin
// dispatches a custom event.
func (r *Router) OnPluginEvent(fn func(ctx context.Context, data api.EventPluginEvent, ev *Event) error) {
	On(r, PluginEvent, fn)
}

// OnPluginSubscriptionUpdated registers fn for plugin:subscription:updated
// events, sent when a website installs or removes a plugin.
func (r *Router) OnPluginSubscriptionUpdated(fn func(ctx context.Context, data api.EventPluginSubscriptionUpdated, ev *Event) error) {
	On(r, PluginSubscriptionUpdated, fn)
}

// OnPluginSettingsSaved registers fn for plugin:settings:saved events, sent
// when the settings of a plugin on a website are saved.
func (r *Router) OnPluginSettingsSaved(fn func(ctx context.Context, data api.EventPluginSettingsSaved, ev *Event) error) {
	On(r, PluginSettingsSaved, fn)
}

// OnPlanSubscriptionUpdated registers fn for plan:subscription:updated events,
// sent when the plan of a website changes.
func (r *Router) OnPlanSubscriptionUpdated(fn func(ctx context.Context, data api.EventPlanSubscriptionUpdated, ev *Event) error) {
	On(r, PlanSubscriptionUpdated, fn)
}

// payloadTypes maps each event name to the generated type of its data.
var payloadTypes = map[Name]reflect.Type{
	SessionUpdateAvailability:          reflect.TypeFor[api.EventSessionUpdateAvailability](),
	SessionUpdateVerify:                reflect.TypeFor[api.EventSessionUpdateVerify](),
	SessionRequestInitiated:            reflect.TypeFor[api.EventSessionRequestInitiated](),
	SessionSetEmail:                    reflect.TypeFor[api.EventSessionSetEmail](),
	SessionSetPhone:                    reflect.TypeFor[api.EventSessionSetPhone](),
	SessionSetAddress:                  reflect.TypeFor[api.EventSessionSetAddress](),
	SessionSetSubject:                  reflect.TypeFor[api.EventSessionSetSubject](),
	SessionSetAvatar:                   reflect.TypeFor[api.EventSessionSetAvatar](),
	SessionSetNickname:                 reflect.TypeFor[api.EventSessionSetNickname](),
	SessionSetOrigin:                   reflect.TypeFor[api.EventSessionSetOrigin](),
	SessionSetData:                     reflect.TypeFor[api.EventSessionSetData](),
	SessionSyncPages:                   reflect.TypeFor[api.EventSessionSyncPages](),
	SessionSyncEvents:                  reflect.TypeFor[api.EventSessionSyncEvents](),
	SessionSyncCapabilities:            reflect.TypeFor[api.EventSessionSyncCapabilities](),
	SessionSyncGeolocation:             reflect.TypeFor[api.EventSessionSyncGeolocation](),
	SessionSyncSystem:                  reflect.TypeFor[api.EventSessionSyncSystem](),
	SessionSyncNetwork:                 reflect.TypeFor[api.EventSessionSyncNetwork](),
	SessionSyncTimezone:                reflect.TypeFor[api.EventSessionSyncTimezone](),
	SessionSyncLocales:                 reflect.TypeFor[api.EventSessionSyncLocales](),
	SessionSyncRating:                  reflect.TypeFor[api.EventSessionSyncRating](),
	SessionSyncTopic:                   reflect.TypeFor[api.EventSessionSyncTopic](),
	SessionSetState:                    reflect.TypeFor[api.EventSessionSetState](),
	SessionSetBlock:                    reflect.TypeFor[api.EventSessionSetBlock](),
	SessionSetSegments:                 reflect.TypeFor[api.EventSessionSetSegments](),
	SessionSetOpened:                   reflect.TypeFor[api.EventSessionSetOpened](),
	SessionSetClosed:                   reflect.TypeFor[api.EventSessionSetClosed](),
	SessionSetParticipants:             reflect.TypeFor[api.EventSessionSetParticipants](),
	SessionSetMentions:                 reflect.TypeFor[api.EventSessionSetMentions](),
	SessionSetRouting:                  reflect.TypeFor[api.EventSessionSetRouting](),
	SessionSetInbox:                    reflect.TypeFor[api.EventSessionSetInbox](),
	SessionRemoved:                     reflect.TypeFor[api.EventSessionRemoved](),
	SessionError:                       reflect.TypeFor[api.EventSessionError](),
	MessageUpdated:                     reflect.TypeFor[api.EventMessageUpdated](),
	MessageSend:                        reflect.TypeFor[api.EventMessageSend](),
	MessageReceived:                    reflect.TypeFor[api.EventMessageReceived](),
	MessageRemoved:                     reflect.TypeFor[api.EventMessageRemoved](),
	MessageComposeSend:                 reflect.TypeFor[api.EventMessageComposeSend](),
	MessageComposeReceive:              reflect.TypeFor[api.EventMessageComposeReceive](),
	MessageAcknowledgeReadSend:         reflect.TypeFor[api.EventMessageAcknowledge](),
	MessageAcknowledgeReadReceived:     reflect.TypeFor[api.EventMessageAcknowledge](),
	MessageAcknowledgeUnreadSend:       reflect.TypeFor[api.EventMessageAcknowledge](),
	MessageAcknowledgeDelivered:        reflect.TypeFor[api.EventMessageAcknowledge](),
	MessageAcknowledgeIgnored:          reflect.TypeFor[api.EventMessageAcknowledgeIgnored](),
	MessageNotifyUnreadSend:            reflect.TypeFor[api.EventMessageNotifyUnread](),
	MessageNotifyUnreadReceived:        reflect.TypeFor[api.EventMessageNotifyUnread](),
	SpamMessage:                        reflect.TypeFor[api.EventSpamMessage](),
	SpamDecision:                       reflect.TypeFor[api.EventSpamDecision](),
	PeopleProfileCreated:               reflect.TypeFor[api.EventPeopleProfileCreated](),
	PeopleProfileUpdated:               reflect.TypeFor[api.EventPeopleProfileUpdated](),
	PeopleProfileRemoved:               reflect.TypeFor[api.EventPeopleProfileRemoved](),
	PeopleBindSession:                  reflect.TypeFor[api.EventPeopleBindSession](),
	PeopleSyncProfile:                  reflect.TypeFor[api.EventPeopleSyncProfile](),
	PeopleImportProgress:               reflect.TypeFor[api.EventPeopleImportProgress](),
	PeopleImportDone:                   reflect.TypeFor[api.EventPeopleImportDone](),
	CampaignProgress:                   reflect.TypeFor[api.EventCampaignProgress](),
	CampaignDispatched:                 reflect.TypeFor[api.EventCampaignDispatched](),
	CampaignRunning:                    reflect.TypeFor[api.EventCampaignRunning](),
	BrowsingRequestInitiated:           reflect.TypeFor[api.EventBrowsingRequestInitiated](),
	BrowsingRequestRejected:            reflect.TypeFor[api.EventBrowsingRequestRejected](),
	CallRequestInitiated:               reflect.TypeFor[api.EventCallRequestInitiated](),
	CallRequestRejected:                reflect.TypeFor[api.EventCallRequestRejected](),
	IdentityVerifyRequest:              reflect.TypeFor[api.EventIdentityVerifyRequest](),
	WidgetActionProcessed:              reflect.TypeFor[api.EventWidgetActionProcessed](),
	StatusHealthChanged:                reflect.TypeFor[api.EventStatusHealthChanged](),
	WebsiteUpdateVisitorsCount:         reflect.TypeFor[api.EventWebsiteUpdateVisitorsCount](),
	WebsiteUpdateOperatorsAvailability: reflect.TypeFor[api.EventWebsiteUpdateOperatorsAvailability](),
	WebsiteUsersAvailable:              reflect.TypeFor[api.EventWebsiteUsersAvailable](),
	BucketURLUploadGenerated:           reflect.TypeFor[api.EventBucketURLGenerated](),
	BucketURLAvatarGenerated:           reflect.TypeFor[api.EventBucketURLGenerated](),
	BucketURLWebsiteGenerated:          reflect.TypeFor[api.EventBucketURLGenerated](),
	BucketURLCampaignGenerated:         reflect.TypeFor[api.EventBucketURLGenerated](),
	BucketURLHelpdeskGenerated:         reflect.TypeFor[api.EventBucketURLGenerated](),
	BucketURLStatusGenerated:           reflect.TypeFor[api.EventBucketURLGenerated](),
	BucketURLProcessingGenerated:       reflect.TypeFor[api.EventBucketURLGenerated](),
	MediaAnimationListed:               reflect.TypeFor[api.EventMediaAnimationListed](),
	EmailSubscribe:                     reflect.TypeFor[api.EventEmailSubscribe](),
	EmailTrackView:                     reflect.TypeFor[api.EventEmailTrackView](),
	PluginChannel:                      reflect.TypeFor[api.EventPluginChannel](),
	PluginEvent:                        reflect.TypeFor[api.EventPluginEvent](),
	PluginSubscriptionUpdated:          reflect.TypeFor[api.EventPluginSubscriptionUpdated](),
	PluginSettingsSaved:                reflect.TypeFor[api.EventPluginSettingsSaved](),
	PlanSubscriptionUpdated:            reflect.TypeFor[api.EventPlanSubscriptionUpdated](),
}

// PayloadType returns the Go type (in package api) that the data of the
// events named n decode into, and false for a name Crisp does not document.
func PayloadType(n Name) (reflect.Type, bool) {
	t, ok := payloadTypes[n]
	return t, ok
}

// Decode decodes the data of ev into the type PayloadType gives for its
// name and returns it as a value (such as an api.EventMessageSend), for
// code that handles events without a Router. Data that does not decode
// gives an error wrapping ErrMalformed; an unknown name gives an error
// too, and a nil value.
func Decode(ev *Event) (any, error) {
	t, ok := payloadTypes[ev.Name]
	if !ok {
		return nil, fmt.Errorf("events: no payload type for event %q", ev.Name)
	}
	v := reflect.New(t)
	if err := json.Unmarshal(ev.Data, v.Interface()); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, ev.Name, err)
	}
	return v.Elem().Interface(), nil
}
