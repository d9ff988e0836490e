package test

import (
	"math"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

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
