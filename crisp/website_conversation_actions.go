package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// DeliverWidgetDataEditActionForConversation hands an edit of an item's
// value (body.Value) in a plugin widget to the plugin. It is
// DeliverWidgetDataFetchActionForConversation (the same route) with Action
// set to edit; body.Action must be unset or edit, and body is not modified.
func (s *WebsiteService) DeliverWidgetDataEditActionForConversation(ctx context.Context, websiteID, sessionID, pluginID string, body *api.ActionWidgetData) (*api.ActionWidgetDispatch, error) {
	const op = "deliverWidgetDataFetchActionForConversation"
	if body == nil {
		return nil, errNilBody(op)
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
	if body == nil {
		return nil, errNilBody(op)
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
