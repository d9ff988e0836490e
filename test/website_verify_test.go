package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/stretchr/testify/require"
)

func TestUpdateVerifySettings(t *testing.T) {
	srv, c := setupFor(t, "updateVerifySettings")
	requireRefused(t, srv, c.Website.UpdateVerifySettings(t.Context(), websiteID, nil))

	body := specRequestExample[api.VerifySettingsUpdate](t, "updateVerifySettings")
	require.NoError(t, c.Website.UpdateVerifySettings(t.Context(), websiteID, body))
	req := requireSent(t, srv, "updateVerifySettings", "PATCH", "website", websiteID, "verify", "settings")
	requireBody(t, req, `{"enabled":true}`)
}
