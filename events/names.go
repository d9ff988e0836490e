// Event names. Crisp documents them in its RTM API and Web Hooks references;
// each has a typed handler on Router (typed.go).

package events

const (
	// Session events.

	// SessionUpdateAvailability (session:update_availability) is sent when the
	// visitor of a conversation goes online or offline.
	SessionUpdateAvailability Name = "session:update_availability"

	// SessionUpdateVerify (session:update_verify) is sent when the identity
	// verification status of a conversation changes.
	SessionUpdateVerify Name = "session:update_verify"

	// SessionRequestInitiated (session:request:initiated) is sent when a
	// visitor starts a conversation.
	SessionRequestInitiated Name = "session:request:initiated"

	// SessionSetEmail (session:set_email) is sent when the email address of
	// the visitor of a conversation is set.
	SessionSetEmail Name = "session:set_email"

	// SessionSetPhone (session:set_phone) is sent when the phone number of the
	// visitor of a conversation is set.
	SessionSetPhone Name = "session:set_phone"

	// SessionSetAddress (session:set_address) is sent when the postal address
	// of the visitor of a conversation is set.
	SessionSetAddress Name = "session:set_address"

	// SessionSetSubject (session:set_subject) is sent when the subject of a
	// conversation is set.
	SessionSetSubject Name = "session:set_subject"

	// SessionSetAvatar (session:set_avatar) is sent when the avatar of the
	// visitor of a conversation is set.
	SessionSetAvatar Name = "session:set_avatar"

	// SessionSetNickname (session:set_nickname) is sent when the nickname of
	// the visitor of a conversation is set.
	SessionSetNickname Name = "session:set_nickname"

	// SessionSetOrigin (session:set_origin) is sent when the origin (channel)
	// of a conversation is set.
	SessionSetOrigin Name = "session:set_origin"

	// SessionSetData (session:set_data) is sent when the custom data of a
	// conversation changes.
	SessionSetData Name = "session:set_data"

	// SessionSyncPages (session:sync:pages) is sent when the visitor of a
	// conversation browses pages.
	SessionSyncPages Name = "session:sync:pages"

	// SessionSyncEvents (session:sync:events) is sent when custom events are
	// pushed for the visitor of a conversation.
	SessionSyncEvents Name = "session:sync:events"

	// SessionSyncCapabilities (session:sync:capabilities) is sent when what
	// the chatbox of the visitor supports changes.
	SessionSyncCapabilities Name = "session:sync:capabilities"

	// SessionSyncGeolocation (session:sync:geolocation) is sent when the
	// location of the visitor of a conversation is found.
	SessionSyncGeolocation Name = "session:sync:geolocation"

	// SessionSyncSystem (session:sync:system) is sent when the operating
	// system and browser of the visitor are found.
	SessionSyncSystem Name = "session:sync:system"

	// SessionSyncNetwork (session:sync:network) is sent when the network of
	// the visitor of a conversation is found.
	SessionSyncNetwork Name = "session:sync:network"

	// SessionSyncTimezone (session:sync:timezone) is sent when the time zone
	// of the visitor of a conversation is found.
	SessionSyncTimezone Name = "session:sync:timezone"

	// SessionSyncLocales (session:sync:locales) is sent when the locales of
	// the visitor of a conversation are found.
	SessionSyncLocales Name = "session:sync:locales"

	// SessionSyncRating (session:sync:rating) is sent when the visitor rates a
	// conversation.
	SessionSyncRating Name = "session:sync:rating"

	// SessionSyncTopic (session:sync:topic) is sent when the topic of a
	// conversation is found.
	SessionSyncTopic Name = "session:sync:topic"

	// SessionSetState (session:set_state) is sent when the state of a
	// conversation changes (pending, unresolved, resolved).
	SessionSetState Name = "session:set_state"

	// SessionSetBlock (session:set_block) is sent when the visitor of a
	// conversation is blocked or unblocked.
	SessionSetBlock Name = "session:set_block"

	// SessionSetSegments (session:set_segments) is sent when the segments of a
	// conversation change.
	SessionSetSegments Name = "session:set_segments"

	// SessionSetOpened (session:set_opened) is sent when an operator opens a
	// conversation.
	SessionSetOpened Name = "session:set_opened"

	// SessionSetClosed (session:set_closed) is sent when an operator closes a
	// conversation.
	SessionSetClosed Name = "session:set_closed"

	// SessionSetParticipants (session:set_participants) is sent when the
	// external participants of a conversation change.
	SessionSetParticipants Name = "session:set_participants"

	// SessionSetMentions (session:set_mentions) is sent when the operators
	// mentioned in a conversation change.
	SessionSetMentions Name = "session:set_mentions"

	// SessionSetRouting (session:set_routing) is sent when a conversation is
	// assigned to another routing rule.
	SessionSetRouting Name = "session:set_routing"

	// SessionSetInbox (session:set_inbox) is sent when a conversation moves to
	// another inbox.
	SessionSetInbox Name = "session:set_inbox"

	// SessionRemoved (session:removed) is sent when a conversation is removed.
	SessionRemoved Name = "session:removed"

	// SessionError (session:error) is sent when Crisp rejects a change to a
	// conversation.
	SessionError Name = "session:error"

	// Message events.

	// MessageUpdated (message:updated) is sent when the content of a message
	// is edited.
	MessageUpdated Name = "message:updated"

	// MessageSend (message:send) is sent when a visitor sends a message.
	MessageSend Name = "message:send"

	// MessageReceived (message:received) is sent when an operator sends a
	// message (notes and events included).
	MessageReceived Name = "message:received"

	// MessageRemoved (message:removed) is sent when a message is removed from
	// a conversation.
	MessageRemoved Name = "message:removed"

	// MessageComposeSend (message:compose:send) is sent when the visitor of a
	// conversation starts or stops typing.
	MessageComposeSend Name = "message:compose:send"

	// MessageComposeReceive (message:compose:receive) is sent when an operator
	// starts or stops typing in a conversation.
	MessageComposeReceive Name = "message:compose:receive"

	// MessageAcknowledgeReadSend (message:acknowledge:read:send) is sent when
	// the visitor reads messages.
	MessageAcknowledgeReadSend Name = "message:acknowledge:read:send"

	// MessageAcknowledgeReadReceived (message:acknowledge:read:received) is
	// sent when an operator reads messages.
	MessageAcknowledgeReadReceived Name = "message:acknowledge:read:received"

	// MessageAcknowledgeUnreadSend (message:acknowledge:unread:send) is sent
	// when an operator marks messages as unread.
	MessageAcknowledgeUnreadSend Name = "message:acknowledge:unread:send"

	// MessageAcknowledgeDelivered (message:acknowledge:delivered) is sent when
	// messages are delivered.
	MessageAcknowledgeDelivered Name = "message:acknowledge:delivered"

	// MessageAcknowledgeIgnored (message:acknowledge:ignored) is sent when
	// messages could not be delivered on a channel.
	MessageAcknowledgeIgnored Name = "message:acknowledge:ignored"

	// MessageNotifyUnreadSend (message:notify:unread:send) is sent when the
	// visitor is notified of unread messages.
	MessageNotifyUnreadSend Name = "message:notify:unread:send"

	// MessageNotifyUnreadReceived (message:notify:unread:received) is sent
	// when the operators are notified of unread messages.
	MessageNotifyUnreadReceived Name = "message:notify:unread:received"

	// Spam events.

	// SpamMessage (spam:message) is sent when the spam filter holds back an
	// incoming conversation.
	SpamMessage Name = "spam:message"

	// SpamDecision (spam:decision) is sent when a decision is taken on a held-
	// back conversation.
	SpamDecision Name = "spam:decision"

	// People events.

	// PeopleProfileCreated (people:profile:created) is sent when a people
	// profile (contact) is created.
	PeopleProfileCreated Name = "people:profile:created"

	// PeopleProfileUpdated (people:profile:updated) is sent when a people
	// profile (contact) is updated.
	PeopleProfileUpdated Name = "people:profile:updated"

	// PeopleProfileRemoved (people:profile:removed) is sent when a people
	// profile (contact) is removed.
	PeopleProfileRemoved Name = "people:profile:removed"

	// PeopleBindSession (people:bind:session) is sent when a conversation is
	// linked to a people profile.
	PeopleBindSession Name = "people:bind:session"

	// PeopleSyncProfile (people:sync:profile) is sent when Crisp finds
	// identity details for the visitor of a conversation.
	PeopleSyncProfile Name = "people:sync:profile"

	// PeopleImportProgress (people:import:progress) is sent when a people
	// import progresses.
	PeopleImportProgress Name = "people:import:progress"

	// PeopleImportDone (people:import:done) is sent when a people import
	// finishes.
	PeopleImportDone Name = "people:import:done"

	// Campaign events.

	// CampaignProgress (campaign:progress) is sent when the sending of a
	// campaign progresses.
	CampaignProgress Name = "campaign:progress"

	// CampaignDispatched (campaign:dispatched) is sent when a campaign is
	// dispatched.
	CampaignDispatched Name = "campaign:dispatched"

	// CampaignRunning (campaign:running) is sent when a campaign is paused or
	// resumed.
	CampaignRunning Name = "campaign:running"

	// Browsing and call events.

	// BrowsingRequestInitiated (browsing:request:initiated) is sent when the
	// visitor accepts a co-browsing request.
	BrowsingRequestInitiated Name = "browsing:request:initiated"

	// BrowsingRequestRejected (browsing:request:rejected) is sent when the
	// visitor rejects a co-browsing request.
	BrowsingRequestRejected Name = "browsing:request:rejected"

	// CallRequestInitiated (call:request:initiated) is sent when a call with
	// the visitor of a conversation starts.
	CallRequestInitiated Name = "call:request:initiated"

	// CallRequestRejected (call:request:rejected) is sent when the visitor of
	// a conversation rejects a call.
	CallRequestRejected Name = "call:request:rejected"

	// Identity, widget and status events.

	// IdentityVerifyRequest (identity:verify:request) is sent when a plugin is
	// asked to deliver an identity verification code.
	IdentityVerifyRequest Name = "identity:verify:request"

	// WidgetActionProcessed (widget:action:processed) is sent when a plugin
	// widget action has run.
	WidgetActionProcessed Name = "widget:action:processed"

	// StatusHealthChanged (status:health:changed) is sent when the health of
	// nodes of the website status page changes.
	StatusHealthChanged Name = "status:health:changed"

	// Website events.

	// WebsiteUpdateVisitorsCount (website:update_visitors_count) is sent when
	// the number of visitors on the website changes.
	WebsiteUpdateVisitorsCount Name = "website:update_visitors_count"

	// WebsiteUpdateOperatorsAvailability
	// (website:update_operators_availability) is sent when the availability of
	// an operator changes.
	WebsiteUpdateOperatorsAvailability Name = "website:update_operators_availability"

	// WebsiteUsersAvailable (website:users:available) is sent when operators
	// become available, or none is left.
	WebsiteUsersAvailable Name = "website:users:available"

	// Bucket events.

	// BucketURLUploadGenerated (bucket:url:upload:generated) is sent when an
	// upload URL for a file is generated.
	BucketURLUploadGenerated Name = "bucket:url:upload:generated"

	// BucketURLAvatarGenerated (bucket:url:avatar:generated) is sent when an
	// upload URL for an avatar is generated.
	BucketURLAvatarGenerated Name = "bucket:url:avatar:generated"

	// BucketURLWebsiteGenerated (bucket:url:website:generated) is sent when an
	// upload URL for a website asset is generated.
	BucketURLWebsiteGenerated Name = "bucket:url:website:generated"

	// BucketURLCampaignGenerated (bucket:url:campaign:generated) is sent when
	// an upload URL for a campaign asset is generated.
	BucketURLCampaignGenerated Name = "bucket:url:campaign:generated"

	// BucketURLHelpdeskGenerated (bucket:url:helpdesk:generated) is sent when
	// an upload URL for a helpdesk asset is generated.
	BucketURLHelpdeskGenerated Name = "bucket:url:helpdesk:generated"

	// BucketURLStatusGenerated (bucket:url:status:generated) is sent when an
	// upload URL for a status page asset is generated.
	BucketURLStatusGenerated Name = "bucket:url:status:generated"

	// BucketURLProcessingGenerated (bucket:url:processing:generated) is sent
	// when an upload URL for a file to process is generated.
	BucketURLProcessingGenerated Name = "bucket:url:processing:generated"

	// Media and email events.

	// MediaAnimationListed (media:animation:listed) is sent when a page of
	// animations (GIFs) is listed.
	MediaAnimationListed Name = "media:animation:listed"

	// EmailSubscribe (email:subscribe) is sent when an email address
	// subscribes to or unsubscribes from emails.
	EmailSubscribe Name = "email:subscribe"

	// EmailTrackView (email:track:view) is sent when a tracked email is
	// opened.
	EmailTrackView Name = "email:track:view"

	// Plugin and plan events.

	// PluginChannel (plugin:channel) is sent when a payload is forwarded to a
	// plugin on its channel.
	PluginChannel Name = "plugin:channel"

	// PluginEvent (plugin:event) is sent when a plugin dispatches a custom
	// event.
	PluginEvent Name = "plugin:event"

	// PluginSubscriptionUpdated (plugin:subscription:updated) is sent when a
	// website installs or removes a plugin.
	PluginSubscriptionUpdated Name = "plugin:subscription:updated"

	// PluginSettingsSaved (plugin:settings:saved) is sent when the settings of
	// a plugin on a website are saved.
	PluginSettingsSaved Name = "plugin:settings:saved"

	// PlanSubscriptionUpdated (plan:subscription:updated) is sent when the
	// plan of a website changes.
	PlanSubscriptionUpdated Name = "plan:subscription:updated"
)

