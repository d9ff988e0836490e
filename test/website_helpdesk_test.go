package test

import (
	"encoding/json"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
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
