package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// The ...Iter methods stop a walk on a page equal to the previous one (a
// server that ignores the page number) with a pagination_loop error. The
// iterator tests serve distinct pages with pagesOf, or check that error
// against the stateless fake, which answers every page alike.

// pagesOf answers page p of a list made of an example page: page 1 is
// page, page 2 is page twice (a page equal to page 1 would end the walk),
// page 3 and later are empty.
func pagesOf[T any](page []T, p string) []T {
	switch p {
	case "1":
		return page
	case "2":
		return append(append([]T{}, page...), page...)
	}
	return []T{}
}

// threeTimes is what a walk over pagesOf(page, ...) yields.
func threeTimes[T any](page []T) []T {
	return append(append(append([]T{}, page...), page...), page...)
}

// requirePaginationLoop checks the error that ends a walk over a server
// that answers every page alike.
func requirePaginationLoop(t *testing.T, err error) {
	t.Helper()
	var e *crisp.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, crisp.ReasonPaginationLoop, e.Reason)
}
