package crisp

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func fakePages(sizes ...int) (func(context.Context, int) ([]int, error), *[]int) {
	var asked []int
	return func(_ context.Context, page int) ([]int, error) {
		asked = append(asked, page)
		if page > len(sizes) {
			return nil, nil
		}
		out := make([]int, sizes[page-1])
		for i := range out {
			out[i] = page*100 + i
		}
		return out, nil
	}, &asked
}

func TestPagesStopsOnShortPage(t *testing.T) {
	fetch, asked := fakePages(3, 3, 1, 3)
	var got []int
	for v, err := range pages(t.Context(), 3, fetch) {
		require.NoError(t, err)
		got = append(got, v)
	}
	require.Len(t, got, 7)
	require.Equal(t, []int{1, 2, 3}, *asked)
}

func TestPagesStopsOnEmptyPageWithoutPageSize(t *testing.T) {
	fetch, asked := fakePages(2, 5, 1)
	n := 0
	for _, err := range pages(t.Context(), 0, fetch) {
		require.NoError(t, err)
		n++
	}
	require.Equal(t, 8, n)
	require.Equal(t, []int{1, 2, 3, 4}, *asked)
}

func TestPagesHonoursBreak(t *testing.T) {
	fetch, asked := fakePages(3, 3, 3)
	for v := range pages(t.Context(), 3, fetch) {
		if v == 201 {
			break
		}
	}
	require.Equal(t, []int{1, 2}, *asked, "no page is fetched after the break")
}

func TestPagesYieldsTheErrorOnce(t *testing.T) {
	boom := errors.New("boom")
	calls := 0
	fetch := func(_ context.Context, page int) ([]int, error) {
		calls++
		if page == 2 {
			return nil, boom
		}
		return []int{1, 2}, nil
	}
	var errs []error
	n := 0
	for _, err := range pages(t.Context(), 2, fetch) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		n++
	}
	require.Equal(t, []error{boom}, errs)
	require.Equal(t, 2, n)
	require.Equal(t, 2, calls)
}

func TestPagesStopsWhenTheContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	fetch := func(_ context.Context, page int) ([]int, error) { return []int{page}, nil }
	var last error
	n := 0
	for _, err := range pages(ctx, 1, fetch) {
		if err != nil {
			last = err
			break
		}
		if n++; n == 3 {
			cancel()
		}
	}
	require.ErrorIs(t, last, context.Canceled)
	var e *Error
	require.ErrorAs(t, last, &e, "a *crisp.Error, not a bare ctx.Err()")
	require.False(t, e.Temporary())

	// A context already past its deadline: no page is fetched.
	ctx, cancel = context.WithDeadline(t.Context(), time.Now().Add(-time.Second))
	defer cancel()
	calls := 0
	for _, err := range pages(ctx, 1, func(context.Context, int) ([]int, error) { calls++; return nil, nil }) {
		last = err
	}
	require.ErrorIs(t, last, context.DeadlineExceeded)
	require.ErrorAs(t, last, &e)
	require.Equal(t, "crisp: context deadline exceeded", e.Error())
	require.Zero(t, calls)
}

// TestPagesStopsOnARepeatedPage: a server that answers the same full page
// for every page number ends the walk at the second page, whose items are
// not yielded again, with a pagination_loop *Error.
func TestPagesStopsOnARepeatedPage(t *testing.T) {
	var asked []int
	fetch := func(_ context.Context, page int) ([]int, error) {
		asked = append(asked, page)
		if page > 50 {
			return nil, errors.New("runaway walk")
		}
		return []int{1, 2, 3}, nil
	}
	var got []int
	var errs []error
	for v, err := range pages(t.Context(), 3, fetch) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, v)
	}
	require.Equal(t, []int{1, 2, 3}, got)
	require.Equal(t, []int{1, 2}, asked)
	require.Len(t, errs, 1)
	var e *Error
	require.ErrorAs(t, errs[0], &e)
	require.Equal(t, ReasonPaginationLoop, e.Reason)
	require.Contains(t, e.Error(), "page 2 is the same as page 1")
}

// TestPagesStopsAtMaxPages: a server that never ends (each page new and
// full) is walked for MaxPages pages, then the walk ends with a
// pagination_loop *Error.
func TestPagesStopsAtMaxPages(t *testing.T) {
	calls := 0
	fetch := func(_ context.Context, page int) ([]int, error) {
		calls++
		if page > MaxPages+1 {
			return nil, errors.New("runaway walk")
		}
		return []int{page}, nil
	}
	n := 0
	var last error
	for _, err := range pages(t.Context(), 1, fetch) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	require.Equal(t, MaxPages, calls)
	require.Equal(t, MaxPages, n)
	var e *Error
	require.ErrorAs(t, last, &e)
	require.Equal(t, ReasonPaginationLoop, e.Reason)
	require.Contains(t, e.Error(), "10000 pages")
}

// TestIterStopsOnARepeatedPageOverHTTP: ListConversationsIter against a
// server that answers the same full page for every page number sends two
// requests, not thousands.
func TestIterStopsOnARepeatedPageOverHTTP(t *testing.T) {
	var page strings.Builder
	page.WriteString(`{"error":false,"reason":"listed","data":[`)
	for i := range 20 {
		if i > 0 {
			page.WriteByte(',')
		}
		fmt.Fprintf(&page, `{"session_id":"session_%d","website_id":"%s"}`, i, wid)
	}
	page.WriteString(`]}`)
	lb := startLoopback(t, &steps{list: []step{jsonStep(200, page.String())}})
	c := lb.client(t)
	n := 0
	var last error
	for _, err := range c.Website.ListConversationsIter(t.Context(), wid, nil) {
		if err != nil {
			last = err
			break
		}
		if n++; n > 1000 {
			break // a runaway walk
		}
	}
	require.Equal(t, 20, n)
	require.EqualValues(t, 2, lb.calls.Load())
	require.Equal(t, ReasonPaginationLoop, requireError(t, last).Reason)
}
