package test

import (
	"net/http"
	"net/url"
	"strings"
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

func TestListSuggestedPeopleSegments(t *testing.T) {
	srv, c := setupFor(t, "listSuggestedPeopleSegments")
	got, err := c.Website.ListSuggestedPeopleSegments(t.Context(), websiteID, 2)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.PeopleSuggestedSegment](t, srv, "listSuggestedPeopleSegments"), got)
	requirePath(t, lastRequest(t, srv, "listSuggestedPeopleSegments"), "website", websiteID, "people", "suggest", "segments", "2")
	n := 0
	for seg, err := range c.Website.ListSuggestedPeopleSegmentsIter(t.Context(), websiteID) {
		if err != nil {
			requirePaginationLoop(t, err) // the stateless server answers every page alike
			break
		}
		require.NotNil(t, seg.Segment)
		n++
	}
	require.Equal(t, len(got), n, "the repeated page 2 is not yielded")
	_, err = c.Website.ListSuggestedPeopleSegments(t.Context(), websiteID, 0)
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
}

func TestDeleteSuggestedPeopleSegment(t *testing.T) {
	srv, c := setupFor(t, "deleteSuggestedPeopleSegment")
	requireRefused(t, srv, c.Website.DeleteSuggestedPeopleSegment(t.Context(), websiteID, nil))
	body := specRequestExample[api.PeopleSuggestedSegmentDelete](t, "deleteSuggestedPeopleSegment")
	require.NoError(t, c.Website.DeleteSuggestedPeopleSegment(t.Context(), websiteID, body))
	req := requireSent(t, srv, "deleteSuggestedPeopleSegment", "DELETE", "website", websiteID, "people", "suggest", "segment")
	requireBody(t, req, string(requestExamples(t)["deleteSuggestedPeopleSegment"]))
}

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

func TestDeleteSuggestedPeopleDataKey(t *testing.T) {
	srv, c := setupFor(t, "deleteSuggestedPeopleDataKey")
	requireRefused(t, srv, c.Website.DeleteSuggestedPeopleDataKey(t.Context(), websiteID, nil))
	body := specRequestExample[api.PeopleSuggestedDataKeyDelete](t, "deleteSuggestedPeopleDataKey")
	require.NoError(t, c.Website.DeleteSuggestedPeopleDataKey(t.Context(), websiteID, body))
	req := requireSent(t, srv, "deleteSuggestedPeopleDataKey", "DELETE", "website", websiteID, "people", "suggest", "data")
	requireBody(t, req, string(requestExamples(t)["deleteSuggestedPeopleDataKey"]))
}

