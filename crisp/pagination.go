package crisp

import (
	"context"
	"iter"
	"net/http"

	"github.com/crisp-go/crisp-go/api"
)

// listWebsitePageWith returns one page (1-based) of a list of a website
// for operation op: it checks websiteID and page, builds the query
// parameters with params (the options' params method), calls route and
// decodes the list.
func listWebsitePageWith[T, P any](ctx context.Context, op, websiteID string, page int, params func(op string) (*P, error),
	route func(ctx context.Context, websiteID api.WebsiteID, page api.PageNumber, params *P, reqEditors ...api.RequestEditorFn) (*http.Response, error),
) ([]T, error) {
	if err := checkWebsitePage(op, websiteID, page); err != nil {
		return nil, err
	}
	p, err := params(op)
	if err != nil {
		return nil, err
	}
	resp, err := route(ctx, websiteID, page, p)
	return decodeList[T](op, resp, err)
}

// checkWebsitePage checks the website ID and the page number of a list.
func checkWebsitePage(op, websiteID string, page int) error {
	if err := checkPath(op, "website_id", websiteID); err != nil {
		return err
	}
	return checkPage(op, page)
}

// pages walks a page-numbered list from page 1 and yields its items one by
// one. It stops after an empty page, after a page shorter than perPage
// (when perPage > 0), at the first error (yielded once), when ctx ends, or
// when the caller breaks.
func pages[T any](ctx context.Context, perPage int, fetch func(ctx context.Context, page int) ([]T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for page := 1; ; page++ {
			if err := ctx.Err(); err != nil {
				var zero T
				yield(zero, err)
				return
			}
			items, err := fetch(ctx, page)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 || (perPage > 0 && len(items) < perPage) {
				return
			}
		}
	}
}
