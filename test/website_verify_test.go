package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

func TestGetVerifySettings(t *testing.T) {
	srv, c := setupFor(t, "getVerifySettings")
	got, err := c.Website.GetVerifySettings(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VerifySettings](t, srv, "getVerifySettings"), *got)
	require.NotNil(t, got.Enabled)
	requireSent(t, srv, "getVerifySettings", "GET", "website", websiteID, "verify", "settings")
}

func TestUpdateVerifySettings(t *testing.T) {
	srv, c := setupFor(t, "updateVerifySettings")
	requireRefused(t, srv, c.Website.UpdateVerifySettings(t.Context(), websiteID, nil))

	body := specRequestExample[api.VerifySettingsUpdate](t, "updateVerifySettings")
	require.NoError(t, c.Website.UpdateVerifySettings(t.Context(), websiteID, body))
	req := requireSent(t, srv, "updateVerifySettings", "PATCH", "website", websiteID, "verify", "settings")
	requireBody(t, req, `{"enabled":true}`)
}

func TestGetVerifyKey(t *testing.T) {
	srv, c := setupFor(t, "getVerifyKey")
	got, err := c.Website.GetVerifyKey(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.VerifyKey](t, srv, "getVerifyKey"), *got)
	require.NotNil(t, got.Secret)
	requireSent(t, srv, "getVerifyKey", "GET", "website", websiteID, "verify", "key")
}

func TestRollVerifyKey(t *testing.T) {
	srv, c := setupFor(t, "rollVerifyKey")
	require.NoError(t, c.Website.RollVerifyKey(t.Context(), websiteID))
	req := requireSent(t, srv, "rollVerifyKey", "POST", "website", websiteID, "verify", "key")
	requireBody(t, req, `{}`)
}
