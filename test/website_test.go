package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestCheckWebsiteExists(t *testing.T) {
	srv, c := setupFor(t, "checkWebsiteExists")
	ok, err := c.Website.CheckWebsiteExists(t.Context(), "crisp.chat/help?x=1")
	require.NoError(t, err)
	require.True(t, ok)
	req := requireSent(t, srv, "checkWebsiteExists", "HEAD", "website")
	require.Equal(t, "crisp.chat/help?x=1", req.Query.Get("domain"))

	srv.Handle("checkWebsiteExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckWebsiteExists(t.Context(), "unknown.example")
	require.NoError(t, err)
	require.False(t, ok)
}

func TestCheckWebsiteExistsRejectsEmptyDomain(t *testing.T) {
	srv, c := setupFor(t, "checkWebsiteExists")
	_, err := c.Website.CheckWebsiteExists(t.Context(), "")
	requireRefused(t, srv, err)
}

func TestGetWebsite(t *testing.T) {
	srv, c := setupFor(t, "getWebsite")
	got, err := c.Website.GetWebsite(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Website](t, srv, "getWebsite"), *got)
	require.Equal(t, websiteID, got.WebsiteID)
	requireSent(t, srv, "getWebsite", "GET", "website", websiteID)

	_, err = c.Website.GetWebsite(t.Context(), "..")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
}

func TestDeleteWebsite(t *testing.T) {
	srv, c := setupFor(t, "deleteWebsite")
	requireRefused(t, srv, c.Website.DeleteWebsite(t.Context(), websiteID, nil))

	body := specRequestExample[api.WebsiteDeletion](t, "deleteWebsite")
	require.NoError(t, c.Website.DeleteWebsite(t.Context(), websiteID, body))
	req := requireSent(t, srv, "deleteWebsite", "DELETE", "website", websiteID)
	requireBody(t, req, `{"verify":{"method":"password","secret":"MySuperSecurePassword"}}`)
}

func TestAbortWebsiteDeletion(t *testing.T) {
	srv, c := setupFor(t, "abortWebsiteDeletion")
	require.NoError(t, c.Website.AbortWebsiteDeletion(t.Context(), websiteID))
	req := requireSent(t, srv, "abortWebsiteDeletion", "DELETE", "website", websiteID, "expunge")
	require.Empty(t, req.Body)
}

func TestUpdateWebsiteSettings(t *testing.T) {
	srv, c := setupFor(t, "updateWebsiteSettings")
	requireRefused(t, srv, c.Website.UpdateWebsiteSettings(t.Context(), websiteID, nil))

	body := specRequestExample[api.WebsiteSettingsUpdate](t, "updateWebsiteSettings")
	require.NoError(t, c.Website.UpdateWebsiteSettings(t.Context(), websiteID, body))
	req := requireSent(t, srv, "updateWebsiteSettings", "PATCH", "website", websiteID, "settings")
	requireBody(t, req, string(requestExamples(t)["updateWebsiteSettings"]))
}
