package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// CheckWebsiteExists reports whether a Crisp website exists for a domain
// (for example "crisp.chat").
//
//crisp:operation checkWebsiteExists
func (s *WebsiteService) CheckWebsiteExists(ctx context.Context, domain string) (bool, error) {
	const op = "checkWebsiteExists"
	if domain == "" {
		return false, invalidArg(op, "domain must not be empty")
	}
	resp, err := s.c.api.CheckWebsiteExists(ctx, &api.CheckWebsiteExistsParams{Domain: domain})
	return exists(op, resp, err)
}

// CreateWebsite creates a new website owned by the token's user (user
// tier only).
//
//crisp:operation createWebsite
func (s *WebsiteService) CreateWebsite(ctx context.Context, body *api.WebsiteCreation) (*api.Website, error) {
	const op = "createWebsite"
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.CreateWebsite(ctx, *body)
	return decode[api.Website](op, resp, err)
}

// GetWebsite resolves a website.
//
//crisp:operation getWebsite
func (s *WebsiteService) GetWebsite(ctx context.Context, websiteID string) (*api.Website, error) {
	const op = "getWebsite"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetWebsite(ctx, websiteID)
	return decode[api.Website](op, resp, err)
}

// DeleteWebsite schedules the deletion of a website; body carries the
// identity verification challenge that confirms it.
//
//crisp:operation deleteWebsite
func (s *WebsiteService) DeleteWebsite(ctx context.Context, websiteID string, body *api.WebsiteDeletion) error {
	const op = "deleteWebsite"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteWebsite(ctx, websiteID, *body)
	return done(op, resp, err)
}

// AbortWebsiteDeletion cancels the scheduled deletion of a website.
//
//crisp:operation abortWebsiteDeletion
func (s *WebsiteService) AbortWebsiteDeletion(ctx context.Context, websiteID string) error {
	const op = "abortWebsiteDeletion"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	resp, err := s.c.api.AbortWebsiteDeletion(ctx, websiteID)
	return done(op, resp, err)
}

// GetWebsiteSettings resolves the current settings of a website.
//
//crisp:operation getWebsiteSettings
func (s *WebsiteService) GetWebsiteSettings(ctx context.Context, websiteID string) (*api.WebsiteSettings, error) {
	const op = "getWebsiteSettings"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetWebsiteSettings(ctx, websiteID)
	return decode[api.WebsiteSettings](op, resp, err)
}

// UpdateWebsiteSettings updates the settings of a website; only the fields
// set in body are changed.
//
//crisp:operation updateWebsiteSettings
func (s *WebsiteService) UpdateWebsiteSettings(ctx context.Context, websiteID string, body *api.WebsiteSettingsUpdate) error {
	const op = "updateWebsiteSettings"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateWebsiteSettings(ctx, websiteID, *body)
	return done(op, resp, err)
}
