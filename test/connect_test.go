package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestGetUserConnectEndpoints(t *testing.T) {
	srv, c := setupFor(t, "getUserConnectEndpoints")
	require.Equal(t, crisp.TierUser, c.Tier())
	got, err := c.Plugin.GetUserConnectEndpoints(t.Context())
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ConnectEndpoints](t, srv, "getUserConnectEndpoints"), *got)
	requirePath(t, lastRequest(t, srv, "getUserConnectEndpoints"), "user", "connect", "endpoints")
}

func TestGetWebsiteTokenConnectEndpoints(t *testing.T) {
	srv, c := setupFor(t, "getWebsiteTokenConnectEndpoints")
	require.Equal(t, crisp.TierWebsite, c.Tier())
	got, err := c.Plugin.GetWebsiteTokenConnectEndpoints(t.Context())
	require.NoError(t, err)
	require.Equal(t, exampleData[api.ConnectEndpoints](t, srv, "getWebsiteTokenConnectEndpoints"), *got)
	require.NotNil(t, got.Socket.Stream)
	requirePath(t, lastRequest(t, srv, "getWebsiteTokenConnectEndpoints"), "website", "connect", "endpoints")
}

func TestRTMEndpoint(t *testing.T) {
	for _, tc := range []struct {
		tier crisp.Tier
		op   string
		path []string
	}{
		{crisp.TierPlugin, "getConnectEndpoints", []string{"plugin", "connect", "endpoints"}},
		{crisp.TierUser, "getUserConnectEndpoints", []string{"user", "connect", "endpoints"}},
		{crisp.TierWebsite, "getWebsiteTokenConnectEndpoints", []string{"website", "connect", "endpoints"}},
	} {
		t.Run(string(tc.tier), func(t *testing.T) {
			srv := crisptest.Start(t, crisptest.Stateless())
			c := srv.Client(t, crisp.WithToken(tc.tier, crisptest.Identifier, crisptest.Key))
			got, err := c.RTMEndpoint(t.Context())
			require.NoError(t, err)
			require.Equal(t, exampleData[api.ConnectEndpoints](t, srv, tc.op).Socket.App, got)
			require.NotEmpty(t, got)
			reqs := srv.Requests()
			require.Len(t, reqs, 1)
			require.Equal(t, tc.op, reqs[0].Operation)
			requirePath(t, reqs[0], tc.path...)
			require.Equal(t, string(tc.tier), reqs[0].Header.Get("X-Crisp-Tier"))
		})
	}
}

func TestRTMEndpointErrors(t *testing.T) {
	srv := crisptest.Start(t, crisptest.Stateless())
	_, err := crisp.New(crisp.WithBaseURL(srv.URL()))
	require.ErrorIs(t, err, crisp.ErrInvalidArgument, "no client without a token, so no RTMEndpoint without one")

	c := srv.Client(t)

	// An answer without a socket URL is refused.
	srv.Handle("getConnectEndpoints", func(*crisptest.Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "resolved", "data": map[string]any{"socket": map[string]any{"app": ""}}}
	})
	_, err = c.RTMEndpoint(t.Context())
	require.ErrorIs(t, err, crisp.ErrInvalidResponse)

	// Crisp's errors come through.
	srv.Handle("getConnectEndpoints", func(*crisptest.Call) (int, any) {
		return 403, map[string]any{"error": true, "reason": "restricted_route_tier", "data": map[string]any{}}
	})
	_, err = c.RTMEndpoint(t.Context())
	require.ErrorIs(t, err, crisp.ErrUnauthorized)
}
