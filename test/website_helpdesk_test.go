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

func TestResolveHelpdesk(t *testing.T) {
	srv, c := setupFor(t, "resolveHelpdesk")
	got, err := c.Website.ResolveHelpdesk(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.Helpdesk](t, srv, "resolveHelpdesk"), *got)
	requireSent(t, srv, "resolveHelpdesk", "GET", "website", websiteID, "helpdesk")
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

func TestListHelpdeskLocales(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskLocales")
	got, err := c.Website.ListHelpdeskLocales(t.Context(), websiteID, 2)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLocale](t, srv, "listHelpdeskLocales"), got)
	requirePath(t, lastRequest(t, srv, "listHelpdeskLocales"), "website", websiteID, "helpdesk", "locales", "2")

	_, err = c.Website.ListHelpdeskLocales(t.Context(), websiteID, 0)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
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

func TestResolveHelpdeskLocale(t *testing.T) {
	srv, c := setupFor(t, "resolveHelpdeskLocale")
	got, err := c.Website.ResolveHelpdeskLocale(t.Context(), websiteID, helpdeskLocale)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLocale](t, srv, "resolveHelpdeskLocale"), *got)
	requireSent(t, srv, "resolveHelpdeskLocale", "GET", "website", websiteID, "helpdesk", "locale", helpdeskLocale)
}

func TestDeleteHelpdeskLocale(t *testing.T) {
	srv, c := setupFor(t, "deleteHelpdeskLocale")
	require.NoError(t, c.Website.DeleteHelpdeskLocale(t.Context(), websiteID, helpdeskLocale))
	requireSent(t, srv, "deleteHelpdeskLocale", "DELETE", "website", websiteID, "helpdesk", "locale", helpdeskLocale)
	require.ErrorIs(t, c.Website.DeleteHelpdeskLocale(t.Context(), websiteID, ".."), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestListHelpdeskRedirections(t *testing.T) {
	srv, c := setupFor(t, "listHelpdeskRedirections")
	got, err := c.Website.ListHelpdeskRedirections(t.Context(), websiteID, 3)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskRedirection](t, srv, "listHelpdeskRedirections"), got)
	requirePath(t, lastRequest(t, srv, "listHelpdeskRedirections"), "website", websiteID, "helpdesk", "redirections", "3")
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

func TestAddHelpdeskRedirection(t *testing.T) {
	srv, c := setupFor(t, "addHelpdeskRedirection")
	_, err := c.Website.AddHelpdeskRedirection(t.Context(), websiteID, nil)
	requireRefused(t, srv, err)

	body := specRequestExample[api.HelpdeskRedirectionAddition](t, "addHelpdeskRedirection")
	got, err := c.Website.AddHelpdeskRedirection(t.Context(), websiteID, body)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskRedirectionNew](t, srv, "addHelpdeskRedirection"), *got)
	req := requireSent(t, srv, "addHelpdeskRedirection", "POST", "website", websiteID, "helpdesk", "redirection")
	requireBody(t, req, string(requestExamples(t)["addHelpdeskRedirection"]))
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

func TestResolveHelpdeskRedirection(t *testing.T) {
	srv, c := setupFor(t, "resolveHelpdeskRedirection")
	got, err := c.Website.ResolveHelpdeskRedirection(t.Context(), websiteID, helpdeskRedirectionID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskRedirection](t, srv, "resolveHelpdeskRedirection"), *got)
	requireSent(t, srv, "resolveHelpdeskRedirection", "GET", "website", websiteID, "helpdesk", "redirection", helpdeskRedirectionID)
}

func TestDeleteHelpdeskRedirection(t *testing.T) {
	srv, c := setupFor(t, "deleteHelpdeskRedirection")
	require.NoError(t, c.Website.DeleteHelpdeskRedirection(t.Context(), websiteID, helpdeskRedirectionID))
	requireSent(t, srv, "deleteHelpdeskRedirection", "DELETE", "website", websiteID, "helpdesk", "redirection", helpdeskRedirectionID)
	require.ErrorIs(t, c.Website.DeleteHelpdeskRedirection(t.Context(), websiteID, ""), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), 1)
}

func TestResolveHelpdeskSettings(t *testing.T) {
	srv, c := setupFor(t, "resolveHelpdeskSettings")
	got, err := c.Website.ResolveHelpdeskSettings(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskSettings](t, srv, "resolveHelpdeskSettings"), *got)
	require.NotNil(t, got.Name)
	requireSent(t, srv, "resolveHelpdeskSettings", "GET", "website", websiteID, "helpdesk", "settings")
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

func TestResolveHelpdeskDomain(t *testing.T) {
	srv, c := setupFor(t, "resolveHelpdeskDomain")
	got, err := c.Website.ResolveHelpdeskDomain(t.Context(), websiteID)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskDomain](t, srv, "resolveHelpdeskDomain"), *got)
	requireSent(t, srv, "resolveHelpdeskDomain", "GET", "website", websiteID, "helpdesk", "domain")
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
