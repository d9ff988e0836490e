package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// checkHelpdeskContent checks the path parameters the Knowledge Base routes
// share (website_id, locale and content_type), then the extra name, value
// pairs (entity_id, path, ...) with checkPath.
func checkHelpdeskContent(op, websiteID, locale string, contentType api.HelpdeskContentKind, pairs ...string) error {
	if err := checkPath(op, "website_id", websiteID, "locale", locale); err != nil {
		return err
	}
	if !contentType.Valid() {
		return invalidArg(op, "content_type must be articles, guides, references or news, got %q", contentType)
	}
	return checkPath(op, pairs...)
}

// ListHelpdeskTree returns one page (1-based) of the content tree entries of
// a locale and content type; params (which may be nil) limits them to a
// sub-path, a title search or a date range.
//
//crisp:operation listHelpdeskTree
func (s *WebsiteService) ListHelpdeskTree(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, page int, params *api.ListHelpdeskTreeParams) ([]api.HelpdeskTreeEntry, error) {
	const op = "listHelpdeskTree"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskTree(ctx, websiteID, locale, contentType, page, params)
	return decodeList[api.HelpdeskTreeEntry](op, resp, err)
}

// ListHelpdeskTreeIter walks every page of ListHelpdeskTree and yields the
// tree entries one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListHelpdeskTreeIter(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, params *api.ListHelpdeskTreeParams) iter.Seq2[api.HelpdeskTreeEntry, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskTreeEntry, error) {
		return s.ListHelpdeskTree(ctx, websiteID, locale, contentType, page, params)
	})
}

// ListHelpdeskHistoryChangesOptions filters ListHelpdeskHistoryChanges. The
// zero value lists every change.
type ListHelpdeskHistoryChangesOptions struct {
	// FilterLocale lists only the changes made in this locale.
	FilterLocale string
	// FilterType lists only the changes made to this content type.
	FilterType api.HelpdeskContentKind
	// FilterTreePath lists only the changes made at or below this tree path.
	FilterTreePath string
}

// params builds the generated query parameters.
func (o *ListHelpdeskHistoryChangesOptions) params(op string) (*api.ListHelpdeskHistoryChangesParams, error) {
	if o == nil {
		return nil, nil
	}
	if o.FilterType != "" && !o.FilterType.Valid() {
		return nil, invalidArg(op, "FilterType must be articles, guides, references or news, got %q", o.FilterType)
	}
	return &api.ListHelpdeskHistoryChangesParams{
		FilterLocale:   optString(o.FilterLocale),
		FilterType:     optString(string(o.FilterType)),
		FilterTreePath: optString(o.FilterTreePath),
	}, nil
}

// ListHelpdeskHistoryChanges returns one page (1-based) of the helpdesk
// content history changes, filtered by opts (which may be nil).
//
//crisp:operation listHelpdeskHistoryChanges
func (s *WebsiteService) ListHelpdeskHistoryChanges(ctx context.Context, websiteID string, page int, opts *ListHelpdeskHistoryChangesOptions) ([]api.HelpdeskHistoryChange, error) {
	return listWebsitePageWith[api.HelpdeskHistoryChange](ctx, "listHelpdeskHistoryChanges", websiteID, page, opts.params, s.c.api.ListHelpdeskHistoryChanges)
}

// ListHelpdeskHistoryChangesIter walks every page of
// ListHelpdeskHistoryChanges and yields the changes one by one; it stops at
// the first error, which it yields.
func (s *WebsiteService) ListHelpdeskHistoryChangesIter(ctx context.Context, websiteID string, opts *ListHelpdeskHistoryChangesOptions) iter.Seq2[api.HelpdeskHistoryChange, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskHistoryChange, error) {
		return s.ListHelpdeskHistoryChanges(ctx, websiteID, page, opts)
	})
}

// MapHelpdeskLocaleFeedbackRatings counts the helpful and unhelpful feedback
// ratings given to the content of a locale and content type; params (which
// may be nil) bounds the dates counted.
//
//crisp:operation mapHelpdeskLocaleFeedbackRatings
func (s *WebsiteService) MapHelpdeskLocaleFeedbackRatings(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, params *api.MapHelpdeskLocaleFeedbackRatingsParams) (*api.HelpdeskFeedbackRatings, error) {
	const op = "mapHelpdeskLocaleFeedbackRatings"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return nil, err
	}
	resp, err := s.c.api.MapHelpdeskLocaleFeedbackRatings(ctx, websiteID, locale, contentType, params)
	return decode[api.HelpdeskFeedbackRatings](op, resp, err)
}

// ListHelpdeskLocaleFeedbacks returns one page (1-based) of the feedbacks
// given to the content of a locale and content type; params (which may be
// nil) bounds their dates.
//
//crisp:operation listHelpdeskLocaleFeedbacks
func (s *WebsiteService) ListHelpdeskLocaleFeedbacks(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, page int, params *api.ListHelpdeskLocaleFeedbacksParams) ([]api.HelpdeskFeedbackItem, error) {
	const op = "listHelpdeskLocaleFeedbacks"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskLocaleFeedbacks(ctx, websiteID, locale, contentType, page, params)
	return decodeList[api.HelpdeskFeedbackItem](op, resp, err)
}

// ListHelpdeskLocaleFeedbacksIter walks every page of
// ListHelpdeskLocaleFeedbacks and yields the feedbacks one by one; it stops
// at the first error, which it yields.
func (s *WebsiteService) ListHelpdeskLocaleFeedbacksIter(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, params *api.ListHelpdeskLocaleFeedbacksParams) iter.Seq2[api.HelpdeskFeedbackItem, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskFeedbackItem, error) {
		return s.ListHelpdeskLocaleFeedbacks(ctx, websiteID, locale, contentType, page, params)
	})
}
