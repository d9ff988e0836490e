package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

func TestGetVerifySettings(t *testing.T) {
	srv, c := setupFor(t, "getVerifySettings")
	got, err := c.Website.GetVerifySettings(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VerifySettings](t, srv, "getVerifySettings"), *got)
	require.NotNil(t, got.Enabled)
	req := lastRequest(t, srv, "getVerifySettings")
	require.Equal(t, "GET", req.Method)
	requirePath(t, req, "website", websiteID, "verify", "settings")
}

func TestUpdateVerifySettings(t *testing.T) {
	srv, c := setupFor(t, "updateVerifySettings")
	require.ErrorIs(t, c.Website.UpdateVerifySettings(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())

	body := specRequestExample[api.VerifySettingsUpdate](t, "updateVerifySettings")
	require.NoError(t, c.Website.UpdateVerifySettings(t.Context(), websiteID, body))
	req := lastRequest(t, srv, "updateVerifySettings")
	require.Equal(t, "PATCH", req.Method)
	requirePath(t, req, "website", websiteID, "verify", "settings")
	requireBody(t, req, `{"enabled":true}`)
}

func TestGetVerifyKey(t *testing.T) {
	srv, c := setupFor(t, "getVerifyKey")
	got, err := c.Website.GetVerifyKey(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VerifyKey](t, srv, "getVerifyKey"), *got)
	require.NotNil(t, got.Secret)
	req := lastRequest(t, srv, "getVerifyKey")
	require.Equal(t, "GET", req.Method)
	requirePath(t, req, "website", websiteID, "verify", "key")
}

func TestRollVerifyKey(t *testing.T) {
	srv, c := setupFor(t, "rollVerifyKey")
	require.NoError(t, c.Website.RollVerifyKey(t.Context(), websiteID))
	req := lastRequest(t, srv, "rollVerifyKey")
	require.Equal(t, "POST", req.Method)
	requirePath(t, req, "website", websiteID, "verify", "key")
	requireBody(t, req, `{}`)
}
