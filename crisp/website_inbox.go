package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// ListInboxes returns one page (1-based) of the inboxes of a website.
//
//crisp:operation listInboxes
func (s *WebsiteService) ListInboxes(ctx context.Context, websiteID string, page int) ([]api.Inbox, error) {
	return listWebsitePage[api.Inbox](ctx, "listInboxes", websiteID, page, s.c.api.ListInboxes)
}

// ListInboxesIter walks every page of ListInboxes and yields the inboxes
// one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListInboxesIter(ctx context.Context, websiteID string) iter.Seq2[api.Inbox, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.Inbox, error) {
		return s.ListInboxes(ctx, websiteID, page)
	})
}

// BatchOrderInboxes changes the display order of several inboxes of a
// website at once.
//
//crisp:operation batchOrderInboxes
func (s *WebsiteService) BatchOrderInboxes(ctx context.Context, websiteID string, body *api.InboxOrderBatch) error {
	const op = "batchOrderInboxes"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.BatchOrderInboxes(ctx, websiteID, *body)
	return done(op, resp, err)
}

// CreateNewInbox creates a new inbox in a website and returns its ID.
//
//crisp:operation createNewInbox
func (s *WebsiteService) CreateNewInbox(ctx context.Context, websiteID string, body *api.InboxSettings) (*api.InboxCreated, error) {
	const op = "createNewInbox"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.CreateNewInbox(ctx, websiteID, *body)
	return decode[api.InboxCreated](op, resp, err)
}

// CheckInboxExists reports whether an inbox exists in a website.
//
//crisp:operation checkInboxExists
func (s *WebsiteService) CheckInboxExists(ctx context.Context, websiteID, inboxID string) (bool, error) {
	const op = "checkInboxExists"
	if err := checkPath(op, "website_id", websiteID, "inbox_id", inboxID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckInboxExists(ctx, websiteID, inboxID)
	return exists(op, resp, err)
}

// GetInbox resolves an inbox of a website.
//
//crisp:operation getInbox
func (s *WebsiteService) GetInbox(ctx context.Context, websiteID, inboxID string) (*api.Inbox, error) {
	const op = "getInbox"
	if err := checkPath(op, "website_id", websiteID, "inbox_id", inboxID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetInbox(ctx, websiteID, inboxID)
	return decode[api.Inbox](op, resp, err)
}

// SaveInbox saves an inbox of a website, replacing its settings with body.
//
//crisp:operation saveInbox
func (s *WebsiteService) SaveInbox(ctx context.Context, websiteID, inboxID string, body *api.InboxSettings) error {
	const op = "saveInbox"
	if err := checkPath(op, "website_id", websiteID, "inbox_id", inboxID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveInbox(ctx, websiteID, inboxID, *body)
	return done(op, resp, err)
}

// DeleteInbox deletes an inbox of a website.
//
//crisp:operation deleteInbox
func (s *WebsiteService) DeleteInbox(ctx context.Context, websiteID, inboxID string) error {
	const op = "deleteInbox"
	if err := checkPath(op, "website_id", websiteID, "inbox_id", inboxID); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteInbox(ctx, websiteID, inboxID)
	return done(op, resp, err)
}
