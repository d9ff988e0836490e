package test

import (
	"math"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

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

func TestCountBlockedVisitorsInRule(t *testing.T) {
	srv, c := setupFor(t, "countBlockedVisitorsInRule")
	const rule = "ip/v6 ?"
	got, err := c.Website.CountBlockedVisitorsInRule(t.Context(), websiteID, rule)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VisitorBlockedCount](t, srv, "countBlockedVisitorsInRule"), *got)
	requireSent(t, srv, "countBlockedVisitorsInRule", "GET", "website", websiteID, "visitors", "blocked", rule)
}
