package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// templateID carries characters that must be escaped in a path.
const templateID = "template/a4876300 ?#"

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

func TestListCampaignsRejectsBadInput(t *testing.T) {
	srv, c := setupFor(t, "listCampaigns")
	_, err := c.Website.ListCampaigns(t.Context(), websiteID, 0, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListCampaigns(t.Context(), "", 1, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListCampaigns(t.Context(), "..", 1, nil)
	requireRefused(t, srv, err)
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

func TestListCampaignsIterStopsOnError(t *testing.T) {
	srv, c := setupFor(t, "listCampaigns")
	srv.Handle("listCampaigns", func(r *crisptest.Call) (int, any) {
		return 403, map[string]any{"error": true, "reason": "not_allowed", "data": map[string]any{}}
	})
	errs := 0
	for _, err := range c.Website.ListCampaignsIter(t.Context(), websiteID, nil) {
		require.Error(t, err)
		var ce *crisp.Error
		require.ErrorAs(t, err, &ce)
		require.Equal(t, 403, ce.StatusCode)
		errs++
	}
	require.Equal(t, 1, errs)
}

func TestListCampaignTags(t *testing.T) {
	srv, c := setupFor(t, "listCampaignTags")
	got, err := c.Website.ListCampaignTags(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, []string{"newsletter", "onboarding"}, got)
	require.Equal(t, exampleData[[]string](t, srv, "listCampaignTags"), got)
	requireSent(t, srv, "listCampaignTags", "GET", "website", websiteID, "campaigns", "tags")
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

	_, err = c.Website.ListCampaignTemplates(t.Context(), websiteID, -1, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
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

func TestCreateNewCampaignTemplate(t *testing.T) {
	srv, c := setupFor(t, "createNewCampaignTemplate")
	body := specRequestExample[api.CampaignTemplateNew](t, "createNewCampaignTemplate")
	id, err := c.Website.CreateNewCampaignTemplate(t.Context(), websiteID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.CampaignTemplateCreated](t, srv, "createNewCampaignTemplate").TemplateID, id)
	require.Equal(t, "a4876300-4dae-47f7-8599-3bf9283f36c2", id)
	req := requireSent(t, srv, "createNewCampaignTemplate", "POST", "website", websiteID, "campaigns", "template")
	requireBody(t, req, string(requestExamples(t)["createNewCampaignTemplate"]))
}

func TestCreateNewCampaignTemplateNilBody(t *testing.T) {
	srv, c := setupFor(t, "createNewCampaignTemplate")
	id, err := c.Website.CreateNewCampaignTemplate(t.Context(), websiteID, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, id)
	require.Empty(t, srv.Requests())
}

func TestCheckCampaignTemplateExists(t *testing.T) {
	srv, c := setupFor(t, "checkCampaignTemplateExists")
	ok, err := c.Website.CheckCampaignTemplateExists(t.Context(), websiteID, templateID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkCampaignTemplateExists", "HEAD", "website", websiteID, "campaigns", "template", templateID)

	srv.Handle("checkCampaignTemplateExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckCampaignTemplateExists(t.Context(), websiteID, templateID)
	require.NoError(t, err)
	require.False(t, ok)

	_, err = c.Website.CheckCampaignTemplateExists(t.Context(), websiteID, "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 2)
}

func TestRemoveCampaignTemplate(t *testing.T) {
	srv, c := setupFor(t, "removeCampaignTemplate")
	require.NoError(t, c.Website.RemoveCampaignTemplate(t.Context(), websiteID, templateID))
	requireSent(t, srv, "removeCampaignTemplate", "DELETE", "website", websiteID, "campaigns", "template", templateID)

	srv.QueueError("removeCampaignTemplate", 404, "not_found")
	err := c.Website.RemoveCampaignTemplate(t.Context(), websiteID, templateID)
	var ce *crisp.Error
	require.ErrorAs(t, err, &ce)
	require.Equal(t, 404, ce.StatusCode)
	require.Equal(t, "not_found", ce.Reason)
}
