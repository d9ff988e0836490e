package crisp

import (
	"context"
	"fmt"
	"iter"
	"net/http"
	"reflect"

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

// MaxPages is the most pages an ...Iter method fetches in one walk
// (10,000: 200,000 items at Crisp's default page size, and more requests
// than a Website Token's daily quota). A walk that reaches it ends with an
// *Error whose Reason is ReasonPaginationLoop; walk longer lists with the
// page method.
const MaxPages = 10000

// pages walks a page-numbered list from page 1 and yields its items one by
// one. It stops after an empty page, after a page shorter than perPage
// (when perPage > 0), at the first error (yielded once), when ctx ends, or
// when the caller breaks. A page equal to the previous one (a server that
// ignores the page number) is not yielded: the walk ends with an *Error
// whose Reason is ReasonPaginationLoop, as it does after MaxPages pages.
func pages[T any](ctx context.Context, perPage int, fetch func(ctx context.Context, page int) ([]T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		w := walk{ctx: ctx, perPage: perPage}
		var prev []T
		for {
			err := w.next()
			var items []T
			if err == nil {
				items, err = fetch(ctx, w.page)
			}
			if err == nil && len(items) > 0 && reflect.DeepEqual(items, prev) {
				err = paginationLoop("page %d is the same as page %d: the server ignores the page number", w.page, w.page-1)
			}
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
			if !w.more(len(items)) {
				return
			}
			prev = items
		}
	}
}

// walk is the state of pages that does not depend on the item type (kept
// out of the generic function, which is compiled once per item type).
type walk struct {
	ctx     context.Context
	perPage int
	page    int // the page last fetched, 0 before the first
}

// next moves to the next page, or returns the error that ends the walk
// before it is fetched: a nil or ended context, or MaxPages reached.
func (w *walk) next() error {
	if w.ctx == nil {
		return errNilContext("")
	}
	if err := w.ctx.Err(); err != nil {
		return contextError("", err)
	}
	if w.page >= MaxPages {
		return paginationLoop("stopped after %d pages (crisp.MaxPages)", MaxPages)
	}
	w.page++
	return nil
}

// more reports whether a page of n items may be followed by another one.
func (w *walk) more(n int) bool {
	return n > 0 && (w.perPage <= 0 || n >= w.perPage)
}

// contextError is the *Error of a call or a walk that stopped because its
// context ended: errors.Is(err, context.Canceled) (or DeadlineExceeded)
// holds. Iterators yield it rather than ctx.Err() itself.
func contextError(op string, err error) error {
	return &Error{Operation: op, Err: err}
}

// paginationLoop is the error of a walk that does not end.
func paginationLoop(format string, args ...any) error {
	return &Error{Reason: ReasonPaginationLoop, Message: fmt.Sprintf(format, args...)}
}
