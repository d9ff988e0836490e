package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"

	"github.com/oapi-codegen/nullable"
)

// AssignConversationRouting assigns a conversation to the operator userID,
// notifying them; an empty userID unassigns the conversation. Use
// AssignConversationRoutingWithBody to assign silently.
//
//crisp:operation assignConversationRouting
func (s *WebsiteService) AssignConversationRouting(ctx context.Context, websiteID, sessionID, userID string) error {
	body := &api.ConversationRoutingAssignUpdate{Assigned: nullable.NewNullNullable[api.ConversationRoutingAssignee]()}
	if userID != "" {
		body.Assigned = nullable.NewNullableWithValue(api.ConversationRoutingAssignee{UserID: userID})
	}
	return s.AssignConversationRoutingWithBody(ctx, websiteID, sessionID, body)
}

// AssignConversationRoutingWithBody is AssignConversationRouting with the
// full request body: body.Assigned null (or unset) unassigns the conversation, and
// body.Silent skips notifying the operator.
func (s *WebsiteService) AssignConversationRoutingWithBody(ctx context.Context, websiteID, sessionID string, body *api.ConversationRoutingAssignUpdate) error {
	const op = "assignConversationRouting"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
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

// ChangeConversationState changes the state of a conversation (pending,
// unresolved or resolved). Use ChangeConversationStateWithBody to name the
// user or origin of the change.
//
//crisp:operation changeConversationState
func (s *WebsiteService) ChangeConversationState(ctx context.Context, websiteID, sessionID string, state api.ConversationState) error {
	return s.ChangeConversationStateWithBody(ctx, websiteID, sessionID, &api.ConversationStateChange{State: state})
}

// ChangeConversationStateWithBody is ChangeConversationState with the full
// request body, which can also name the user on whose behalf the change is
// made and its origin.
func (s *WebsiteService) ChangeConversationStateWithBody(ctx context.Context, websiteID, sessionID string, body *api.ConversationStateChange) error {
	const op = "changeConversationState"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	if body.State == "" {
		return invalidArg(op, "state must not be empty")
	}
	resp, err := s.c.api.ChangeConversationState(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}

// BlockIncomingMessagesForConversation blocks (true) or unblocks (false)
// incoming messages from the visitor of a conversation. Use
// BlockIncomingMessagesForConversationWithBody to name the user or origin
// of the change.
//
//crisp:operation blockIncomingMessagesForConversation
func (s *WebsiteService) BlockIncomingMessagesForConversation(ctx context.Context, websiteID, sessionID string, blocked bool) error {
	return s.BlockIncomingMessagesForConversationWithBody(ctx, websiteID, sessionID, &api.ConversationBlockChange{Blocked: blocked})
}

// BlockIncomingMessagesForConversationWithBody is
// BlockIncomingMessagesForConversation with the full request body, which
// can also name the user on whose behalf the change is made and its origin.
func (s *WebsiteService) BlockIncomingMessagesForConversationWithBody(ctx context.Context, websiteID, sessionID string, body *api.ConversationBlockChange) error {
	const op = "blockIncomingMessagesForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BlockIncomingMessagesForConversation(ctx, websiteID, sessionID, *body)
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
	if err := checkBody(op, body); err != nil {
		return err
	}
	if body.Participants == nil {
		return invalidArg(op, "participants must not be nil (use an empty list to remove them all)")
	}
	resp, err := s.c.api.SaveConversationParticipants(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}
