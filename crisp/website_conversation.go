package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
	"github.com/oapi-codegen/nullable"
)

// CreateNewConversation creates a new, empty conversation in a website and
// returns its session ID.
//
//crisp:operation createNewConversation
func (s *WebsiteService) CreateNewConversation(ctx context.Context, websiteID string) (string, error) {
	const op = "createNewConversation"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return "", err
	}
	resp, err := s.c.api.CreateNewConversation(ctx, websiteID, emptyBody())
	conv, err := decode[api.ConversationNew](op, resp, err)
	if err != nil {
		return "", err
	}
	return conv.SessionID, nil
}

// CheckConversationExists reports whether a conversation exists in a
// website.
//
//crisp:operation checkConversationExists
func (s *WebsiteService) CheckConversationExists(ctx context.Context, websiteID, sessionID string) (bool, error) {
	const op = "checkConversationExists"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckConversationExists(ctx, websiteID, sessionID)
	return exists(op, resp, err)
}

// GetConversation returns a conversation, with its state, participants,
// unread counts and metas.
//
//crisp:operation getConversation
func (s *WebsiteService) GetConversation(ctx context.Context, websiteID, sessionID string) (*api.Conversation, error) {
	const op = "getConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetConversation(ctx, websiteID, sessionID)
	return decode[api.Conversation](op, resp, err)
}

// RemoveConversation removes a conversation and all its messages from a
// website.
//
//crisp:operation removeConversation
func (s *WebsiteService) RemoveConversation(ctx context.Context, websiteID, sessionID string) error {
	const op = "removeConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.RemoveConversation(ctx, websiteID, sessionID)
	return done(op, resp, err)
}

// InitiateConversationWithExistingSession starts a conversation from an
// existing visitor session that has none yet, so that operators can write
// first.
//
//crisp:operation initiateConversationWithExistingSession
func (s *WebsiteService) InitiateConversationWithExistingSession(ctx context.Context, websiteID, sessionID string) error {
	const op = "initiateConversationWithExistingSession"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.InitiateConversationWithExistingSession(ctx, websiteID, sessionID, emptyBody())
	return done(op, resp, err)
}

// UpdateConversationOpenState marks a conversation as opened (true) or
// closed (false) by the token's operator, as when it is shown on or hidden
// from their screen.
//
//crisp:operation updateConversationOpenState
func (s *WebsiteService) UpdateConversationOpenState(ctx context.Context, websiteID, sessionID string, opened bool) error {
	const op = "updateConversationOpenState"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateConversationOpenState(ctx, websiteID, sessionID, api.ConversationOpenStateChange{Opened: opened})
	return done(op, resp, err)
}

// GetConversationRoutingAssign returns the operator a conversation is
// assigned to.
//
//crisp:operation getConversationRoutingAssign
func (s *WebsiteService) GetConversationRoutingAssign(ctx context.Context, websiteID, sessionID string) (*api.ConversationRoutingAssign, error) {
	const op = "getConversationRoutingAssign"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetConversationRoutingAssign(ctx, websiteID, sessionID)
	return decode[api.ConversationRoutingAssign](op, resp, err)
}

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

// GetConversationMetas returns the metas of a conversation (visitor
// identity, custom data, segments and device).
//
//crisp:operation getConversationMetas
func (s *WebsiteService) GetConversationMetas(ctx context.Context, websiteID, sessionID string) (*api.ConversationMeta, error) {
	const op = "getConversationMetas"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetConversationMetas(ctx, websiteID, sessionID)
	return decode[api.ConversationMeta](op, resp, err)
}

// UpdateConversationMetas updates the metas of a conversation; only the
// fields set in body are changed (Segments replaces the whole list).
//
//crisp:operation updateConversationMetas
func (s *WebsiteService) UpdateConversationMetas(ctx context.Context, websiteID, sessionID string, body *api.ConversationMetaUpdate) error {
	const op = "updateConversationMetas"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateConversationMetas(ctx, websiteID, sessionID, *body)
	return done(op, resp, err)
}

// ListConversationPages returns one page (1-based) of the web pages the
// visitor of a conversation browsed, most recent first.
//
//crisp:operation listConversationPages
func (s *WebsiteService) ListConversationPages(ctx context.Context, websiteID, sessionID string, page int) ([]api.ConversationPage, error) {
	const op = "listConversationPages"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListConversationPages(ctx, websiteID, sessionID, page)
	return decodeList[api.ConversationPage](op, resp, err)
}

