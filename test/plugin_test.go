package test

import (
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestListAllConnectWebsites(t *testing.T) {
	srv, c := setupFor(t, "listAllConnectWebsites")
	got, err := c.Plugin.ListAllConnectWebsites(t.Context(), 2, &crisp.ListConnectWebsitesOptions{IncludePlan: true})
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.PluginConnectWebsite](t, srv, "listAllConnectWebsites"), got)
	require.NotEmpty(t, got)
	require.NotNil(t, got[0].Plan)
	req := lastRequest(t, srv, "listAllConnectWebsites")
	requirePath(t, req, "plugin", "connect", "websites", "all", "2")
	require.Equal(t, "1", req.Query.Get("include_plan"))
	require.False(t, req.Query.Has("filter_configured"), "false flags are left out")

	_, err = c.Plugin.ListAllConnectWebsites(t.Context(), 1, &crisp.ListConnectWebsitesOptions{FilterConfigured: true})
	require.NoError(t, err)
	req = lastRequest(t, srv, "listAllConnectWebsites")
	require.Equal(t, "1", req.Query.Get("filter_configured"))
	require.False(t, req.Query.Has("include_plan"))

	_, err = c.Plugin.ListAllConnectWebsites(t.Context(), 1, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listAllConnectWebsites").Query)
}

func TestListAllConnectWebsitesIter(t *testing.T) {
	srv, c := setupFor(t, "listAllConnectWebsites")
	page := exampleData[[]api.PluginConnectWebsite](t, srv, "listAllConnectWebsites")
	calls := 0
	srv.Handle("listAllConnectWebsites", func(r *crisptest.Call) (int, any) {
		calls++
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(page, r.PathParams["page_number"])}
	})
	n := 0
	for w, err := range c.Plugin.ListAllConnectWebsitesIter(t.Context(), &crisp.ListConnectWebsitesOptions{FilterConfigured: true}) {
		require.NoError(t, err)
		require.NotEmpty(t, w.WebsiteID)
		n++
	}
	require.Equal(t, 3*len(page), n)
	require.Equal(t, 3, calls, "the walk ends on the first empty page")
	require.Equal(t, "1", lastRequest(t, srv, "listAllConnectWebsites").Query.Get("filter_configured"))
}

func TestListConnectWebsitesSince(t *testing.T) {
	srv, c := setupFor(t, "listConnectWebsitesSince")
	since := time.Date(2023, 8, 16, 9, 0, 0, 0, time.UTC)
	got, err := c.Plugin.ListConnectWebsitesSince(t.Context(), since, &crisp.ListConnectWebsitesOptions{FilterConfigured: true, IncludePlan: true})
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.PluginConnectWebsite](t, srv, "listConnectWebsitesSince"), got)
	require.Len(t, got, 2)
	require.Equal(t, "removed", got[1].Difference)
	req := lastRequest(t, srv, "listConnectWebsitesSince")
	requirePath(t, req, "plugin", "connect", "websites", "since")
	require.Equal(t, "2023-08-16T09:00:00Z", req.Query.Get("date_since"))
	require.Equal(t, "1", req.Query.Get("filter_configured"))
	require.Equal(t, "1", req.Query.Get("include_plan"))

	_, err = c.Plugin.ListConnectWebsitesSince(t.Context(), since, nil)
	require.NoError(t, err)
	req = lastRequest(t, srv, "listConnectWebsitesSince")
	require.Equal(t, "2023-08-16T09:00:00Z", req.Query.Get("date_since"))
	require.False(t, req.Query.Has("filter_configured"))
}

func TestListConnectWebsitesSinceRejectsZeroTime(t *testing.T) {
	srv, c := setupFor(t, "listConnectWebsitesSince")
	_, err := c.Plugin.ListConnectWebsitesSince(t.Context(), time.Time{}, nil)
	requireRefused(t, srv, err)
}