// all lists every event name, in the order of the declarations above.
var all = []Name{
	SessionUpdateAvailability,
	SessionUpdateVerify,
	SessionRequestInitiated,
	SessionSetEmail,
	SessionSetPhone,
	SessionSetAddress,
	SessionSetSubject,
	SessionSetAvatar,
	SessionSetNickname,
	SessionSetOrigin,
	SessionSetData,
	SessionSyncPages,
	SessionSyncEvents,
	SessionSyncCapabilities,
	SessionSyncGeolocation,
	SessionSyncSystem,
	SessionSyncNetwork,
	SessionSyncTimezone,
	SessionSyncLocales,
	SessionSyncRating,
	SessionSyncTopic,
	SessionSetState,
	SessionSetBlock,
	SessionSetSegments,
	SessionSetOpened,
	SessionSetClosed,
	SessionSetParticipants,
	SessionSetMentions,
	SessionSetRouting,
	SessionSetInbox,
	SessionRemoved,
	SessionError,
	MessageUpdated,
	MessageSend,
	MessageReceived,
	MessageRemoved,
	MessageComposeSend,
	MessageComposeReceive,
	MessageAcknowledgeReadSend,
	MessageAcknowledgeReadReceived,
	MessageAcknowledgeUnreadSend,
	MessageAcknowledgeDelivered,
	MessageAcknowledgeIgnored,
	MessageNotifyUnreadSend,
	MessageNotifyUnreadReceived,
	SpamMessage,
	SpamDecision,
	PeopleProfileCreated,
	PeopleProfileUpdated,
	PeopleProfileRemoved,
	PeopleBindSession,
	PeopleSyncProfile,
	PeopleImportProgress,
	PeopleImportDone,
	CampaignProgress,
	CampaignDispatched,
	CampaignRunning,
	BrowsingRequestInitiated,
	BrowsingRequestRejected,
	CallRequestInitiated,
	CallRequestRejected,
	IdentityVerifyRequest,
	WidgetActionProcessed,
	StatusHealthChanged,
	WebsiteUpdateVisitorsCount,
	WebsiteUpdateOperatorsAvailability,
	WebsiteUsersAvailable,
	BucketURLUploadGenerated,
	BucketURLAvatarGenerated,
	BucketURLWebsiteGenerated,
	BucketURLCampaignGenerated,
	BucketURLHelpdeskGenerated,
	BucketURLStatusGenerated,
	BucketURLProcessingGenerated,
	MediaAnimationListed,
	EmailSubscribe,
	EmailTrackView,
	PluginChannel,
	PluginEvent,
	PluginSubscriptionUpdated,
	PluginSettingsSaved,
	PlanSubscriptionUpdated,
}

// All returns the name of every event Crisp sends, each once. The slice is
// a copy: callers may change it.
func All() []Name { return append([]Name(nil), all...) }
