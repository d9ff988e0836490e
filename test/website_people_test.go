package test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// People routes take a people ID or an email address in {people_id}.
const (
	peopleEmail = "jane+test@example.com"
	peopleOddID = "people/1 ?x=y"
)

func TestListSuggestedPeopleDataKeys(t *testing.T) {
	srv, c := setupFor(t, "listSuggestedPeopleDataKeys")
	got, err := c.Website.ListSuggestedPeopleDataKeys(t.Context(), websiteID, 3)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.PeopleSuggestedDataKey](t, srv, "listSuggestedPeopleDataKeys"), got)
	requirePath(t, lastRequest(t, srv, "listSuggestedPeopleDataKeys"), "website", websiteID, "people", "suggest", "data", "3")
	srv.Handle("listSuggestedPeopleDataKeys", func(r *crisptest.Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": pagesOf(got, r.PathParams["page_number"])}
	})
	var keys []string
	for k, err := range c.Website.ListSuggestedPeopleDataKeysIter(t.Context(), websiteID) {
		require.NoError(t, err)
		keys = append(keys, k.Key)
		if len(keys) == len(got)+1 {
			break
		}
	}
	require.Equal(t, got[0].Key, keys[len(got)], "page 2 follows page 1")
	require.Len(t, srv.RequestsFor("listSuggestedPeopleDataKeys"), 3)
}

func TestListPeopleProfiles(t *testing.T) {
	srv, c := setupFor(t, "listPeopleProfiles")
	const text = "Jane & co + #1 50% ?x=y"
	got, err := c.Website.ListPeopleProfiles(t.Context(), websiteID, 2, &crisp.ListPeopleProfilesOptions{
		PerPage:   40,
		SortField: "nickname",
		SortOrder: api.PeopleSortOrderDescending,
		SearchFilters: []api.PeopleFilter{
			{Model: "people", Criterion: "segments", Operator: "eq", Query: []string{"lead & vip"}},
			{Model: "people", Criterion: "email", Operator: "eq", Query: []string{peopleEmail}},
		},
		SearchOperator:  api.PeopleSearchOperatorOr,
		SearchText:      text,
		FilterDateStart: time.Date(2024, 3, 1, 17, 0, 0, 0, time.UTC),
		FilterDateEnd:   time.Date(2024, 4, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600)),
	})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.PeopleProfile](t, srv, "listPeopleProfiles"), got)
	req := requireSent(t, srv, "listPeopleProfiles", "GET", "website", websiteID, "people", "profiles", "2")
	require.Equal(t, "40", req.Query.Get("per_page"))
	require.Equal(t, "nickname", req.Query.Get("sort_field"))
	require.Equal(t, "descending", req.Query.Get("sort_order"))
	require.Equal(t, "or", req.Query.Get("search_operator"))
	require.JSONEq(t, `[
		{"model":"people","criterion":"segments","operator":"eq","query":["lead & vip"]},
		{"model":"people","criterion":"email","operator":"eq","query":["jane+test@example.com"]}
	]`, req.Query.Get("search_filter"))
	require.Equal(t, text, req.Query.Get("search_text"), "reserved characters survive the query")
	require.Equal(t, "2024-03-01T17:00:00Z", req.Query.Get("filter_date_start"))
	start, err := time.Parse(time.RFC3339, req.Query.Get("filter_date_end"))
	require.NoError(t, err)
	require.True(t, start.Equal(time.Date(2024, 3, 31, 23, 0, 0, 0, time.UTC)))
	require.Len(t, req.Query, 8)
}

func TestListPeopleProfilesRawQuery(t *testing.T) {
	// The raw query must carry the reserved characters escaped, so that
	// any decoder (not only Go's) reads the text back: '+' as %2B, not a
	// space.
	var raw string
	srv := crisptest.Start(t, crisptest.Stateless())
	c := srv.Client(t, crisp.WithHTTPClient(peopleRawQueryRecorder(&raw)))
	_, err := c.Website.ListPeopleProfiles(t.Context(), websiteID, 1, &crisp.ListPeopleProfilesOptions{SearchText: "a+b & c#d"})
	require.NoError(t, err)
	q, err := url.ParseQuery(raw)
	require.NoError(t, err)
	require.Equal(t, "a+b & c#d", q.Get("search_text"))
	require.NotContains(t, raw, "#")
	require.NotContains(t, raw, "+b")
}

func TestListPeopleProfilesDefaults(t *testing.T) {
	srv, c := setupFor(t, "listPeopleProfiles")
	_, err := c.Website.ListPeopleProfiles(t.Context(), websiteID, 1, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listPeopleProfiles").Query)
	_, err = c.Website.ListPeopleProfiles(t.Context(), websiteID, 1, &crisp.ListPeopleProfilesOptions{})
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, "listPeopleProfiles").Query, "zero options send no query")
}

func TestListPeopleProfilesRejectsBadInput(t *testing.T) {
	srv, c := setupFor(t, "listPeopleProfiles")
	_, err := c.Website.ListPeopleProfiles(t.Context(), websiteID, 1, &crisp.ListPeopleProfilesOptions{PerPage: 51})
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListPeopleProfiles(t.Context(), websiteID, 0, nil)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
	_, err = c.Website.ListPeopleProfiles(t.Context(), "", 1, nil)
	requireRefused(t, srv, err)
}

