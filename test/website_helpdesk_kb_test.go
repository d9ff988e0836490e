package test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// A Knowledge Base tree path with characters that must be escaped: the "/"
// between slugs becomes %2F, as the whole path fills one URL segment.
const (
	kbPath    = "guides/getting started?v=2"
	kbLocale  = "en"
	kbChange  = "change/5d2c1f0e ?"
	kbEntity  = "entity/1xh7pqk ?"
	kbBadKind = api.HelpdeskContentKind("faq")
)

func TestHelpdeskContentKindIsTyped(t *testing.T) {
	for _, k := range []api.HelpdeskContentKind{api.HelpdeskContentKindArticles, api.HelpdeskContentKindGuides, api.HelpdeskContentKindNews, api.HelpdeskContentKindReferences} {
		require.True(t, k.Valid(), k)
	}
	require.False(t, kbBadKind.Valid())
}

// TestHelpdeskKBRejectsBadArguments calls every Knowledge Base method with
// an unknown content type, and every method taking a tree path with "",
// "." and "..": each must fail with ErrInvalidArgument and send nothing.
func TestHelpdeskKBRejectsBadArguments(t *testing.T) {
	srv, c := setupFor(t, "resolveHelpdeskTreePath")
	w := c.Website
	ctx := t.Context()
	type call func(ctx context.Context, locale string, kind api.HelpdeskContentKind, path string) error
	ignore := func(_ any, err error) error { return err }
	withPath := map[string]call{
		"createHelpdeskTreePath": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return w.CreateHelpdeskTreePath(ctx, websiteID, l, k, p)
		},
		"resolveHelpdeskTreePath": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return ignore(w.ResolveHelpdeskTreePath(ctx, websiteID, l, k, p))
		},
		"updateHelpdeskTreePath": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return w.UpdateHelpdeskTreePath(ctx, websiteID, l, k, p, &api.HelpdeskTreePathUpdate{Action: "move"})
		},
		"deleteHelpdeskTreePath": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return w.DeleteHelpdeskTreePath(ctx, websiteID, l, k, p)
		},
		"resolveHelpdeskTreeContent": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return ignore(w.ResolveHelpdeskTreeContent(ctx, websiteID, l, k, p))
		},
		"saveHelpdeskTreeContent": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return w.SaveHelpdeskTreeContent(ctx, websiteID, l, k, p, &api.HelpdeskTreeContentSave{Content: "x"})
		},
		"resolveHelpdeskTreeMetadata": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return ignore(w.ResolveHelpdeskTreeMetadata(ctx, websiteID, l, k, p))
		},
		"updateHelpdeskTreeMetadata": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return w.UpdateHelpdeskTreeMetadata(ctx, websiteID, l, k, p, &api.HelpdeskTreeMetadata{})
		},
		"resolveHelpdeskTreePage": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return ignore(w.ResolveHelpdeskTreePage(ctx, websiteID, l, k, p))
		},
		"resolveHelpdeskPageEntity": func(ctx context.Context, l string, k api.HelpdeskContentKind, p string) error {
			return ignore(w.ResolveHelpdeskPageEntity(ctx, websiteID, l, k, p))
		},
	}
	// The routes without a path; the path argument is ignored.
	withoutPath := map[string]call{
		"listHelpdeskPages": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return ignore(w.ListHelpdeskPages(ctx, websiteID, l, k, 1))
		},
		"listHelpdeskTree": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return ignore(w.ListHelpdeskTree(ctx, websiteID, l, k, 1, nil))
		},
		"requestHelpdeskContentRefresh": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return w.RequestHelpdeskContentRefresh(ctx, websiteID, l, k)
		},
		"mapHelpdeskLocaleFeedbackRatings": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return ignore(w.MapHelpdeskLocaleFeedbackRatings(ctx, websiteID, l, k, nil))
		},
		"listHelpdeskLocaleFeedbacks": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return ignore(w.ListHelpdeskLocaleFeedbacks(ctx, websiteID, l, k, 1, nil))
		},
		"importExternalHelpdeskToLocale": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return w.ImportExternalHelpdeskToLocale(ctx, websiteID, l, k, &api.HelpdeskExternalImport{HelpdeskURL: "https://docs.example.com/"})
		},
		"exportHelpdeskLocaleArticles": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			return w.ExportHelpdeskLocaleArticles(ctx, websiteID, l, k)
		},
		"listHelpdeskPagesIter": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			for _, err := range w.ListHelpdeskPagesIter(ctx, websiteID, l, k) {
				return err
			}
			return nil
		},
		"listHelpdeskTreeIter": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			for _, err := range w.ListHelpdeskTreeIter(ctx, websiteID, l, k, nil) {
				return err
			}
			return nil
		},
		"listHelpdeskLocaleFeedbacksIter": func(ctx context.Context, l string, k api.HelpdeskContentKind, _ string) error {
			for _, err := range w.ListHelpdeskLocaleFeedbacksIter(ctx, websiteID, l, k, nil) {
				return err
			}
			return nil
		},
	}
	check := func(name string, fn call, locale string, kind api.HelpdeskContentKind, path string) {
		t.Helper()
		err := fn(ctx, locale, kind, path)
		require.ErrorIs(t, err, crisp.ErrInvalidArgument, "%s(%q, %q, %q)", name, locale, kind, path)
	}
	for name, fn := range withPath {
		check(name, fn, kbLocale, kbBadKind, kbPath)
		check(name, fn, kbLocale, "", kbPath)
		check(name, fn, "", api.HelpdeskContentKindArticles, kbPath)
		for _, bad := range []string{"", ".", ".."} {
			check(name, fn, kbLocale, api.HelpdeskContentKindGuides, bad)
		}
	}
	for name, fn := range withoutPath {
		check(name, fn, kbLocale, kbBadKind, "")
		check(name, fn, kbLocale, "", "")
		check(name, fn, "..", api.HelpdeskContentKindNews, "")
	}
	require.Empty(t, srv.Requests())

	// Nil bodies are refused before sending too.
	require.ErrorIs(t, w.UpdateHelpdeskTreePath(ctx, websiteID, kbLocale, api.HelpdeskContentKindGuides, kbPath, nil), crisp.ErrInvalidArgument)
	require.ErrorIs(t, w.SaveHelpdeskTreeContent(ctx, websiteID, kbLocale, api.HelpdeskContentKindGuides, kbPath, nil), crisp.ErrInvalidArgument)
	require.ErrorIs(t, w.UpdateHelpdeskTreeMetadata(ctx, websiteID, kbLocale, api.HelpdeskContentKindGuides, kbPath, nil), crisp.ErrInvalidArgument)
	require.ErrorIs(t, w.ImportExternalHelpdeskToLocale(ctx, websiteID, kbLocale, api.HelpdeskContentKindGuides, nil), crisp.ErrInvalidArgument)
	requireRefused(t, srv, w.CancelHelpdeskHistoryChange(ctx, websiteID, kbChange, nil))
}

