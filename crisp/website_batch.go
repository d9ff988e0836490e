package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// BatchRemovePeople removes the people profiles selected by people (by
// identifier or by search) from a website, through
// BatchRemoveConversations.
func (s *WebsiteService) BatchRemovePeople(ctx context.Context, websiteID string, people *api.BatchPeopleSelection) error {
	if people == nil {
		return invalidArg("batchRemoveConversations", "people must not be nil")
	}
	return s.BatchRemoveConversations(ctx, websiteID, &api.BatchRemoveOperation{People: people})
}

// BatchUpdatePeopleData updates the custom data of the people profiles
// selected by people (by identifier or by search), through
// BatchUpdateConversationsData.
func (s *WebsiteService) BatchUpdatePeopleData(ctx context.Context, websiteID string, people *api.BatchPeopleSelection, data map[string]any) error {
	if people == nil {
		return invalidArg("batchUpdateConversationsData", "people must not be nil")
	}
	if data == nil {
		return invalidArg("batchUpdateConversationsData", "data must not be nil")
	}
	return s.BatchUpdateConversationsData(ctx, websiteID, &api.BatchDataOperation{People: people, Data: data})
}

// BatchUpdatePeopleSegments sets the segments of the people profiles
// selected by people (by identifier or by search), through
// BatchUpdateConversationsSegments; nil segments are sent as an empty
// list.
func (s *WebsiteService) BatchUpdatePeopleSegments(ctx context.Context, websiteID string, people *api.BatchPeopleSelection, segments []string) error {
	if people == nil {
		return invalidArg("batchUpdateConversationsSegments", "people must not be nil")
	}
	if segments == nil {
		segments = []string{}
	}
	return s.BatchUpdateConversationsSegments(ctx, websiteID, &api.BatchSegmentsOperation{People: people, Segments: segments})
}

// BatchRoutingConversations assigns the given conversations to an operator,
// or unassigns them when body.Assigned is null or unset.
//
//crisp:operation batchRoutingConversations
func (s *WebsiteService) BatchRoutingConversations(ctx context.Context, websiteID string, body *api.BatchRoutingOperation) error {
	const op = "batchRoutingConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.Assigned)
	resp, err := s.c.api.BatchRoutingConversations(ctx, websiteID, b)
	return done(op, resp, err)
}

// BatchInboxConversations moves the given conversations to an inbox, or out
// of any inbox when body.InboxID is null or unset.
//
//crisp:operation batchInboxConversations
func (s *WebsiteService) BatchInboxConversations(ctx context.Context, websiteID string, body *api.BatchInboxOperation) error {
	const op = "batchInboxConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.InboxID)
	resp, err := s.c.api.BatchInboxConversations(ctx, websiteID, b)
	return done(op, resp, err)
}
