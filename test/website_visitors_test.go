package test

import (
	"math"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestCountVisitors(t *testing.T) {
	srv, c := setupFor(t, "countVisitors")
	got, err := c.Website.CountVisitors(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VisitorCount](t, srv, "countVisitors"), *got)
	require.NotNil(t, got.Count)
	requireSent(t, srv, "countVisitors", "GET", "website", websiteID, "visitors", "count")
}

func TestListVisitors(t *testing.T) {
	srv, c := setupFor(t, "listVisitors")
	got, err := c.Website.ListVisitors(t.Context(), websiteID, 2)
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.Visitor](t, srv, "listVisitors"), got)
	require.NotEmpty(t, got)
	requirePath(t, lastRequest(t, srv, "listVisitors"), "website", websiteID, "visitors", "list", "2")

	_, err = c.Website.ListVisitors(t.Context(), websiteID, 0)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestListVisitorsIter(t *testing.T) {
	srv, c := setupFor(t, "listVisitors")
	page := exampleData[[]api.Visitor](t, srv, "listVisitors")
	srv.Handle("listVisitors", func(r *crisptest.Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(page, r.PathParams["page_number"])}
	})
	var got []api.Visitor
	for v, err := range c.Website.ListVisitorsIter(t.Context(), websiteID) {
		require.NoError(t, err)
		got = append(got, v)
	}
	require.Equal(t, threeTimes(page), got)
	require.Len(t, srv.RequestsFor("listVisitors"), 3, "walks until the empty page 3")
}

func TestPinpointVisitorsOnMap(t *testing.T) {
	srv, c := setupFor(t, "pinpointVisitorsOnMap")
	got, err := c.Website.PinpointVisitorsOnMap(t.Context(), websiteID, nil)
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.VisitorMapPoint](t, srv, "pinpointVisitorsOnMap"), got)
	require.NotEmpty(t, got)
	req := lastRequest(t, srv, "pinpointVisitorsOnMap")
	requirePath(t, req, "website", websiteID, "visitors", "map")
	require.Empty(t, req.Query, "worldwide map: no center parameters")

	_, err = c.Website.PinpointVisitorsOnMap(t.Context(), websiteID, &crisp.PinpointVisitorsOnMapOptions{
		CenterLongitude: 2.3522,
		CenterLatitude:  48.8566,
		CenterRadius:    100,
	})
	require.NoError(t, err)
	req = lastRequest(t, srv, "pinpointVisitorsOnMap")
	require.Equal(t, "2.3522", req.Query.Get("center_longitude"))
	require.Equal(t, "48.8566", req.Query.Get("center_latitude"))
	require.Equal(t, "100", req.Query.Get("center_radius"))

	// A center at 0, 0 is a real point: all three parameters are sent.
	_, err = c.Website.PinpointVisitorsOnMap(t.Context(), websiteID, &crisp.PinpointVisitorsOnMapOptions{})
	require.NoError(t, err)
	req = lastRequest(t, srv, "pinpointVisitorsOnMap")
	require.Equal(t, "0", req.Query.Get("center_longitude"))
	require.Equal(t, "0", req.Query.Get("center_latitude"))
	require.Equal(t, "0", req.Query.Get("center_radius"))
}

func TestPinpointVisitorsOnMapRejectsBadCenter(t *testing.T) {
	srv, c := setupFor(t, "pinpointVisitorsOnMap")
	for _, o := range []crisp.PinpointVisitorsOnMapOptions{
		{CenterLongitude: 180.5},
		{CenterLatitude: -91},
		{CenterLatitude: math.NaN()},
		{CenterRadius: -1},
	} {
		_, err := c.Website.PinpointVisitorsOnMap(t.Context(), websiteID, &o)
		require.ErrorIs(t, err, crisp.ErrInvalidArgument, "%+v", o)
	}
	require.Empty(t, srv.Requests())
}

