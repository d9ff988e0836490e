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

// ListHelpdeskPages returns one page (1-based) of the publicly visible
// helpdesk pages of a locale and content type.
//
//crisp:operation listHelpdeskPages
func (s *WebsiteService) ListHelpdeskPages(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, page int) ([]api.HelpdeskPage, error) {
	const op = "listHelpdeskPages"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return nil, err
	}
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ListHelpdeskPages(ctx, websiteID, locale, contentType, page)
	return decodeList[api.HelpdeskPage](op, resp, err)
}

// ListHelpdeskPagesIter walks every page of ListHelpdeskPages and yields the
// helpdesk pages one by one; it stops at the first error, which it yields.
func (s *WebsiteService) ListHelpdeskPagesIter(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind) iter.Seq2[api.HelpdeskPage, error] {
	return pages(ctx, 0, func(ctx context.Context, page int) ([]api.HelpdeskPage, error) {
		return s.ListHelpdeskPages(ctx, websiteID, locale, contentType, page)
	})
}

// ResolveHelpdeskPageEntity returns a publicly visible helpdesk page from
// its entity identifier (as listed by ListHelpdeskPages).
//
//crisp:operation resolveHelpdeskPageEntity
func (s *WebsiteService) ResolveHelpdeskPageEntity(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, entityID string) (*api.HelpdeskPage, error) {
	const op = "resolveHelpdeskPageEntity"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "entity_id", entityID); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskPageEntity(ctx, websiteID, locale, contentType, entityID)
	return decode[api.HelpdeskPage](op, resp, err)
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

// CreateHelpdeskTreePath creates an empty entry at a path of the content
// tree (slugs joined with "/", such as "getting-started/install"; the client
// escapes it).
//
//crisp:operation createHelpdeskTreePath
func (s *WebsiteService) CreateHelpdeskTreePath(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string) error {
	const op = "createHelpdeskTreePath"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return err
	}
	resp, err := s.c.api.CreateHelpdeskTreePath(ctx, websiteID, locale, contentType, path, emptyBody())
	return done(op, resp, err)
}

// ResolveHelpdeskTreePath returns the content tree entry at a path, with its
// children.
//
//crisp:operation resolveHelpdeskTreePath
func (s *WebsiteService) ResolveHelpdeskTreePath(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string) (*api.HelpdeskTreeEntry, error) {
	const op = "resolveHelpdeskTreePath"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskTreePath(ctx, websiteID, locale, contentType, path)
	return decode[api.HelpdeskTreeEntry](op, resp, err)
}

// UpdateHelpdeskTreePath moves the content tree entry at a path to another
// path, or changes its position among its siblings.
//
//crisp:operation updateHelpdeskTreePath
func (s *WebsiteService) UpdateHelpdeskTreePath(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string, body *api.HelpdeskTreePathUpdate) error {
	const op = "updateHelpdeskTreePath"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateHelpdeskTreePath(ctx, websiteID, locale, contentType, path, *body)
	return done(op, resp, err)
}

// DeleteHelpdeskTreePath deletes the content tree entry at a path, and
// everything below it.
//
//crisp:operation deleteHelpdeskTreePath
func (s *WebsiteService) DeleteHelpdeskTreePath(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string) error {
	const op = "deleteHelpdeskTreePath"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return err
	}
	resp, err := s.c.api.DeleteHelpdeskTreePath(ctx, websiteID, locale, contentType, path)
	return done(op, resp, err)
}

// ResolveHelpdeskTreeContent returns the body content of the content tree
// entry at a path.
//
//crisp:operation resolveHelpdeskTreeContent
func (s *WebsiteService) ResolveHelpdeskTreeContent(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string) (*api.HelpdeskTreeContent, error) {
	const op = "resolveHelpdeskTreeContent"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskTreeContent(ctx, websiteID, locale, contentType, path)
	return decode[api.HelpdeskTreeContent](op, resp, err)
}

