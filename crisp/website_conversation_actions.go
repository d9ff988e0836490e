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