func TestGetSessionIdentifierFromToken(t *testing.T) {
	srv, c := setupFor(t, "getSessionIdentifierFromToken")
	const token = "tok/en ?#1"
	got, err := c.Website.GetSessionIdentifierFromToken(t.Context(), websiteID, token)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VisitorTokenSession](t, srv, "getSessionIdentifierFromToken"), *got)
	require.Equal(t, sessionID, got.SessionID)
	requirePath(t, lastRequest(t, srv, "getSessionIdentifierFromToken"), "website", websiteID, "visitors", "token", token)
}

func TestCountBlockedVisitors(t *testing.T) {
	srv, c := setupFor(t, "countBlockedVisitors")
	got, err := c.Website.CountBlockedVisitors(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.VisitorBlockedCount](t, srv, "countBlockedVisitors"), got)
	require.NotEmpty(t, got)
	requirePath(t, lastRequest(t, srv, "countBlockedVisitors"), "website", websiteID, "visitors", "blocked")
}

func TestCountBlockedVisitorsInRule(t *testing.T) {
	srv, c := setupFor(t, "countBlockedVisitorsInRule")
	const rule = "ip/v6 ?"
	got, err := c.Website.CountBlockedVisitorsInRule(t.Context(), websiteID, rule)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VisitorBlockedCount](t, srv, "countBlockedVisitorsInRule"), *got)
	requireSent(t, srv, "countBlockedVisitorsInRule", "GET", "website", websiteID, "visitors", "blocked", rule)
}

func TestClearBlockedVisitorsInRule(t *testing.T) {
	srv, c := setupFor(t, "clearBlockedVisitorsInRule")
	require.NoError(t, c.Website.ClearBlockedVisitorsInRule(t.Context(), websiteID, "ip"))
	requireSent(t, srv, "clearBlockedVisitorsInRule", "DELETE", "website", websiteID, "visitors", "blocked", "ip")

	require.ErrorIs(t, c.Website.ClearBlockedVisitorsInRule(t.Context(), websiteID, "."), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestGetWebsiteAvailabilityStatus(t *testing.T) {
	srv, c := setupFor(t, "getWebsiteAvailabilityStatus")
	got, err := c.Website.GetWebsiteAvailabilityStatus(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.AvailabilityStatus](t, srv, "getWebsiteAvailabilityStatus"), *got)
	require.NotNil(t, got.Since)
	requirePath(t, lastRequest(t, srv, "getWebsiteAvailabilityStatus"), "website", websiteID, "availability", "status")
}

func TestListWebsiteOperatorAvailabilities(t *testing.T) {
	srv, c := setupFor(t, "listWebsiteOperatorAvailabilities")
	got, err := c.Website.ListWebsiteOperatorAvailabilities(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.AvailabilityOperator](t, srv, "listWebsiteOperatorAvailabilities"), got)
	require.NotEmpty(t, got)
	requirePath(t, lastRequest(t, srv, "listWebsiteOperatorAvailabilities"), "website", websiteID, "availability", "operators")
}

func TestGenerateAnalytics(t *testing.T) {
	srv, c := setupFor(t, "generateAnalytics")
	_, err := c.Website.GenerateAnalytics(t.Context(), websiteID, nil)
	requireRefused(t, srv, err)

	body := specRequestExample[api.AnalyticsQuery](t, "generateAnalytics")
	got, err := c.Website.GenerateAnalytics(t.Context(), websiteID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[[]api.AnalyticsPoint](t, srv, "generateAnalytics"), got)
	require.NotEmpty(t, got)
	req := requireSent(t, srv, "generateAnalytics", "POST", "website", websiteID, "analytics", "generate")
	// time.Time encodes the example's dates without the zero milliseconds.
	requireBody(t, req, `{"metric":"conversation","type":"created","aggregator":"count","date":{"from":"2024-10-01T00:00:00Z","to":"2024-10-08T00:00:00Z","split":"day","timezone":"Europe/Paris","days":{"monday":{"hour_from":"09:00","hour_to":"18:00"}}}}`)
}
