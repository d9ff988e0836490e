package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestListCampaigns(t *testing.T) {
	srv, c := setupFor(t, "listCampaigns")
	got, err := c.Website.ListCampaigns(t.Context(), websiteID, 2, &crisp.ListCampaignsOptions{
		SearchName:        "welcome & co",
		FilterTag:         "on/boarding",
		FilterTypeOneShot: true,
		FilterStatusReady: true,
		FilterStatusDone:  true,
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.CampaignExcerpt](t, srv, "listCampaigns"), got)
	req := requireSent(t, srv, "listCampaigns", "GET", "website", websiteID, "campaigns", "list", "2")
	require.Equal(t, "welcome & co", req.Query.Get("search_name"))
	require.Equal(t, "on/boarding", req.Query.Get("filter_tag"))
	require.Equal(t, "1", req.Query.Get("filter_type_one_shot"))
	require.Equal(t, "1", req.Query.Get("filter_status_ready"))
	require.Equal(t, "1", req.Query.Get("filter_status_done"))
	for _, k := range []string{"filter_type_automated", "filter_status_not_configured", "filter_status_paused", "filter_status_sending"} {
		require.Falsef(t, req.Query.Has(k), "false flag %s is left out", k)
	}

	_, err = c.Website.ListCampaigns(t.Context(), websiteID, 1, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listCampaigns").Query, "nil options send no query")
}

func TestListCampaignsIter(t *testing.T) {
	srv, c := setupFor(t, "listCampaigns")
	page := exampleData[[]api.CampaignExcerpt](t, srv, "listCampaigns")
	var seen, tags []string
	srv.Handle("listCampaigns", func(r *crisptest.Call) (int, any) {
		seen = append(seen, r.PathParams["page_number"])
		tags = append(tags, r.Query.Get("filter_tag"))
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(page, r.PathParams["page_number"])}
	})
	n := 0
	for campaign, err := range c.Website.ListCampaignsIter(t.Context(), websiteID, &crisp.ListCampaignsOptions{FilterTag: "onboarding"}) {
		require.NoError(t, err)
		require.NotEmpty(t, campaign.CampaignID)
		n++
	}
	require.Equal(t, 3*len(page), n)
	require.Equal(t, []string{"1", "2", "3"}, seen, "an empty page ends the walk")
	require.Equal(t, []string{"onboarding", "onboarding", "onboarding"}, tags, "options are sent on every page")
}

func TestListCampaignTemplates(t *testing.T) {
	srv, c := setupFor(t, "listCampaignTemplates")
	got, err := c.Website.ListCampaignTemplates(t.Context(), websiteID, 3, &crisp.ListCampaignTemplatesOptions{
		SearchName:       "HTML ?template",
		FilterTypeCustom: true,
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.CampaignTemplateExcerpt](t, srv, "listCampaignTemplates"), got)
	req := lastRequest(t, srv, "listCampaignTemplates")
	requirePath(t, req, "website", websiteID, "campaigns", "templates", "3")
	require.Equal(t, "HTML ?template", req.Query.Get("search_name"))
	require.Equal(t, "1", req.Query.Get("filter_type_custom"))
	require.False(t, req.Query.Has("filter_type_static"), "false flags are left out")
}

func TestListCampaignTemplatesIter(t *testing.T) {
	srv, c := setupFor(t, "listCampaignTemplates")
	page := exampleData[[]api.CampaignTemplateExcerpt](t, srv, "listCampaignTemplates")
	n := 0
	for tpl, err := range c.Website.ListCampaignTemplatesIter(t.Context(), websiteID, &crisp.ListCampaignTemplatesOptions{FilterTypeStatic: true}) {
		if err != nil {
			requirePaginationLoop(t, err) // the stateless server answers every page alike
			break
		}
		require.NotEmpty(t, tpl.TemplateID)
		n++
	}
	require.Equal(t, len(page), n, "the repeated page 2 is not yielded")
	reqs := srv.RequestsFor("listCampaignTemplates")
	require.Len(t, reqs, 2)
	for i, req := range reqs {
		requirePath(t, req, "website", websiteID, "campaigns", "templates", []string{"1", "2", "3", "4"}[i])
		require.Equal(t, "1", req.Query.Get("filter_type_static"))
	}
}