// SaveHelpdeskTreeContent replaces the body content of the content tree
// entry at a path.
//
//crisp:operation saveHelpdeskTreeContent
func (s *WebsiteService) SaveHelpdeskTreeContent(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string, body *api.HelpdeskTreeContentSave) error {
	const op = "saveHelpdeskTreeContent"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.SaveHelpdeskTreeContent(ctx, websiteID, locale, contentType, path, *body)
	return done(op, resp, err)
}

// ResolveHelpdeskTreeMetadata returns the parsed metadata (title,
// description, state, author, appearance) of the content tree entry at a
// path.
//
//crisp:operation resolveHelpdeskTreeMetadata
func (s *WebsiteService) ResolveHelpdeskTreeMetadata(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string) (*api.HelpdeskTreeMetadata, error) {
	const op = "resolveHelpdeskTreeMetadata"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskTreeMetadata(ctx, websiteID, locale, contentType, path)
	return decode[api.HelpdeskTreeMetadata](op, resp, err)
}

// UpdateHelpdeskTreeMetadata updates the metadata of the content tree entry
// at a path; fields left out of body are unchanged.
//
//crisp:operation updateHelpdeskTreeMetadata
func (s *WebsiteService) UpdateHelpdeskTreeMetadata(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string, body *api.HelpdeskTreeMetadata) error {
	const op = "updateHelpdeskTreeMetadata"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.UpdateHelpdeskTreeMetadata(ctx, websiteID, locale, contentType, path, *body)
	return done(op, resp, err)
}

// ResolveHelpdeskTreePage returns the public page (title and URL) of the
// content tree entry at a path.
//
//crisp:operation resolveHelpdeskTreePage
func (s *WebsiteService) ResolveHelpdeskTreePage(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, path string) (*api.HelpdeskTreePage, error) {
	const op = "resolveHelpdeskTreePage"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType, "path", path); err != nil {
		return nil, err
	}
	resp, err := s.c.api.ResolveHelpdeskTreePage(ctx, websiteID, locale, contentType, path)
	return decode[api.HelpdeskTreePage](op, resp, err)
}

// RequestHelpdeskContentRefresh queues an asynchronous full refresh of the
// helpdesk content of a locale and content type.
//
//crisp:operation requestHelpdeskContentRefresh
func (s *WebsiteService) RequestHelpdeskContentRefresh(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind) error {
	const op = "requestHelpdeskContentRefresh"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return err
	}
	resp, err := s.c.api.RequestHelpdeskContentRefresh(ctx, websiteID, locale, contentType, emptyBody())
	return done(op, resp, err)
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

// ImportExternalHelpdeskToLocale imports a whole external helpdesk, by its
// URL, into a locale and content type of the helpdesk.
//
//crisp:operation importExternalHelpdeskToLocale
func (s *WebsiteService) ImportExternalHelpdeskToLocale(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind, body *api.HelpdeskExternalImport) error {
	const op = "importExternalHelpdeskToLocale"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return err
	}
	if err := checkBody(op, body); err != nil {
		return err
	}
	resp, err := s.c.api.ImportExternalHelpdeskToLocale(ctx, websiteID, locale, contentType, *body)
	return done(op, resp, err)
}

// ExportHelpdeskLocaleArticles requests an export of the helpdesk content of
// a locale and content type.
//
//crisp:operation exportHelpdeskLocaleArticles
func (s *WebsiteService) ExportHelpdeskLocaleArticles(ctx context.Context, websiteID, locale string, contentType api.HelpdeskContentKind) error {
	const op = "exportHelpdeskLocaleArticles"
	if err := checkHelpdeskContent(op, websiteID, locale, contentType); err != nil {
		return err
	}
	resp, err := s.c.api.ExportHelpdeskLocaleArticles(ctx, websiteID, locale, contentType, emptyBody())
	return done(op, resp, err)
}
