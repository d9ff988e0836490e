package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// BatchResolveConversations resolves the given conversations, or all the
// conversations (of an inbox) when body.Sessions is empty.
//
//crisp:operation batchResolveConversations
func (s *WebsiteService) BatchResolveConversations(ctx context.Context, websiteID string, body *api.BatchConversationsOperation) error {
	const op = "batchResolveConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchResolveConversations(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchUnresolveConversations marks the given conversations, or all the
// conversations (of an inbox) when body.Sessions is empty, as unresolved.
//
//crisp:operation batchUnresolveConversations
func (s *WebsiteService) BatchUnresolveConversations(ctx context.Context, websiteID string, body *api.BatchConversationsOperation) error {
	const op = "batchUnresolveConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchUnresolveConversations(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchReadConversations marks the messages of the given conversations, or
// of all the conversations (of an inbox) when body.Sessions is empty, as
// read.
//
//crisp:operation batchReadConversations
func (s *WebsiteService) BatchReadConversations(ctx context.Context, websiteID string, body *api.BatchConversationsOperation) error {
	const op = "batchReadConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchReadConversations(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchUnreadConversations marks the given conversations, or all the
// conversations (of an inbox) when body.Sessions is empty, as unread.
//
//crisp:operation batchUnreadConversations
func (s *WebsiteService) BatchUnreadConversations(ctx context.Context, websiteID string, body *api.BatchConversationsOperation) error {
	const op = "batchUnreadConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchUnreadConversations(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchRemoveConversations removes the given conversations (body.Sessions)
// or people profiles (body.People) from a website.
//
//crisp:operation batchRemoveConversations
func (s *WebsiteService) BatchRemoveConversations(ctx context.Context, websiteID string, body *api.BatchRemoveOperation) error {
	const op = "batchRemoveConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchRemoveConversations(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchReportConversations reports the given conversations to Crisp with a
// flag, such as spam.
//
//crisp:operation batchReportConversations
func (s *WebsiteService) BatchReportConversations(ctx context.Context, websiteID string, body *api.BatchReportOperation) error {
	const op = "batchReportConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchReportConversations(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchBlockConversations blocks or unblocks the visitors of the given
// conversations.
//
//crisp:operation batchBlockConversations
func (s *WebsiteService) BatchBlockConversations(ctx context.Context, websiteID string, body *api.BatchBlockOperation) error {
	const op = "batchBlockConversations"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchBlockConversations(ctx, websiteID, *body)
	return done(op, resp, err)
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

// BatchUpdateConversationsData updates the custom data of the given
// conversations (body.Sessions) or people profiles (body.People).
//
//crisp:operation batchUpdateConversationsData
func (s *WebsiteService) BatchUpdateConversationsData(ctx context.Context, websiteID string, body *api.BatchDataOperation) error {
	const op = "batchUpdateConversationsData"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchUpdateConversationsData(ctx, websiteID, *body)
	return done(op, resp, err)
}

// BatchUpdateConversationsSegments updates the segments of the given
// conversations (body.Sessions) or people profiles (body.People).
//
//crisp:operation batchUpdateConversationsSegments
func (s *WebsiteService) BatchUpdateConversationsSegments(ctx context.Context, websiteID string, body *api.BatchSegmentsOperation) error {
	const op = "batchUpdateConversationsSegments"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchUpdateConversationsSegments(ctx, websiteID, *body)
	return done(op, resp, err)
}

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
