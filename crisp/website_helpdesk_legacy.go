package crisp

// The routes of the old helpdesk (articles, categories and sections of a
// helpdesk locale, and the old shapes of feedbacks, import and export).
// Crisp keeps them only for workspaces not yet migrated to the new
// Knowledge Base; every method here is deprecated in favour of the content
// tree routes of the Knowledge Base (ListHelpdeskTree, ResolveHelpdeskTreePath
// and the like).

import (
	"context"

	"github.com/crisp-go/crisp-go/api"
)

// SaveHelpdeskLocaleArticle saves (fully replaces) the editable fields of
// an article in a helpdesk locale of the old helpdesk; a null or unset
// Description clears the description.
//
// Deprecated: use SaveHelpdeskTreeContent and UpdateHelpdeskTreeMetadata
// instead; the old helpdesk routes only serve workspaces not yet migrated to
// the new Knowledge Base.
//
//crisp:operation saveHelpdeskLocaleArticle
func (s *WebsiteService) SaveHelpdeskLocaleArticle(ctx context.Context, websiteID, locale, articleID string, body *api.HelpdeskLegacyArticleSave) error {
	const op = "saveHelpdeskLocaleArticle"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "article_id", articleID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.Description)
	resp, err := s.c.api.SaveHelpdeskLocaleArticle(ctx, websiteID, locale, articleID, b)
	return done(op, resp, err)
}

// SaveHelpdeskLocaleCategory saves (fully replaces) the editable fields of
// a category in a helpdesk locale of the old helpdesk; a null or unset
// Description or Image clears it.
//
// Deprecated: use UpdateHelpdeskTreeMetadata instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation saveHelpdeskLocaleCategory
func (s *WebsiteService) SaveHelpdeskLocaleCategory(ctx context.Context, websiteID, locale, categoryID string, body *api.HelpdeskLegacyCategorySave) error {
	const op = "saveHelpdeskLocaleCategory"
	if err := checkPath(op, "website_id", websiteID, "locale", locale, "category_id", categoryID); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	b := *body // a copy: the caller's body is not changed
	nullIfUnset(&b.Description)
	nullIfUnset(&b.Image)
	resp, err := s.c.api.SaveHelpdeskLocaleCategory(ctx, websiteID, locale, categoryID, b)
	return done(op, resp, err)
}