func TestListPeopleProfilesIter(t *testing.T) {
	srv, c := setupFor(t, "listPeopleProfiles")
	page := exampleData[[]api.PeopleProfile](t, srv, "listPeopleProfiles")
	calls := 0
	srv.Handle("listPeopleProfiles", func(r *crisptest.Call) (int, any) {
		calls++
		require.Equal(t, "25", r.Query.Get("per_page"))
		require.Equal(t, "valerian", r.Query.Get("search_text"))
		data := []api.PeopleProfile{}
		if r.PathParams["page_number"] == "1" {
			for len(data) < 25 {
				data = append(data, page[0])
			}
		} else if r.PathParams["page_number"] == "2" {
			data = append(data, page...)
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	n := 0
	for p, err := range c.Website.ListPeopleProfilesIter(t.Context(), websiteID, &crisp.ListPeopleProfilesOptions{PerPage: 25, SearchText: "valerian"}) {
		require.NoError(t, err)
		require.NotNil(t, p.PeopleID)
		n++
	}
	require.Equal(t, 25+len(page), n)
	require.Equal(t, 2, calls, "a short page ends the walk")
}

func TestListPeopleConversations(t *testing.T) {
	srv, c := setupFor(t, "listPeopleConversations")
	got, err := c.Website.ListPeopleConversations(t.Context(), websiteID, peopleEmail, 2, &crisp.ListPeopleConversationsOptions{FilterUnread: true, FilterNotResolved: true})
	require.NoError(t, err)
	require.Equal(t, exampleData[[]string](t, srv, "listPeopleConversations"), got)
	require.NotEmpty(t, got)
	req := lastRequest(t, srv, "listPeopleConversations")
	requirePath(t, req, "website", websiteID, "people", "conversations", peopleEmail, "list", "2")
	require.Equal(t, url.Values{"filter_unread": {"1"}, "filter_not_resolved": {"1"}}, req.Query)

	_, err = c.Website.ListPeopleConversations(t.Context(), websiteID, peopleOddID, 1, nil)
	require.NoError(t, err)
	req = lastRequest(t, srv, "listPeopleConversations")
	requirePath(t, req, "website", websiteID, "people", "conversations", peopleOddID, "list", "1")
	require.Empty(t, req.Query)
}

func TestListPeopleConversationsIter(t *testing.T) {
	srv, c := setupFor(t, "listPeopleConversations")
	srv.Handle("listPeopleConversations", func(r *crisptest.Call) (int, any) {
		require.Equal(t, "1", r.Query.Get("filter_resolved"))
		data := []string{}
		if r.PathParams["page_number"] == "1" {
			data = []string{sessionID, "session_2"}
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	var all []string
	for id, err := range c.Website.ListPeopleConversationsIter(t.Context(), websiteID, peopleEmail, &crisp.ListPeopleConversationsOptions{FilterResolved: true}) {
		require.NoError(t, err)
		all = append(all, id)
	}
	require.Equal(t, []string{sessionID, "session_2"}, all)
	require.Len(t, srv.RequestsFor("listPeopleConversations"), 2)
}

func TestAddPeopleEventText(t *testing.T) {
	srv, c := setupFor(t, "addPeopleEvent")
	require.NoError(t, c.Website.AddPeopleEventText(t.Context(), websiteID, peopleOddID, "Added item to basket",
		map[string]any{"price": 10.99, "currency": "USD"}, api.PeopleEventColorRed))
	req := lastRequest(t, srv, "addPeopleEvent")
	requirePath(t, req, "website", websiteID, "people", "events", peopleOddID)
	requireBody(t, req, string(requestExamples(t)["addPeopleEvent"]))

	require.NoError(t, c.Website.AddPeopleEventText(t.Context(), websiteID, peopleEmail, "Signed up", nil, ""))
	requireBody(t, lastRequest(t, srv, "addPeopleEvent"), `{"text":"Signed up"}`)

	n := len(srv.Requests())
	require.ErrorIs(t, c.Website.AddPeopleEventText(t.Context(), websiteID, peopleEmail, "", nil, ""), crisp.ErrInvalidArgument)
	require.Len(t, srv.Requests(), n)
}

func TestUpdatePeopleData(t *testing.T) {
	srv, c := setupFor(t, "updatePeopleData")
	// Numbers and booleans, which the spec's example has none of.
	require.NoError(t, c.Website.UpdatePeopleData(t.Context(), websiteID, peopleEmail, &api.PeopleData{Data: map[string]any{"signup": "finished", "score": 3, "vip": true}}))
	req := requireSent(t, srv, "updatePeopleData", "PATCH", "website", websiteID, "people", "data", peopleEmail)
	requireBody(t, req, `{"data":{"signup":"finished","score":3,"vip":true}}`)
}

func TestSetPeopleEmailSubscription(t *testing.T) {
	srv, c := setupFor(t, "updatePeopleSubscriptionStatus")
	require.NoError(t, c.Website.SetPeopleEmailSubscription(t.Context(), websiteID, peopleOddID, false))
	req := lastRequest(t, srv, "updatePeopleSubscriptionStatus")
	requirePath(t, req, "website", websiteID, "people", "subscription", peopleOddID)
	requireBody(t, req, `{"email":false}`) // false is sent, not left out
	require.NoError(t, c.Website.SetPeopleEmailSubscription(t.Context(), websiteID, peopleEmail, true))
	requireBody(t, lastRequest(t, srv, "updatePeopleSubscriptionStatus"), `{"email":true}`)
}

// peopleRawQueryTransport records the raw query of the requests it sends.
type peopleRawQueryTransport struct{ raw *string }

func (tr peopleRawQueryTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	*tr.raw = r.URL.RawQuery
	return http.DefaultTransport.RoundTrip(r)
}

func peopleRawQueryRecorder(raw *string) *http.Client {
	return &http.Client{Transport: peopleRawQueryTransport{raw}}
}
