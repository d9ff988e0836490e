package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"

	"github.com/oapi-codegen/nullable"
)

// AssignConversationRouting assigns a conversation to the operator
// body.Assigned (notifying them unless body.Silent); a null or unset
// Assigned unassigns the conversation.
//
//crisp:operation assignConversationRouting
func (s *WebsiteService) AssignConversationRouting(ctx context.Context, websiteID, sessionID string, body *api.ConversationRoutingAssignUpdate) error {
	const op = "assignConversationRouting"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if body == nil {
		return errNilBody(op)
	}
	if a, err := body.Assigned.Get(); err == nil && a.UserID == "" {
		return invalidArg(op, "assigned.user_id must not be empty (set Assigned to null to unassign)")
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.Assigned)
	resp, err := s.c.api.AssignConversationRouting(ctx, websiteID, sessionID, b)
	return done(op, resp, err)
}

// UpdateConversationInbox moves a conversation to the inbox inboxID; an
// empty inboxID moves it back to the default inbox.
//
//crisp:operation updateConversationInbox
func (s *WebsiteService) UpdateConversationInbox(ctx context.Context, websiteID, sessionID, inboxID string) error {
	const op = "updateConversationInbox"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	inbox := nullable.NewNullNullable[string]()
	if inboxID != "" {
		inbox = nullable.NewNullableWithValue(inboxID)
	}
	resp, err := s.c.api.UpdateConversationInbox(ctx, websiteID, sessionID, api.ConversationInboxUpdate{InboxID: inbox})
	return done(op, resp, err)
}

// SaveConversationParticipants replaces the external participants of a
// conversation with body.Participants; an empty (non-nil) list removes
// them all.
//
//crisp:operation saveConversationParticipants
func (s *WebsiteService) SaveConversationParticipants(ctx context.Context, websiteID, sessionID string, body *api.ConversationParticipantsSave) error {
	const op = "saveConversationParticipants"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if body == nil {
		return errNilBody(op)
	}
	if body.Participants == nil {
		return invalidArg(op, "participants must not be nil (use an empty list to remove them all)")
	}
	resp, err := s.c.api.SaveConversationParticipants(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}
