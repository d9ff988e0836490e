package crisp

import (
	"context"
	"iter"

	"github.com/crisp-go/crisp-go/api"
)

// ListAnimationMedias returns one page (1-based) of animation medias
// (GIFs): the trending ones, or those matching params.SearchQuery. params
// may be nil; params.PerPage, when set, must be 1 or more.
//
//crisp:operation listAnimationMedias
func (s *MediaService) ListAnimationMedias(ctx context.Context, page int, params *api.ListAnimationMediasParams) (*api.MediaAnimationListing, error) {
	const op = "listAnimationMedias"
	if err := checkPage(op, page); err != nil {
		return nil, err
	}
	if params != nil {
		if params.PerPage != nil && *params.PerPage < 1 {
			return nil, invalidArg(op, "per_page must be 1 or more, got %d", *params.PerPage)
		}
		if params.ListID != nil && *params.ListID == "" {
			return nil, invalidArg(op, "list_id must not be empty")
		}
	}
	resp, err := s.c.api.ListAnimationMedias(ctx, page, params)
	return decode[api.MediaAnimationListing](op, resp, err)
}

// ListAnimationMediasIter walks every page of ListAnimationMedias and
// yields the animations one by one; it stops at the first error, which it
// yields.
func (s *MediaService) ListAnimationMediasIter(ctx context.Context, params *api.ListAnimationMediasParams) iter.Seq2[api.MediaAnimation, error] {
	perPage := 0
	if params != nil && params.PerPage != nil {
		perPage = *params.PerPage
	}
	return pages(ctx, perPage, func(ctx context.Context, page int) ([]api.MediaAnimation, error) {
		l, err := s.ListAnimationMedias(ctx, page, params)
		if err != nil {
			return nil, err
		}
		return l.Results, nil
	})
}
