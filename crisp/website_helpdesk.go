package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// CheckHelpdeskExists reports whether the website has a helpdesk.
//
//crisp:operation checkHelpdeskExists
func (s *WebsiteService) CheckHelpdeskExists(ctx context.Context, websiteID string) (bool, error) {
	const op = "checkHelpdeskExists"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskExists(ctx, websiteID)
	return exists(op, resp, err)
}

// ResolveHelpdesk returns the website's helpdesk (its name and public URL).
//
//crisp:operation resolveHelpdesk
func (s *WebsiteService) ResolveHelpdesk(ctx context.Context, websiteID string) (*api.Helpdesk, error) {
	const op = "resolveHelpdesk"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdesk(ctx, websiteID)
	return decode[api.Helpdesk](op, resp, err)
}

// InitializeHelpdesk creates the website's helpdesk, with a name and a basic
// (Crisp-hosted) domain.
//
//crisp:operation initializeHelpdesk
func (s *WebsiteService) InitializeHelpdesk(ctx context.Context, websiteID string, body *api.HelpdeskInitialization) error {
	const op = "initializeHelpdesk"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.InitializeHelpdesk(ctx, websiteID, *body)
	return done(op, resp, err)
}

// DeleteHelpdesk deletes the website's helpdesk and all its content, once
// the identity verification in body succeeds.
//
//crisp:operation deleteHelpdesk
func (s *WebsiteService) DeleteHelpdesk(ctx context.Context, websiteID string, body *api.HelpdeskDeletion) error {
	const op = "deleteHelpdesk"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdesk(ctx, websiteID, *body)
	return done(op, resp, err)
}

// ListHelpdeskLocales returns one page (1-based) of the helpdesk locales,
// with their content statistics.
//
//crisp:operation listHelpdeskLocales
func (s *WebsiteService) ListHelpdeskLocales(ctx context.Context, websiteID string, page int) ([]api.HelpdeskLocale, error) {
	return listWebsitePage[api.HelpdeskLocale](ctx, "listHelpdeskLocales", websiteID, page, s.c.api.ListHelpdeskLocales)
}

// ListHelpdeskLocalesIter walks every page of ListHelpdeskLocales and yields
// the locales one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListHelpdeskLocalesIter(ctx context.Context, websiteID string) iter.Seq2[api.HelpdeskLocale, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskLocale, error) {
		return s.ListHelpdeskLocales(ctx, websiteID, page)
	})
}

// AddHelpdeskLocale adds a locale to the helpdesk.
//
//crisp:operation addHelpdeskLocale
func (s *WebsiteService) AddHelpdeskLocale(ctx context.Context, websiteID string, body *api.HelpdeskLocaleAddition) error {
	const op = "addHelpdeskLocale"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.AddHelpdeskLocale(ctx, websiteID, *body)
	return done(op, resp, err)
}

// CheckHelpdeskLocaleExists reports whether a locale exists in the
// helpdesk.
//
//crisp:operation checkHelpdeskLocaleExists
func (s *WebsiteService) CheckHelpdeskLocaleExists(ctx context.Context, websiteID, locale string) (bool, error) {
	const op = "checkHelpdeskLocaleExists"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskLocaleExists(ctx, websiteID, locale)
	return exists(op, resp, err)
}

// ResolveHelpdeskLocale returns a helpdesk locale, with its content
// statistics.
//
//crisp:operation resolveHelpdeskLocale
func (s *WebsiteService) ResolveHelpdeskLocale(ctx context.Context, websiteID, locale string) (*api.HelpdeskLocale, error) {
	const op = "resolveHelpdeskLocale"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskLocale(ctx, websiteID, locale)
	return decode[api.HelpdeskLocale](op, resp, err)
}

// DeleteHelpdeskLocale deletes a locale from the helpdesk, with all its
// content.
//
//crisp:operation deleteHelpdeskLocale
func (s *WebsiteService) DeleteHelpdeskLocale(ctx context.Context, websiteID, locale string) error {
	const op = "deleteHelpdeskLocale"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskLocale(ctx, websiteID, locale)
	return done(op, resp, err)
}

// ListHelpdeskRedirections returns one page (1-based) of the helpdesk URL
// redirections.
//
//crisp:operation listHelpdeskRedirections
func (s *WebsiteService) ListHelpdeskRedirections(ctx context.Context, websiteID string, page int) ([]api.HelpdeskRedirection, error) {
	return listWebsitePage[api.HelpdeskRedirection](ctx, "listHelpdeskRedirections", websiteID, page, s.c.api.ListHelpdeskRedirections)
}

// ListHelpdeskRedirectionsIter walks every page of ListHelpdeskRedirections
// and yields the redirections one by one; it stops at the first error,
// which it yields.
func (s *WebsiteService) ListHelpdeskRedirectionsIter(ctx context.Context, websiteID string) iter.Seq2[api.HelpdeskRedirection, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskRedirection, error) {
		return s.ListHelpdeskRedirections(ctx, websiteID, page)
	})
}

