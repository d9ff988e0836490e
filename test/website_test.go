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
	req := lastRequest(t, srv, "checkWebsiteExists")
	require.Equal(t, "HEAD", req.Method)
	requirePath(t, req, "website")
	require.Equal(t, "crisp.chat/help?x=1", req.Query.Get("domain"))

	srv.Handle("checkWebsiteExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckWebsiteExists(t.Context(), "unknown.example")
	require.NoError(t, err)
	require.False(t, ok)
}

func TestCheckWebsiteExistsRejectsEmptyDomain(t *testing.T) {
	srv, c := setupFor(t, "checkWebsiteExists")
	_, err := c.Website.CheckWebsiteExists(t.Context(), "")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())
}

func TestCreateWebsite(t *testing.T) {
	srv, c := setupFor(t, "createWebsite")
	_, err := c.Website.CreateWebsite(t.Context(), nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())

	body := specRequestExample[api.WebsiteCreation](t, "createWebsite")
	got, err := c.Website.CreateWebsite(t.Context(), body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Website](t, srv, "createWebsite"), *got)
	require.NotEmpty(t, got.WebsiteID)
	req := lastRequest(t, srv, "createWebsite")
	require.Equal(t, "POST", req.Method)
	requirePath(t, req, "website")
	requireBody(t, req, `{"name":"Crisp","domain":"crisp.chat"}`)
}

func TestGetWebsite(t *testing.T) {
	srv, c := setupFor(t, "getWebsite")
	got, err := c.Website.GetWebsite(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Website](t, srv, "getWebsite"), *got)
	require.Equal(t, websiteID, got.WebsiteID)
	req := lastRequest(t, srv, "getWebsite")
	require.Equal(t, "GET", req.Method)
	requirePath(t, req, "website", websiteID)

	_, err = c.Website.GetWebsite(t.Context(), "..")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
}

func TestDeleteWebsite(t *testing.T) {
	srv, c := setupFor(t, "deleteWebsite")
	require.ErrorIs(t, c.Website.DeleteWebsite(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())

	body := specRequestExample[api.WebsiteDeletion](t, "deleteWebsite")
	require.NoError(t, c.Website.DeleteWebsite(t.Context(), websiteID, body))
	req := lastRequest(t, srv, "deleteWebsite")
	require.Equal(t, "DELETE", req.Method)
	requirePath(t, req, "website", websiteID)
	requireBody(t, req, `{"verify":{"method":"password","secret":"MySuperSecurePassword"}}`)
}

func TestAbortWebsiteDeletion(t *testing.T) {
	srv, c := setupFor(t, "abortWebsiteDeletion")
	require.NoError(t, c.Website.AbortWebsiteDeletion(t.Context(), websiteID))
	req := lastRequest(t, srv, "abortWebsiteDeletion")
	require.Equal(t, "DELETE", req.Method)
	requirePath(t, req, "website", websiteID, "expunge")
	require.Empty(t, req.Body)
}

func TestGetWebsiteSettings(t *testing.T) {
	srv, c := setupFor(t, "getWebsiteSettings")
	got, err := c.Website.GetWebsiteSettings(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.WebsiteSettings](t, srv, "getWebsiteSettings"), *got)
	require.NotEmpty(t, got.Domain)
	requirePath(t, lastRequest(t, srv, "getWebsiteSettings"), "website", websiteID, "settings")
}

func TestUpdateWebsiteSettings(t *testing.T) {
	srv, c := setupFor(t, "updateWebsiteSettings")
	require.ErrorIs(t, c.Website.UpdateWebsiteSettings(t.Context(), websiteID, nil), crisp.ErrInvalidArgument)
	require.Empty(t, srv.Requests())

	body := specRequestExample[api.WebsiteSettingsUpdate](t, "updateWebsiteSettings")
	require.NoError(t, c.Website.UpdateWebsiteSettings(t.Context(), websiteID, body))
	req := lastRequest(t, srv, "updateWebsiteSettings")
	require.Equal(t, "PATCH", req.Method)
	requirePath(t, req, "website", websiteID, "settings")
	requireBody(t, req, string(requestExamples(t)["updateWebsiteSettings"]))
}
