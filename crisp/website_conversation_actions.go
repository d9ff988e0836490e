package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// RequestIdentityVerificationForConversation asks the user of a
// conversation to verify an identity (email, phone or a custom URN), for
// example by sending a verification link.
//
//crisp:operation requestIdentityVerificationForConversation
func (s *WebsiteService) RequestIdentityVerificationForConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionIdentityVerification) error {
	const op = "requestIdentityVerificationForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.RequestIdentityVerificationForConversation(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}

// RedeemIdentityVerificationLinkForConversation redeems the token of an
// identity verification link, which marks the identity of the conversation
// as verified.
//
//crisp:operation redeemIdentityVerificationLinkForConversation
func (s *WebsiteService) RedeemIdentityVerificationLinkForConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionIdentityVerificationRedeem) error {
	const op = "redeemIdentityVerificationLinkForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.RedeemIdentityVerificationLinkForConversation(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}

// RequestEmailTranscriptForConversation emails a transcript of a
// conversation to its user or to an operator.
//
//crisp:operation requestEmailTranscriptForConversation
func (s *WebsiteService) RequestEmailTranscriptForConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionTranscript) error {
	const op = "requestEmailTranscriptForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.RequestEmailTranscriptForConversation(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}

// RequestChatboxBindingPurgeForConversation unbinds a conversation from
// its user's chatbox, so that the chatbox starts a new session.
//
//crisp:operation requestChatboxBindingPurgeForConversation
func (s *WebsiteService) RequestChatboxBindingPurgeForConversation(ctx context.Context, websiteID, sessionID string) error {
	const op = "requestChatboxBindingPurgeForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.RequestChatboxBindingPurgeForConversation(ctx, websiteID, sessionID, emptyBody())
	return done(op, resp, err)
}

// RequestUserFeedbackForConversation asks the user of a conversation to
// rate the support received.
//
//crisp:operation requestUserFeedbackForConversation
func (s *WebsiteService) RequestUserFeedbackForConversation(ctx context.Context, websiteID, sessionID string) error {
	const op = "requestUserFeedbackForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.RequestUserFeedbackForConversation(ctx, websiteID, sessionID, emptyBody())
	return done(op, resp, err)
}

// ListBrowsingSessionsForConversation returns the co-browsing (screen
// sharing) sessions available for a conversation.
//
//crisp:operation listBrowsingSessionsForConversation
func (s *WebsiteService) ListBrowsingSessionsForConversation(ctx context.Context, websiteID, sessionID string) ([]api.ActionBrowsingSession, error) {
	const op = "listBrowsingSessionsForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListBrowsingSessionsForConversation(ctx, websiteID, sessionID)
	return decodeList[api.ActionBrowsingSession](op, resp, err)
}

// InitiateBrowsingSessionForConversation asks the user's chatbox to start a
// co-browsing session for a conversation.
//
//crisp:operation initiateBrowsingSessionForConversation
func (s *WebsiteService) InitiateBrowsingSessionForConversation(ctx context.Context, websiteID, sessionID string) error {
	const op = "initiateBrowsingSessionForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.InitiateBrowsingSessionForConversation(ctx, websiteID, sessionID, emptyBody())
	return done(op, resp, err)
}

// SendActionToExistingBrowsingSession sends a control action (for example
// start or stop) to a browsing session of a conversation.
//
//crisp:operation sendActionToExistingBrowsingSession
func (s *WebsiteService) SendActionToExistingBrowsingSession(ctx context.Context, websiteID, sessionID, browsingID string, body *api.ActionBrowsingCommand) error {
	const op = "sendActionToExistingBrowsingSession"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID, "browsing_id", browsingID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SendActionToExistingBrowsingSession(ctx, websiteID, sessionID, browsingID, *body)
	return done(op, resp, err)
}

// AssistExistingBrowsingSession sends a pointer action (mouse move, click
// or scroll) to the user's page during a browsing session.
//
//crisp:operation assistExistingBrowsingSession
func (s *WebsiteService) AssistExistingBrowsingSession(ctx context.Context, websiteID, sessionID, browsingID string, body *api.ActionBrowsingAssist) error {
	const op = "assistExistingBrowsingSession"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID, "browsing_id", browsingID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.AssistExistingBrowsingSession(ctx, websiteID, sessionID, browsingID, *body)
	return done(op, resp, err)
}

// InitiateNewCallSessionForConversation starts an audio or video call with
// the user of a conversation and returns the call session (its CallID).
//
//crisp:operation initiateNewCallSessionForConversation
func (s *WebsiteService) InitiateNewCallSessionForConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionCallInitiate) (*api.ActionCallSession, error) {
	const op = "initiateNewCallSessionForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.InitiateNewCallSessionForConversation(ctx, websiteID, sessionID, *body)
	return decode[api.ActionCallSession](op, resp, err)
}

// GetOngoingCallSessionForConversation returns the call session in progress
// in a conversation.
//
//crisp:operation getOngoingCallSessionForConversation
func (s *WebsiteService) GetOngoingCallSessionForConversation(ctx context.Context, websiteID, sessionID string) (*api.ActionCallSession, error) {
	const op = "getOngoingCallSessionForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetOngoingCallSessionForConversation(ctx, websiteID, sessionID)
	return decode[api.ActionCallSession](op, resp, err)
}