// AddHelpdeskRedirection adds a redirection from a helpdesk URL path to a
// target path or URL, and returns the new redirection's identifier.
//
//crisp:operation addHelpdeskRedirection
func (s *WebsiteService) AddHelpdeskRedirection(ctx context.Context, websiteID string, body *api.HelpdeskRedirectionAddition) (*api.HelpdeskRedirectionNew, error) {
	const op = "addHelpdeskRedirection"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	if err := checkBody(op, body); err != nil {
		return nil, err
	}
	resp, err := s.c.api.AddHelpdeskRedirection(ctx, websiteID, *body)
	return decode[api.HelpdeskRedirectionNew](op, resp, err)
}

// CheckHelpdeskRedirectionExists reports whether a helpdesk redirection
// exists.
//
//crisp:operation checkHelpdeskRedirectionExists
func (s *WebsiteService) CheckHelpdeskRedirectionExists(ctx context.Context, websiteID, redirectionID string) (bool, error) {
	const op = "checkHelpdeskRedirectionExists"
	if err := checkPath(op, "website_id", websiteID, "redirection_id", redirectionID); err != nil {
		return false, err
	}
	resp, err := s.c.api.CheckHelpdeskRedirectionExists(ctx, websiteID, redirectionID)
	return exists(op, resp, err)
}

// ResolveHelpdeskRedirection returns a helpdesk redirection.
//
//crisp:operation resolveHelpdeskRedirection
func (s *WebsiteService) ResolveHelpdeskRedirection(ctx context.Context, websiteID, redirectionID string) (*api.HelpdeskRedirection, error) {
	const op = "resolveHelpdeskRedirection"
	if err := checkPath(op, "website_id", websiteID, "redirection_id", redirectionID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskRedirection(ctx, websiteID, redirectionID)
	return decode[api.HelpdeskRedirection](op, resp, err)
}

// DeleteHelpdeskRedirection deletes a helpdesk redirection.
//
//crisp:operation deleteHelpdeskRedirection
func (s *WebsiteService) DeleteHelpdeskRedirection(ctx context.Context, websiteID, redirectionID string) error {
	const op = "deleteHelpdeskRedirection"
	if err := checkPath(op, "website_id", websiteID, "redirection_id", redirectionID); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskRedirection(ctx, websiteID, redirectionID)
	return done(op, resp, err)
}

// ResolveHelpdeskSettings returns the helpdesk settings (appearance,
// localization, sections, behavior, services, custom code and access).
//
//crisp:operation resolveHelpdeskSettings
func (s *WebsiteService) ResolveHelpdeskSettings(ctx context.Context, websiteID string) (*api.HelpdeskSettings, error) {
	const op = "resolveHelpdeskSettings"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskSettings(ctx, websiteID)
	return decode[api.HelpdeskSettings](op, resp, err)
}

// SaveHelpdeskSettings saves the helpdesk settings; groups and fields left
// out of body are unchanged.
//
//crisp:operation saveHelpdeskSettings
func (s *WebsiteService) SaveHelpdeskSettings(ctx context.Context, websiteID string, body *api.HelpdeskSettings) error {
	const op = "saveHelpdeskSettings"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveHelpdeskSettings(ctx, websiteID, *body)
	return done(op, resp, err)
}

// ResolveHelpdeskDomain returns the helpdesk domains (the basic
// Crisp-hosted subdomain and the custom domain).
//
//crisp:operation resolveHelpdeskDomain
func (s *WebsiteService) ResolveHelpdeskDomain(ctx context.Context, websiteID string) (*api.HelpdeskDomain, error) {
	const op = "resolveHelpdeskDomain"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskDomain(ctx, websiteID)
	return decode[api.HelpdeskDomain](op, resp, err)
}

// RequestHelpdeskDomainChange requests a change of the helpdesk's basic
// subdomain or custom domain.
//
//crisp:operation requestHelpdeskDomainChange
func (s *WebsiteService) RequestHelpdeskDomainChange(ctx context.Context, websiteID string, body *api.HelpdeskDomainChange) error {
	const op = "requestHelpdeskDomainChange"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.RequestHelpdeskDomainChange(ctx, websiteID, *body)
	return done(op, resp, err)
}

// GenerateHelpdeskDomainSetupFlow returns the DNS records to set up so that
// a custom domain serves the helpdesk; params (which may be nil) names the
// custom domain, by default the one already requested.
//
//crisp:operation generateHelpdeskDomainSetupFlow
func (s *WebsiteService) GenerateHelpdeskDomainSetupFlow(ctx context.Context, websiteID string, params *api.GenerateHelpdeskDomainSetupFlowParams) (*api.HelpdeskDomainSetupFlow, error) {
	const op = "generateHelpdeskDomainSetupFlow"
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.GenerateHelpdeskDomainSetupFlow(ctx, websiteID, params)
	return decode[api.HelpdeskDomainSetupFlow](op, resp, err)
}