// ListConversationPagesIter walks every page of ListConversationPages.
func (s *WebsiteService) ListConversationPagesIter(ctx context.Context, websiteID, sessionID string) iter.Seq2[api.ConversationPage, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.ConversationPage, error) {
		return s.ListConversationPages(ctx, websiteID, sessionID, page)
	})
}

// ListConversationEvents returns one page (1-based) of the custom events
// pushed for the visitor of a conversation, most recent first.
//
//crisp:operation listConversationEvents
func (s *WebsiteService) ListConversationEvents(ctx context.Context, websiteID, sessionID string, page int) ([]api.ConversationEvent, error) {
	const op = "listConversationEvents"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListConversationEvents(ctx, websiteID, sessionID, page)
	return decodeList[api.ConversationEvent](op, resp, err)
}

// ListConversationEventsIter walks every page of ListConversationEvents.
func (s *WebsiteService) ListConversationEventsIter(ctx context.Context, websiteID, sessionID string) iter.Seq2[api.ConversationEvent, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.ConversationEvent, error) {
		return s.ListConversationEvents(ctx, websiteID, sessionID, page)
	})
}

// ListConversationFiles returns one page (1-based) of the files exchanged
// in a conversation, most recent first.
//
//crisp:operation listConversationFiles
func (s *WebsiteService) ListConversationFiles(ctx context.Context, websiteID, sessionID string, page int) ([]api.ConversationFile, error) {
	const op = "listConversationFiles"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListConversationFiles(ctx, websiteID, sessionID, page)
	return decodeList[api.ConversationFile](op, resp, err)
}

// ListConversationFilesIter walks every page of ListConversationFiles.
func (s *WebsiteService) ListConversationFilesIter(ctx context.Context, websiteID, sessionID string) iter.Seq2[api.ConversationFile, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.ConversationFile, error) {
		return s.ListConversationFiles(ctx, websiteID, sessionID, page)
	})
}

// GetConversationState returns the state of a conversation (pending,
// unresolved or resolved).
//
//crisp:operation getConversationState
func (s *WebsiteService) GetConversationState(ctx context.Context, websiteID, sessionID string) (*api.ConversationStateInfo, error) {
	const op = "getConversationState"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetConversationState(ctx, websiteID, sessionID)
	return decode[api.ConversationStateInfo](op, resp, err)
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

// GetConversationRelations returns the conversations related to a
// conversation (its parent and its children).
//
//crisp:operation getConversationRelations
func (s *WebsiteService) GetConversationRelations(ctx context.Context, websiteID, sessionID string) (*api.ConversationRelations, error) {
	const op = "getConversationRelations"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetConversationRelations(ctx, websiteID, sessionID)
	return decode[api.ConversationRelations](op, resp, err)
}

// GetConversationParticipants returns the external participants of a
// conversation (such as email recipients in copy).
//
//crisp:operation getConversationParticipants
func (s *WebsiteService) GetConversationParticipants(ctx context.Context, websiteID, sessionID string) (*api.ConversationParticipants, error) {
	const op = "getConversationParticipants"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetConversationParticipants(ctx, websiteID, sessionID)
	return decode[api.ConversationParticipants](op, resp, err)
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

// GetBlockStatusForConversation returns whether incoming messages from the
// visitor of a conversation are blocked.
//
//crisp:operation getBlockStatusForConversation
func (s *WebsiteService) GetBlockStatusForConversation(ctx context.Context, websiteID, sessionID string) (*api.ConversationBlock, error) {
	const op = "getBlockStatusForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetBlockStatusForConversation(ctx, websiteID, sessionID)
	return decode[api.ConversationBlock](op, resp, err)
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

// GetVerifyStatusForConversation returns whether the identity of the
// visitor of a conversation is verified, and how.
//
//crisp:operation getVerifyStatusForConversation
func (s *WebsiteService) GetVerifyStatusForConversation(ctx context.Context, websiteID, sessionID string) (*api.ConversationVerify, error) {
	const op = "getVerifyStatusForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetVerifyStatusForConversation(ctx, websiteID, sessionID)
	return decode[api.ConversationVerify](op, resp, err)
}

// UpdateVerifyStatusForConversation marks the identity of the visitor of a
// conversation as verified (true) or not verified (false).
//
//crisp:operation updateVerifyStatusForConversation
func (s *WebsiteService) UpdateVerifyStatusForConversation(ctx context.Context, websiteID, sessionID string, verified bool) error {
	const op = "updateVerifyStatusForConversation"
	if err := checkPath(op, "website_id", websiteID, "session_id", sessionID); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateVerifyStatusForConversation(ctx, websiteID, sessionID, api.ConversationVerifyChange{Verified: verified})
	return done(op, resp, err)
}
