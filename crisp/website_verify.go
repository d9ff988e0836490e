package crisp

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// GetVerifySettings resolves the user identity verification settings of a
// website.
//
//crisp:operation getVerifySettings
func (s *WebsiteService) GetVerifySettings(ctx context.Context, websiteID string) (*api.VerifySettings, error) {
	const op = "getVerifySettings"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetVerifySettings(ctx, websiteID)
	return decode[api.VerifySettings](op, resp, err)
}

// UpdateVerifySettings updates the user identity verification settings of
// a website.
//
//crisp:operation updateVerifySettings
func (s *WebsiteService) UpdateVerifySettings(ctx context.Context, websiteID string, body *api.VerifySettingsUpdate) error {
	const op = "updateVerifySettings"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateVerifySettings(ctx, websiteID, *body)
	return done(op, resp, err)
}

// GetVerifyKey resolves the secret key a website uses to sign user
// identity verification hashes.
//
//crisp:operation getVerifyKey
func (s *WebsiteService) GetVerifyKey(ctx context.Context, websiteID string) (*api.VerifyKey, error) {
	const op = "getVerifyKey"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GetVerifyKey(ctx, websiteID)
	return decode[api.VerifyKey](op, resp, err)
}

// RollVerifyKey replaces the verify secret key of a website with a new
// one, invalidating the previous key.
//
//crisp:operation rollVerifyKey
func (s *WebsiteService) RollVerifyKey(ctx context.Context, websiteID string) error {
	const op = "rollVerifyKey"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	resp, err := s.c.api.RollVerifyKey(ctx, websiteID, emptyBody())
	return done(op, resp, err)
}
