package crisp

import (
	"context"
	"iter"
)

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