func TestListSuggestedPeopleEvents(t *testing.T) {
	srv, c := setupFor(t, "listSuggestedPeopleEvents")
	got, err := c.Website.ListSuggestedPeopleEvents(t.Context(), websiteID, 1)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.PeopleSuggestedEvent](t, srv, "listSuggestedPeopleEvents"), got)
	requirePath(t, lastRequest(t, srv, "listSuggestedPeopleEvents"), "website", websiteID, "people", "suggest", "events", "1")
	srv.Handle("listSuggestedPeopleEvents", func(r *crisptest.Call) (int, any) {
		data := []api.PeopleSuggestedEvent{}
		if r.PathParams["page_number"] == "1" {
			data = got
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	var all []api.PeopleSuggestedEvent
	for ev, err := range c.Website.ListSuggestedPeopleEventsIter(t.Context(), websiteID) {
		require.NoError(t, err)
		all = append(all, ev)
	}
	require.Equal(t, got, all)
}

func TestDeleteSuggestedPeopleEvent(t *testing.T) {
	srv, c := setupFor(t, "deleteSuggestedPeopleEvent")
	requireRefused(t, srv, c.Website.DeleteSuggestedPeopleEvent(t.Context(), websiteID, nil))
	body := specRequestExample[api.PeopleSuggestedEventDelete](t, "deleteSuggestedPeopleEvent")
	require.NoError(t, c.Website.DeleteSuggestedPeopleEvent(t.Context(), websiteID, body))
	req := requireSent(t, srv, "deleteSuggestedPeopleEvent", "DELETE", "website", websiteID, "people", "suggest", "event")
	requireBody(t, req, `{"text":"Removed item from basket"}`)
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

func TestCheckPeopleProfileExists(t *testing.T) {
	srv, c := setupFor(t, "checkPeopleProfileExists")
	ok, err := c.Website.CheckPeopleProfileExists(t.Context(), websiteID, peopleEmail)
	require.NoError(t, err)
	require.True(t, ok)
	req := requireSent(t, srv, "checkPeopleProfileExists", "HEAD", "website", websiteID, "people", "profile", peopleEmail)
	require.Equal(t, peopleEmail, req.PathParams["people_id"])

	srv.Handle("checkPeopleProfileExists", func(*crisptest.Call) (int, any) { return 404, nil })
	ok, err = c.Website.CheckPeopleProfileExists(t.Context(), websiteID, peopleOddID)
	require.NoError(t, err)
	require.False(t, ok)
	reqs := srv.RequestsFor("checkPeopleProfileExists")
	requirePath(t, reqs[len(reqs)-1], "website", websiteID, "people", "profile", peopleOddID)

	_, err = c.Website.CheckPeopleProfileExists(t.Context(), websiteID, "..")
	require.ErrorIs(t, err, crisp.ErrInvalidArgument)
}

func TestGetPeopleProfile(t *testing.T) {
	srv, c := setupFor(t, "getPeopleProfile")
	got, err := c.Website.GetPeopleProfile(t.Context(), websiteID, peopleEmail)
	require.NoError(t, err)
	require.Equal(t, exampleData[api.PeopleProfile](t, srv, "getPeopleProfile"), *got)
	require.NotNil(t, got.Email)
	req := lastRequest(t, srv, "getPeopleProfile")
	requirePath(t, req, "website", websiteID, "people", "profile", peopleEmail)
	require.Equal(t, peopleEmail, req.PathParams["people_id"], "'+' stays a plus in the path")

	_, err = c.Website.GetPeopleProfile(t.Context(), websiteID, peopleOddID)
	require.NoError(t, err)
	req = lastRequest(t, srv, "getPeopleProfile")
	require.Equal(t, "/v1/website/"+websiteID+"/people/profile/people%2F1%20%3Fx=y", req.Path)
	// crisptest's PathParams hold the escaped segment.
	id, err := url.PathUnescape(req.PathParams["people_id"])
	require.NoError(t, err)
	require.Equal(t, peopleOddID, id)
	require.Empty(t, req.Query, "'?' does not start a query")
}

func TestSavePeopleProfile(t *testing.T) {
	srv, c := setupFor(t, "savePeopleProfile")
	requireRefused(t, srv, c.Website.SavePeopleProfile(t.Context(), websiteID, peopleEmail, nil))
	body := specRequestExample[api.PeopleProfileUpdate](t, "savePeopleProfile")
	require.NoError(t, c.Website.SavePeopleProfile(t.Context(), websiteID, peopleEmail, body))
	req := requireSent(t, srv, "savePeopleProfile", "PUT", "website", websiteID, "people", "profile", peopleEmail)
	requireBody(t, req, string(requestExamples(t)["savePeopleProfile"]))
}

func TestUpdatePeopleProfile(t *testing.T) {
	srv, c := setupFor(t, "updatePeopleProfile")
	requireRefused(t, srv, c.Website.UpdatePeopleProfile(t.Context(), websiteID, peopleOddID, nil))
	body := specRequestExample[api.PeopleProfileUpdate](t, "updatePeopleProfile")
	require.NoError(t, c.Website.UpdatePeopleProfile(t.Context(), websiteID, peopleOddID, body))
	req := requireSent(t, srv, "updatePeopleProfile", "PATCH", "website", websiteID, "people", "profile", peopleOddID)
	requireBody(t, req, string(requestExamples(t)["updatePeopleProfile"]))
}

func TestRemovePeopleProfile(t *testing.T) {
	srv, c := setupFor(t, "removePeopleProfile")
	require.NoError(t, c.Website.RemovePeopleProfile(t.Context(), websiteID, peopleOddID))
	req := requireSent(t, srv, "removePeopleProfile", "DELETE", "website", websiteID, "people", "profile", peopleOddID)
	require.Empty(t, req.Body)

	srv.Handle("removePeopleProfile", func(*crisptest.Call) (int, any) {
		return 404, map[string]any{"error": true, "reason": "people_not_found", "data": map[string]any{}}
	})
	err := c.Website.RemovePeopleProfile(t.Context(), websiteID, peopleEmail)
	require.ErrorIs(t, err, crisp.ErrNotFound)
	var ce *crisp.Error
	require.ErrorAs(t, err, &ce)
	require.Equal(t, "removePeopleProfile", ce.Operation)
	require.Equal(t, "people_not_found", ce.Reason)
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

func TestListPeopleCampaigns(t *testing.T) {
	srv, c := setupFor(t, "listPeopleCampaigns")
	got, err := c.Website.ListPeopleCampaigns(t.Context(), websiteID, peopleEmail, 1)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.PeopleCampaign](t, srv, "listPeopleCampaigns"), got)
	requirePath(t, lastRequest(t, srv, "listPeopleCampaigns"), "website", websiteID, "people", "campaigns", peopleEmail, "list", "1")
	n := 0
	for _, err := range c.Website.ListPeopleCampaignsIter(t.Context(), websiteID, peopleOddID) {
		if err != nil {
			requirePaginationLoop(t, err) // the stateless server answers every page alike
			break
		}
		n++
	}
	require.Equal(t, len(got), n, "the repeated page 2 is not yielded")
	requirePath(t, lastRequest(t, srv, "listPeopleCampaigns"), "website", websiteID, "people", "campaigns", peopleOddID, "list", "2")
}

func TestAddPeopleEvent(t *testing.T) {
	srv, c := setupFor(t, "addPeopleEvent")
	requireRefused(t, srv, c.Website.AddPeopleEvent(t.Context(), websiteID, peopleEmail, nil))
	body := specRequestExample[api.PeopleEventNew](t, "addPeopleEvent")
	require.NoError(t, c.Website.AddPeopleEvent(t.Context(), websiteID, peopleEmail, body))
	req := requireSent(t, srv, "addPeopleEvent", "POST", "website", websiteID, "people", "events", peopleEmail)
	requireBody(t, req, string(requestExamples(t)["addPeopleEvent"]))
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

func TestListPeopleEvents(t *testing.T) {
	srv, c := setupFor(t, "listPeopleEvents")
	got, err := c.Website.ListPeopleEvents(t.Context(), websiteID, peopleOddID, 4)
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.PeopleEvent](t, srv, "listPeopleEvents"), got)
	requirePath(t, lastRequest(t, srv, "listPeopleEvents"), "website", websiteID, "people", "events", peopleOddID, "list", "4")
	srv.Handle("listPeopleEvents", func(r *crisptest.Call) (int, any) {
		if r.PathParams["page_number"] == "2" {
			return 500, map[string]any{"error": true, "reason": "internal_error", "data": map[string]any{}}
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": got}
	})
	n := 0
	var iterErr error
	for _, err := range c.Website.ListPeopleEventsIter(t.Context(), websiteID, peopleEmail) {
		if err != nil {
			iterErr = err
			continue
		}
		n++
	}
	require.Equal(t, len(got), n)
	require.Error(t, iterErr)
	var ce *crisp.Error
	require.ErrorAs(t, iterErr, &ce)
	require.Equal(t, "listPeopleEvents", ce.Operation)
}

func TestSavePeopleData(t *testing.T) {
	srv, c := setupFor(t, "savePeopleData")
	requireRefused(t, srv, c.Website.SavePeopleData(t.Context(), websiteID, peopleEmail, nil))
	body := specRequestExample[api.PeopleData](t, "savePeopleData")
	require.NoError(t, c.Website.SavePeopleData(t.Context(), websiteID, peopleOddID, body))
	req := requireSent(t, srv, "savePeopleData", "PUT", "website", websiteID, "people", "data", peopleOddID)
	requireBody(t, req, string(requestExamples(t)["savePeopleData"]))
}

func TestUpdatePeopleData(t *testing.T) {
	srv, c := setupFor(t, "updatePeopleData")
	requireRefused(t, srv, c.Website.UpdatePeopleData(t.Context(), websiteID, peopleEmail, nil))
	require.NoError(t, c.Website.UpdatePeopleData(t.Context(), websiteID, peopleEmail, &api.PeopleData{Data: map[string]any{"signup": "finished", "score": 3, "vip": true}}))
	req := requireSent(t, srv, "updatePeopleData", "PATCH", "website", websiteID, "people", "data", peopleEmail)
	requireBody(t, req, `{"data":{"signup":"finished","score":3,"vip":true}}`)
}

func TestUpdatePeopleSubscriptionStatus(t *testing.T) {
	srv, c := setupFor(t, "updatePeopleSubscriptionStatus")
	requireRefused(t, srv, c.Website.UpdatePeopleSubscriptionStatus(t.Context(), websiteID, peopleEmail, nil))
	body := specRequestExample[api.PeopleSubscriptionUpdate](t, "updatePeopleSubscriptionStatus")
	require.NoError(t, c.Website.UpdatePeopleSubscriptionStatus(t.Context(), websiteID, peopleEmail, body))
	req := requireSent(t, srv, "updatePeopleSubscriptionStatus", "PATCH", "website", websiteID, "people", "subscription", peopleEmail)
	requireBody(t, req, string(requestExamples(t)["updatePeopleSubscriptionStatus"]))
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

func TestExportPeopleProfiles(t *testing.T) {
	srv, c := setupFor(t, "exportPeopleProfiles")
	require.NoError(t, c.Website.ExportPeopleProfiles(t.Context(), websiteID))
	req := requireSent(t, srv, "exportPeopleProfiles", "POST", "website", websiteID, "people", "export", "profiles")
	require.Empty(t, strings.TrimSpace(string(req.Body)))
	require.ErrorIs(t, c.Website.ExportPeopleProfiles(t.Context(), ".."), crisp.ErrInvalidArgument)
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
