package crisp

// The routes of the old helpdesk (articles, categories and sections of a
// helpdesk locale, and the old shapes of feedbacks, import and export).
// Crisp keeps them only for workspaces not yet migrated to the new
// Knowledge Base; every method here is deprecated in favour of the content
// tree routes of the Knowledge Base (ListHelpdeskTree, ResolveHelpdeskTreePath
// and the like).

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// MapHelpdeskLocaleFeedbackRatingsLegacy counts the helpful and unhelpful
// article ratings of a helpdesk locale in the old helpdesk, optionally
// between two dates (params may be nil).
//
// Deprecated: use MapHelpdeskLocaleFeedbackRatings instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation mapHelpdeskLocaleFeedbackRatingsLegacy
func (s *WebsiteService) MapHelpdeskLocaleFeedbackRatingsLegacy(ctx context.Context, websiteID, locale string, params *api.MapHelpdeskLocaleFeedbackRatingsLegacyParams) (*api.HelpdeskLegacyFeedbackRatings, error) {
	const op = "mapHelpdeskLocaleFeedbackRatingsLegacy"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	resp, err := s.c.api.MapHelpdeskLocaleFeedbackRatingsLegacy(ctx, websiteID, locale, params)
	return decode[api.HelpdeskLegacyFeedbackRatings](op, resp, err)
}

// ListHelpdeskLocaleFeedbacksLegacy returns one page (1-based) of the
// article feedbacks left by readers of a helpdesk locale in the old
// helpdesk, optionally between two dates (params may be nil).
//
// Deprecated: use ListHelpdeskLocaleFeedbacks instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
//
//crisp:operation listHelpdeskLocaleFeedbacksLegacy
func (s *WebsiteService) ListHelpdeskLocaleFeedbacksLegacy(ctx context.Context, websiteID, locale string, page int, params *api.ListHelpdeskLocaleFeedbacksLegacyParams) ([]api.HelpdeskLegacyFeedback, error) {
	const op = "listHelpdeskLocaleFeedbacksLegacy"
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleFeedbacksLegacy(ctx, websiteID, locale, page, params)
	return decodeList[api.HelpdeskLegacyFeedback](op, resp, err)
}

// ListHelpdeskLocaleFeedbacksLegacyIter walks every page of
// ListHelpdeskLocaleFeedbacksLegacy and yields the feedbacks one by one; it
// stops at the first error, which it yields.
//
// Deprecated: use ListHelpdeskLocaleFeedbacksIter instead; the old helpdesk
// routes only serve workspaces not yet migrated to the new Knowledge Base.
func (s *WebsiteService) ListHelpdeskLocaleFeedbacksLegacyIter(ctx context.Context, websiteID, locale string, params *api.ListHelpdeskLocaleFeedbacksLegacyParams) iter.Seq2[api.HelpdeskLegacyFeedback, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskLegacyFeedback, error) {
		return s.ListHelpdeskLocaleFeedbacksLegacy(ctx, websiteID, locale, page, params)
	})
}