func TestListHelpdeskTree(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskTree")
	sub, title := "getting started/install", "install & setup"
	start := time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)
	got, err := c.Website.ListHelpdeskTree(t.Context(), websiteID, kbLocale, api.HelpdeskContentKindGuides, 4, &crisp.ListHelpdeskTreeOptions{
		SubPath: sub, SearchTitle: title, FilterDateStart: start,
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskTreeEntry](t, srv, "listHelpdeskTree"), got)
	req := requireSent(t, srv, "listHelpdeskTree", "GET", "website", websiteID, "helpdesk", "tree", "list", kbLocale, "guides", "4")
	require.Equal(t, sub, req.Query.Get("sub_path"))
	require.Equal(t, title, req.Query.Get("search_title"))
	require.Equal(t, "2024-10-01T00:00:00Z", req.Query.Get("filter_date_start"))
	require.False(t, req.Query.Has("filter_date_end"))

	_, err = c.Website.ListHelpdeskTree(t.Context(), websiteID, kbLocale, api.HelpdeskContentKindGuides, 1, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listHelpdeskTree").Query)
}

func TestListHelpdeskTreeIter(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskTree")
	sub := "getting-started"
	want, calls := helpdeskTwoPages[api.HelpdeskTreeEntry](t, srv, "listHelpdeskTree", nil)
	var got []api.HelpdeskTreeEntry
	for e, err := range c.Website.ListHelpdeskTreeIter(t.Context(), websiteID, kbLocale, api.HelpdeskContentKindGuides, &crisp.ListHelpdeskTreeOptions{SubPath: sub}) {
		require.NoError(t, err)
		got = append(got, e)
	}
	require.Equal(t, want, got)
	require.Equal(t, 3, *calls)
	for _, r := range srv.RequestsFor("listHelpdeskTree") {
		require.Equal(t, sub, r.Query.Get("sub_path"), "every page keeps the parameters")
	}
}

