package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// campaignID carries characters that must be escaped in a path.
const campaignID = "campaign/355d805f ?@x"

func TestCreateNewCampaign(t *testing.T) {
	srv, c := setupFor(t, "createNewCampaign")
	body := specRequestExample[api.CampaignNew](t, "createNewCampaign")
	id, err := c.Website.CreateNewCampaign(t.Context(), websiteID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.CampaignCreated](t, srv, "createNewCampaign").CampaignID, id)
	require.Equal(t, "355d805f-a72f-457e-a3e5-5d01521f3cd8", id)
	req := requireSent(t, srv, "createNewCampaign", "POST", "website", websiteID, "campaign")
	requireBody(t, req, string(requestExamples(t)["createNewCampaign"]))
}

func TestCreateNewCampaignNilBody(t *testing.T) {
	srv, c := setupFor(t, "createNewCampaign")
	id, err := c.Website.CreateNewCampaign(t.Context(), websiteID, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, id)
	require.Empty(t, srv.Requests())
}

func TestCreateNewCampaignError(t *testing.T) {
	srv, c := setupFor(t, "createNewCampaign")
	srv.QueueError("createNewCampaign", 402, "quota_limit_exceeded")
	id, err := c.Website.CreateNewCampaign(t.Context(), websiteID, specRequestExample[api.CampaignNew](t, "createNewCampaign"))
	require.Empty(t, id)
	var ce *crisp.Error
	require.ErrorAs(t, err, &ce)
	require.Equal(t, "createNewCampaign", ce.Operation)
	require.Equal(t, 402, ce.StatusCode)
}

func TestCheckCampaignExists(t *testing.T) {
	srv, c := setupFor(t, "checkCampaignExists")
	ok, err := c.Website.CheckCampaignExists(t.Context(), websiteID, campaignID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkCampaignExists", "HEAD", "website", websiteID, "campaign", campaignID)

	srv.Handle("checkCampaignExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckCampaignExists(t.Context(), websiteID, campaignID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestGetCampaign(t *testing.T) {
	srv, c := setupFor(t, "getCampaign")
	got, err := c.Website.GetCampaign(t.Context(), websiteID, campaignID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Campaign](t, srv, "getCampaign"), *got)
	require.Equal(t, "355d805f-a72f-457e-a3e5-5d01521f3cd8", got.CampaignID)
	requireSent(t, srv, "getCampaign", "GET", "website", websiteID, "campaign", campaignID)

	_, err = c.Website.GetCampaign(t.Context(), websiteID, ".")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestCampaignActions(t *testing.T) {
	for _, tc := range []struct {
		op, action string
		call       func(*crisp.Client) error
	}{
		{"dispatchCampaign", "dispatch", func(c *crisp.Client) error {
			return c.Website.DispatchCampaign(t.Context(), websiteID, campaignID)
		}},
		{"resumeCampaign", "resume", func(c *crisp.Client) error {
			return c.Website.ResumeCampaign(t.Context(), websiteID, campaignID)
		}},
		{"pauseCampaign", "pause", func(c *crisp.Client) error {
			return c.Website.PauseCampaign(t.Context(), websiteID, campaignID)
		}},
		{"testCampaign", "test", func(c *crisp.Client) error {
			return c.Website.TestCampaign(t.Context(), websiteID, campaignID)
		}},
	} {
		t.Run(tc.op, func(t *testing.T) {
			srv, c := setupFor(t, tc.op)
			require.NoError(t, tc.call(c))
			req := requireSent(t, srv, tc.op, "POST", "website", websiteID, "campaign", campaignID, tc.action)
			requireBody(t, req, `{}`)

			srv.QueueError(tc.op, 409, "campaign_not_ready")
			var ce *crisp.Error
			require.ErrorAs(t, tc.call(c), &ce)
			require.Equal(t, tc.op, ce.Operation)
			require.Equal(t, 409, ce.StatusCode)
		})
	}
}

func TestCampaignActionsRejectEmptyID(t *testing.T) {
	srv, c := setupFor(t, "dispatchCampaign")
	ctx := t.Context()
	require.ErrorIs(t, c.Website.DispatchCampaign(ctx, websiteID, ""), crisp.ErrInvalidArgument)
	require.ErrorIs(t, c.Website.ResumeCampaign(ctx, websiteID, ".."), crisp.ErrInvalidArgument)
	require.ErrorIs(t, c.Website.PauseCampaign(ctx, "", campaignID), crisp.ErrInvalidArgument)
	requireRefused(t, srv, c.Website.TestCampaign(ctx, websiteID, ""))
}

func TestListCampaignRecipientsIter(t *testing.T) {
	srv, c := setupFor(t, "listCampaignRecipients")
	page := exampleData[[]api.CampaignRecipient](t, srv, "listCampaignRecipients")
	var seen []string
	srv.Handle("listCampaignRecipients", func(r *crisptest.Call) (int, any) {
		seen = append(seen, r.PathParams["page_number"])
		data := []api.CampaignRecipient{}
		if r.PathParams["page_number"] == "1" {
			data = page
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	var got []api.CampaignRecipient
	for rcpt, err := range c.Website.ListCampaignRecipientsIter(t.Context(), websiteID, campaignID) {
		require.NoError(t, err)
		got = append(got, rcpt)
	}
	require.Equal(t, page, got)
	require.Equal(t, []string{"1", "2"}, seen)
}

func TestListCampaignStatisticsIter(t *testing.T) {
	srv, c := setupFor(t, "listCampaignStatistics")
	page := exampleData[[]api.CampaignStatistic](t, srv, "listCampaignStatistics")
	n := 0
	for stat, err := range c.Website.ListCampaignStatisticsIter(t.Context(), websiteID, campaignID, api.CampaignStatisticTypeUnsubscribed) {
		if err != nil {
			requirePaginationLoop(t, err) // the stateless server answers every page alike
			break
		}
		require.NotEmpty(t, stat.Type)
		n++
	}
	require.Equal(t, len(page), n, "the repeated page 2 is not yielded")
	reqs := srv.RequestsFor("listCampaignStatistics")
	require.Len(t, reqs, 2)
	for i, req := range reqs {
		requirePath(t, req, "website", websiteID, "campaign", campaignID, "statistics", "unsubscribed", []string{"1", "2"}[i])
	}
}
