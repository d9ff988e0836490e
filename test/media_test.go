package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestListAnimationMedias(t *testing.T) {
	srv, c := setupFor(t, "listAnimationMedias")
	listID, query, perPage := "12", "thumbs up & more", 2
	got, err := c.Media.ListAnimationMedias(t.Context(), 3, &api.ListAnimationMediasParams{ListID: &listID, SearchQuery: &query, PerPage: &perPage})
	require.NoError(t, err)
	require.Equal(t, exampleData[api.MediaAnimationListing](t, srv, "listAnimationMedias"), *got)
	require.NotEmpty(t, got.Results)
	req := requireSent(t, srv, "listAnimationMedias", "GET", "media", "animation", "list", "3")
	require.Equal(t, "12", req.Query.Get("list_id"))
	require.Equal(t, "thumbs up & more", req.Query.Get("search_query"))
	require.Equal(t, "2", req.Query.Get("per_page"))

	_, err = c.Media.ListAnimationMedias(t.Context(), 1, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listAnimationMedias").Query)

	// The official Node client sends a UUID as list_id.
	uuid := "5c0b3f8d-2a4e-4f7b-9d1e-3a6c8b0e2f41"
	_, err = c.Media.ListAnimationMedias(t.Context(), 1, &api.ListAnimationMediasParams{ListID: &uuid})
	require.NoError(t, err)
	require.Equal(t, uuid, lastRequest(t, srv, "listAnimationMedias").Query.Get("list_id"))
}

func TestListAnimationMediasRejectsBadInput(t *testing.T) {
	srv, c := setupFor(t, "listAnimationMedias")
	_, err := c.Media.ListAnimationMedias(t.Context(), 0, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	zero, empty := 0, ""
	_, err = c.Media.ListAnimationMedias(t.Context(), 1, &api.ListAnimationMediasParams{PerPage: &zero})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Media.ListAnimationMedias(t.Context(), 1, &api.ListAnimationMediasParams{ListID: &empty})
	requireRefused(t, srv, err)
}

func TestListAnimationMediasIter(t *testing.T) {
	srv, c := setupFor(t, "listAnimationMedias")
	results := exampleData[api.MediaAnimationListing](t, srv, "listAnimationMedias").Results
	require.Len(t, results, 2)
	calls := 0
	srv.Handle("listAnimationMedias", func(r *crisptest.Call) (int, any) {
		calls++
		data := api.MediaAnimationListing{Results: results}
		if r.PathParams["page_number"] == "2" {
			data.Results = results[:1] // a short page ends the walk
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	perPage := 2
	var urls []string
	for m, err := range c.Media.ListAnimationMediasIter(t.Context(), &api.ListAnimationMediasParams{PerPage: &perPage}) {
		require.NoError(t, err)
		urls = append(urls, m.URL)
	}
	require.Equal(t, []string{results[0].URL, results[1].URL, results[0].URL}, urls)
	require.Equal(t, 2, calls)
	require.Equal(t, "2", lastRequest(t, srv, "listAnimationMedias").Query.Get("per_page"))
}