func TestListHelpdeskHistoryChanges(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskHistoryChanges")
	got, err := c.Website.ListHelpdeskHistoryChanges(t.Context(), websiteID, 2, &crisp.ListHelpdeskHistoryChangesOptions{
		FilterLocale:   "fr",
		FilterType:     api.HelpdeskContentKindGuides,
		FilterTreePath: kbPath,
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskHistoryChange](t, srv, "listHelpdeskHistoryChanges"), got)
	req := requireSent(t, srv, "listHelpdeskHistoryChanges", "GET", "website", websiteID, "helpdesk", "history", "changes", "2")
	require.Equal(t, "fr", req.Query.Get("filter_locale"))
	require.Equal(t, "guides", req.Query.Get("filter_type"))
	require.Equal(t, kbPath, req.Query.Get("filter_tree_path"))

	// Empty options send no filter at all.
	_, err = c.Website.ListHelpdeskHistoryChanges(t.Context(), websiteID, 1, &crisp.ListHelpdeskHistoryChangesOptions{})
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listHelpdeskHistoryChanges").Query)

	n := len(srv.Requests())
	_, err = c.Website.ListHelpdeskHistoryChanges(t.Context(), websiteID, 1, &crisp.ListHelpdeskHistoryChangesOptions{FilterType: kbBadKind})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListHelpdeskHistoryChanges(t.Context(), websiteID, 0, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), n)
}

func TestListHelpdeskHistoryChangesIter(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskHistoryChanges")
	want, calls := helpdeskTwoPages[api.HelpdeskHistoryChange](t, srv, "listHelpdeskHistoryChanges", nil)
	var got []api.HelpdeskHistoryChange
	opts := &crisp.ListHelpdeskHistoryChangesOptions{FilterType: api.HelpdeskContentKindNews}
	for ch, err := range c.Website.ListHelpdeskHistoryChangesIter(t.Context(), websiteID, opts) {
		require.NoError(t, err)
		got = append(got, ch)
	}
	require.Equal(t, want, got)
	require.Equal(t, 3, *calls)
	for i, r := range srv.RequestsFor("listHelpdeskHistoryChanges") {
		requirePath(t, r, "website", websiteID, "helpdesk", "history", "changes", fmt.Sprint(i+1))
		require.Equal(t, "news", r.Query.Get("filter_type"))
	}
}

func TestMapHelpdeskLocaleFeedbackRatings(t *testing.T) {
	srv, c := setupFor(t, "mapHelpdeskLocaleFeedbackRatings")
	start := time.Date(2024, 10, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2024, 10, 31, 23, 59, 59, 0, time.UTC)
	got, err := c.Website.MapHelpdeskLocaleFeedbackRatings(t.Context(), websiteID, kbLocale, api.HelpdeskContentKindArticles, &crisp.MapHelpdeskLocaleFeedbackRatingsOptions{
		FilterDateStart: start, FilterDateEnd: end,
	})
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskFeedbackRatings](t, srv, "mapHelpdeskLocaleFeedbackRatings"), *got)
	req := requireSent(t, srv, "mapHelpdeskLocaleFeedbackRatings", "GET", "website", websiteID, "helpdesk", "feedback", "ratings", kbLocale, "articles")
	require.Equal(t, "2024-10-01T00:00:00Z", req.Query.Get("filter_date_start"))
	require.Equal(t, "2024-10-31T23:59:59Z", req.Query.Get("filter_date_end"))
}

func TestListHelpdeskLocaleFeedbacks(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskLocaleFeedbacks")
	end := time.Date(2024, 10, 31, 0, 0, 0, 0, time.UTC)
	got, err := c.Website.ListHelpdeskLocaleFeedbacks(t.Context(), websiteID, kbLocale, api.HelpdeskContentKindGuides, 5, &crisp.ListHelpdeskLocaleFeedbacksOptions{FilterDateEnd: end})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskFeedbackItem](t, srv, "listHelpdeskLocaleFeedbacks"), got)
	req := requireSent(t, srv, "listHelpdeskLocaleFeedbacks", "GET", "website", websiteID, "helpdesk", "feedback", "list", kbLocale, "guides", "5")
	require.Equal(t, "2024-10-31T00:00:00Z", req.Query.Get("filter_date_end"))
	require.False(t, req.Query.Has("filter_date_start"))
}
