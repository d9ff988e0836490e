package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

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
