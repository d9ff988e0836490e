package test

import (
	"encoding/json"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// IDs of the helpdesk tests, with characters that must be escaped.
const (
	helpdeskLocale        = "zh/Hant ?"
	helpdeskRedirectionID = "redirection/7ebf2e39 ?#"
)

// helpdeskTwoPages scripts op, a paged list, to answer its example data on
// pages 1 and 2 and an empty list from page 3 on. It returns what walking
// every page must yield and a pointer to the number of calls; check
// checks each call (its query, ...) when not nil.
func helpdeskTwoPages[T any](t *testing.T, srv *crisptest.Server, op string, check func(r *crisptest.Call)) ([]T, *int) {
	t.Helper()
	var env struct {
		Data []json.RawMessage `json:"data"`
	}
	require.NoError(t, json.Unmarshal(srv.Operation(op).Example, &env), op)
	require.NotEmpty(t, env.Data, "%s: example answer lists nothing", op)
	page := exampleData[[]T](t, srv, op)
	calls := 0
	srv.Handle(op, func(r *crisptest.Call) (int, any) {
		calls++
		if check != nil {
			check(r)
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(env.Data, r.PathParams["page_number"])}
	})
	return threeTimes(page), &calls
}

func TestCheckHelpdeskExists(t *testing.T) {
	srv, c := setupFor(t, "checkHelpdeskExists")
	ok, err := c.Website.CheckHelpdeskExists(t.Context(), websiteID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkHelpdeskExists", "HEAD", "website", websiteID, "helpdesk")

	srv.Handle("checkHelpdeskExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckHelpdeskExists(t.Context(), websiteID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestInitializeHelpdesk(t *testing.T) {
	srv, c := setupFor(t, "initializeHelpdesk")
	requireRefused(t, srv, c.Website.InitializeHelpdesk(t.Context(), websiteID, nil))

	body := specRequestExample[api.HelpdeskInitialization](t, "initializeHelpdesk")
	require.NoError(t, c.Website.InitializeHelpdesk(t.Context(), websiteID, body))
	req := requireSent(t, srv, "initializeHelpdesk", "POST", "website", websiteID, "helpdesk")
	requireBody(t, req, string(requestExamples(t)["initializeHelpdesk"]))
}

func TestDeleteHelpdesk(t *testing.T) {
	srv, c := setupFor(t, "deleteHelpdesk")
	requireRefused(t, srv, c.Website.DeleteHelpdesk(t.Context(), websiteID, nil))

	body := specRequestExample[api.HelpdeskDeletion](t, "deleteHelpdesk")
	require.NoError(t, c.Website.DeleteHelpdesk(t.Context(), websiteID, body))
	req := requireSent(t, srv, "deleteHelpdesk", "DELETE", "website", websiteID, "helpdesk")
	requireBody(t, req, string(requestExamples(t)["deleteHelpdesk"]))
}

func TestListHelpdeskLocalesIter(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskLocales")
	want, calls := helpdeskTwoPages[api.HelpdeskLocale](t, srv, "listHelpdeskLocales", nil)
	var got []api.HelpdeskLocale
	for l, err := range c.Website.ListHelpdeskLocalesIter(t.Context(), websiteID) {
		require.NoError(t, err)
		got = append(got, l)
	}
	require.Equal(t, want, got)
	require.Equal(t, 3, *calls)
	requirePath(t, lastRequest(t, srv, "listHelpdeskLocales"), "website", websiteID, "helpdesk", "locales", "3")
}

func TestAddHelpdeskLocale(t *testing.T) {
	srv, c := setupFor(t, "addHelpdeskLocale")
	requireRefused(t, srv, c.Website.AddHelpdeskLocale(t.Context(), websiteID, nil))

	body := specRequestExample[api.HelpdeskLocaleAddition](t, "addHelpdeskLocale")
	require.NoError(t, c.Website.AddHelpdeskLocale(t.Context(), websiteID, body))
	req := requireSent(t, srv, "addHelpdeskLocale", "POST", "website", websiteID, "helpdesk", "locale")
	requireBody(t, req, string(requestExamples(t)["addHelpdeskLocale"]))
}

func TestCheckHelpdeskLocaleExists(t *testing.T) {
	srv, c := setupFor(t, "checkHelpdeskLocaleExists")
	ok, err := c.Website.CheckHelpdeskLocaleExists(t.Context(), websiteID, helpdeskLocale)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkHelpdeskLocaleExists", "HEAD", "website", websiteID, "helpdesk", "locale", helpdeskLocale)

	srv.Handle("checkHelpdeskLocaleExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckHelpdeskLocaleExists(t.Context(), websiteID, "fr")
	require.NoError(t, err)
	require.False(t, ok)

	for _, bad := range []string{"", ".", ".."} {
		_, err = c.Website.CheckHelpdeskLocaleExists(t.Context(), websiteID, bad)
		require.ErrorIs(t, err, crisp.ErrInvalidArgument, "locale %q", bad)
	}
	require.Len(t, srv.Requests(), 2)
}

func TestListHelpdeskRedirectionsIter(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskRedirections")
	want, calls := helpdeskTwoPages[api.HelpdeskRedirection](t, srv, "listHelpdeskRedirections", nil)
	var got []api.HelpdeskRedirection
	for r, err := range c.Website.ListHelpdeskRedirectionsIter(t.Context(), websiteID) {
		require.NoError(t, err)
		got = append(got, r)
	}
	require.Equal(t, want, got)
	require.Equal(t, 3, *calls)
}

func TestCheckHelpdeskRedirectionExists(t *testing.T) {
	srv, c := setupFor(t, "checkHelpdeskRedirectionExists")
	ok, err := c.Website.CheckHelpdeskRedirectionExists(t.Context(), websiteID, helpdeskRedirectionID)
	require.NoError(t, err)
	require.True(t, ok)
	requireSent(t, srv, "checkHelpdeskRedirectionExists", "HEAD", "website", websiteID, "helpdesk", "redirection", helpdeskRedirectionID)

	srv.Handle("checkHelpdeskRedirectionExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckHelpdeskRedirectionExists(t.Context(), websiteID, helpdeskRedirectionID)
	require.NoError(t, err)
	require.False(t, ok)
}

func TestSaveHelpdeskSettings(t *testing.T) {
	srv, c := setupFor(t, "saveHelpdeskSettings")
	requireRefused(t, srv, c.Website.SaveHelpdeskSettings(t.Context(), websiteID, nil))

	body := specRequestExample[api.HelpdeskSettings](t, "saveHelpdeskSettings")
	require.NoError(t, c.Website.SaveHelpdeskSettings(t.Context(), websiteID, body))
	req := requireSent(t, srv, "saveHelpdeskSettings", "PATCH", "website", websiteID, "helpdesk", "settings")
	want, err := json.Marshal(body)
	require.NoError(t, err)
	requireBody(t, req, string(want))
	var sent struct {
		Name string `json:"name"`
	}
	require.NoError(t, json.Unmarshal(req.Body, &sent))
	require.Equal(t, "Valerian Helpdesk", sent.Name)
}

func TestRequestHelpdeskDomainChange(t *testing.T) {
	srv, c := setupFor(t, "requestHelpdeskDomainChange")
	requireRefused(t, srv, c.Website.RequestHelpdeskDomainChange(t.Context(), websiteID, nil))

	body := specRequestExample[api.HelpdeskDomainChange](t, "requestHelpdeskDomainChange")
	require.NoError(t, c.Website.RequestHelpdeskDomainChange(t.Context(), websiteID, body))
	req := requireSent(t, srv, "requestHelpdeskDomainChange", "PATCH", "website", websiteID, "helpdesk", "domain")
	requireBody(t, req, string(requestExamples(t)["requestHelpdeskDomainChange"]))
}

func TestGenerateHelpdeskDomainSetupFlow(t *testing.T) {
	srv, c := setupFor(t, "generateHelpdeskDomainSetupFlow")
	custom := "help.example.com"
	got, err := c.Website.GenerateHelpdeskDomainSetupFlow(t.Context(), websiteID, &crisp.GenerateHelpdeskDomainSetupFlowOptions{Custom: custom})
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskDomainSetupFlow](t, srv, "generateHelpdeskDomainSetupFlow"), *got)
	req := requireSent(t, srv, "generateHelpdeskDomainSetupFlow", "GET", "website", websiteID, "helpdesk", "domain", "setup")
	require.Equal(t, custom, req.Query.Get("custom"))

	_, err = c.Website.GenerateHelpdeskDomainSetupFlow(t.Context(), websiteID, nil)
	require.NoError(t, err)
	require.False(t, lastRequest(t, srv, "generateHelpdeskDomainSetupFlow").Query.Has("custom"))
}
