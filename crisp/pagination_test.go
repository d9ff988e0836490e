package crisp

import (
	"context"
	"errors"
	"testing"

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
	fetch := func(_ context.Context, page int) ([]int, error) { return []int{1}, nil }
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
}