// AbortOngoingCallSessionForConversation ends the call session in progress
// in a conversation. body (the origin and operator to record) may be nil.
//
//crisp:operation abortOngoingCallSessionForConversation
func (s *WebsiteService) AbortOngoingCallSessionForConversation(ctx context.Context, websiteID, sessionID, callID string, body *api.ActionCallAbort) error {
	const op = "abortOngoingCallSessionForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID, "call_id", callID); err != nil {
		return err
	}
	if body == nil {
		body = &api.ActionCallAbort{}
	}
	resp, err := s.c.api.AbortOngoingCallSessionForConversation(ctx, websiteID, sessionID, callID, *body)
	return done(op, resp, err)
}

// TransmitSignalingOnOngoingCallSession relays a WebRTC signaling payload
// (a session description or an ICE candidate) to the other party of a call.
//
//crisp:operation transmitSignalingOnOngoingCallSession
func (s *WebsiteService) TransmitSignalingOnOngoingCallSession(ctx context.Context, websiteID, sessionID, callID string, body *api.ActionCallSignaling) error {
	const op = "transmitSignalingOnOngoingCallSession"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID, "call_id", callID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.TransmitSignalingOnOngoingCallSession(ctx, websiteID, sessionID, callID, *body)
	return done(op, resp, err)
}

// RequestToolCallForConversation runs a tool command (for example
// list_tools) in the context of a conversation and returns what the tool
// answered, whose shape the tool defines.
//
//crisp:operation requestToolCallForConversation
func (s *WebsiteService) RequestToolCallForConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionToolCall) (api.ActionToolCallResult, error) {
	const op = "requestToolCallForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.RequestToolCallForConversation(ctx, websiteID, sessionID, *body)
	var out api.ActionToolCallResult
	if _, err := decodeInto(op, resp, err, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// DeliverWidgetButtonActionForConversation hands a click on a button of a
// plugin widget, shown next to a conversation, to the plugin.
//
//crisp:operation deliverWidgetButtonActionForConversation
func (s *WebsiteService) DeliverWidgetButtonActionForConversation(ctx context.Context, websiteID, sessionID, pluginID string, body *api.ActionWidgetButton) (*api.ActionWidgetDispatch, error) {
	const op = "deliverWidgetButtonActionForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID, "plugin_id", pluginID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.DeliverWidgetButtonActionForConversation(ctx, websiteID, sessionID, pluginID, *body)
	return decode[api.ActionWidgetDispatch](op, resp, err)
}

// DeliverWidgetDataFetchActionForConversation hands a data action of a
// plugin widget to the plugin: a fetch of an item's data (Action fetch) or
// an edit of an item's value (Action edit, see
// DeliverWidgetDataEditActionForConversation). When body leaves Action
// unset, it is sent as edit if Value is set and as fetch otherwise (Crisp
// infers fetch from a data field, which an empty Data map does not produce
// in Go); body is not modified.
//
//crisp:operation deliverWidgetDataFetchActionForConversation
func (s *WebsiteService) DeliverWidgetDataFetchActionForConversation(ctx context.Context, websiteID, sessionID, pluginID string, body *api.ActionWidgetData) (*api.ActionWidgetDispatch, error) {
	const op = "deliverWidgetDataFetchActionForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID, "plugin_id", pluginID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	data := *body
	if data.Action == nil {
		a := api.ActionWidgetDataActionFetch
		if data.Value != nil {
			a = api.ActionWidgetDataActionEdit
		}
		data.Action = &a
	}
	resp, err := s.c.api.DeliverWidgetDataFetchActionForConversation(ctx, websiteID, sessionID, pluginID, data)
	return decode[api.ActionWidgetDispatch](op, resp, err)
}

// DeliverWidgetDataEditActionForConversation hands an edit of an item's
// value (body.Value) in a plugin widget to the plugin. It is
// DeliverWidgetDataFetchActionForConversation (the same route) with Action
// set to edit; body.Action must be unset or edit, and body is not modified.
func (s *WebsiteService) DeliverWidgetDataEditActionForConversation(ctx context.Context, websiteID, sessionID, pluginID string, body *api.ActionWidgetData) (*api.ActionWidgetDispatch, error) {
	const op = "deliverWidgetDataFetchActionForConversation"
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	edit := *body
	switch {
	case edit.Action == nil:
		a := api.ActionWidgetDataActionEdit
		edit.Action = &a
	case *edit.Action != api.ActionWidgetDataActionEdit:
		return nil, invalidArg(op, "Action must be edit or unset, got %q", *edit.Action)
	}
	return s.DeliverWidgetDataFetchActionForConversation(ctx, websiteID, sessionID, pluginID, &edit)
}

// ScheduleReminderForConversation schedules a reminder about a
// conversation, delivered to the operator at the given date with a note.
//
//crisp:operation scheduleReminderForConversation
func (s *WebsiteService) ScheduleReminderForConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionReminder) error {
	const op = "scheduleReminderForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ScheduleReminderForConversation(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}

// ReportConversation reports a conversation to Crisp (for example as spam)
// and removes it from the inbox.
//
//crisp:operation reportConversation
func (s *WebsiteService) ReportConversation(ctx context.Context, websiteID, sessionID string, body *api.ActionReport) error {
	const op = "reportConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ReportConversation(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}
