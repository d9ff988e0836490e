package crisptest

import (
	"bytes"
	"net/http"
	"os"
	"strings"
	"testing"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// TestModelledMatchesSpec checks every operation, query parameter and body
// field of the stateful table against openapi.yaml.
func TestModelledMatchesSpec(t *testing.T) {
	sp, err := loadSpec()
	require.NoError(t, err)
	problems := checkModelled(sp, stateful)
	require.Empty(t, problems, "the stateful table (modelled.go) names what openapi.yaml does not have:\n%s", strings.Join(problems, "\n"))
}

func TestCheckModelledNamesWhatTheSpecLacks(t *testing.T) {
	sp, err := loadSpec()
	require.NoError(t, err)
	table := map[string]statefulOp{
		"listConversations":         {query: []string{"include_empty", "filter_unread_messages"}},
		"sendMessageInConversation": {body: []string{"content", "stamped"}},
		"listConversationz":         {},
	}
	require.Equal(t, []string{
		`listConversations: query parameter "filter_unread_messages" is not in openapi.yaml`,
		`listConversationz: no such operation in openapi.yaml`,
		`sendMessageInConversation: body field "stamped" is not in openapi.yaml`,
	}, firstClauses(checkModelled(sp, table)))
}

// TestCheckModelledSeesARenamedFilter renames a listConversations filter in
// a copy of openapi.yaml, as a spec change would: the real table no longer
// matches it.
func TestCheckModelledSeesARenamedFilter(t *testing.T) {
	renamed := bytes.Replace(crispgo.OpenAPI, []byte("name: filter_unread\n"), []byte("name: filter_unread_messages\n"), 1)
	require.NotEqual(t, crispgo.OpenAPI, renamed)
	sp, err := parseSpec(renamed)
	require.NoError(t, err)
	problems := checkModelled(sp, stateful)
	require.Equal(t, []string{`listConversations: query parameter "filter_unread" is not in openapi.yaml`}, firstClauses(problems))
	require.Contains(t, problems[0], "filter_unread_messages", "the message lists what the operation has")
	require.True(t, unmodelledParams(sp)["listConversations"]["filter_unread_messages"], "the new name is unmodelled, so it gets reported")
}

// firstClauses cuts each problem before " (it has ...)".
func firstClauses(problems []string) []string {
	out := make([]string, len(problems))
	for i, p := range problems {
		out[i], _, _ = strings.Cut(p, " (it has")
	}
	return out
}

func TestUnmodelledIsTheSpecMinusTheTable(t *testing.T) {
	sp, err := loadSpec()
	require.NoError(t, err)
	un := unmodelledParams(sp)
	require.Len(t, un, len(stateful))
	for id, e := range stateful {
		all := sp.ops[id].queryParams()
		for _, name := range e.query {
			require.Falsef(t, un[id][name], "%s: %s is modelled", id, name)
			delete(all, name)
		}
		require.Equalf(t, all, un[id], "%s", id)
	}
	for _, name := range []string{"filter_mention", "filter_date_start", "filter_date_end", "order_date_waiting", "search_operator"} {
		require.Truef(t, un["listConversations"][name], "listConversations: %s", name)
	}
	require.True(t, un["getMessagesInConversation"]["timestamp_after"])
	require.True(t, un["listPeopleProfiles"]["sort_field"])
}

// get sends a GET with the server's credentials and returns the response
// (body closed).
func get(t *testing.T, s *Server, path string) *http.Response {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, strings.TrimSuffix(s.URL(), "/")+path, nil)
	require.NoError(t, err)
	req.SetBasicAuth(Identifier, Key)
	req.Header.Set("X-Crisp-Tier", "plugin")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	return resp
}

func TestUnmodelledQueryIsReported(t *testing.T) {
	s := Start(t)
	list := "/website/" + WebsiteID + "/conversations/1"

	resp := get(t, s, list+"?include_empty=1&filter_unread=1&per_page=20")
	require.Equal(t, 200, resp.StatusCode)
	require.Empty(t, resp.Header.Values(UnmodelledHeader), "every parameter is modelled")
	req, _ := s.LastRequest("listConversations")
	require.Empty(t, req.Unmodelled)

	resp = get(t, s, list+"?include_empty=1&filter_mention=1&filter_date_start=2024-01-01T00:00:00Z")
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, "filter_date_start, filter_mention", resp.Header.Get(UnmodelledHeader))
	req, _ = s.LastRequest("listConversations")
	require.Equal(t, []string{"filter_date_start", "filter_mention"}, req.Unmodelled)

	// A modelled parameter with a value the state does not model.
	resp = get(t, s, list+"?search_type=segment&search_query=vip")
	require.Equal(t, "search_type=segment", resp.Header.Get(UnmodelledHeader))

	resp = get(t, s, conv+"/session_x/messages?timestamp_after=1700000000000")
	require.Equal(t, 404, resp.StatusCode)
	require.Equal(t, "timestamp_after", resp.Header.Get(UnmodelledHeader), "reported whatever the answer")
}

func TestUnmodelledThroughTheClient(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	_, err := c.Website.ListPeopleProfiles(t.Context(), WebsiteID, 1, &crisp.ListPeopleProfilesOptions{SearchText: "jane", SortField: "nickname", SortOrder: "ascending"})
	require.NoError(t, err)
	req, ok := s.LastRequest("listPeopleProfiles")
	require.True(t, ok)
	require.Equal(t, []string{"sort_field", "sort_order"}, req.Unmodelled)
}

func TestUnmodelledIsNotReportedWithoutTheState(t *testing.T) {
	s := Start(t, Stateless())
	resp := get(t, s, "/website/"+WebsiteID+"/conversations/1?filter_mention=1")
	require.Equal(t, 200, resp.StatusCode)
	require.Empty(t, resp.Header.Values(UnmodelledHeader))
	req, _ := s.LastRequest("listConversations")
	require.Empty(t, req.Unmodelled)
}

// TestUndeclaredReadIsAViolation: a handler that reads a name its table
// entry does not declare gets nothing and the fake reports its own bug.
func TestUndeclaredReadIsAViolation(t *testing.T) {
	s, err := NewServer(ValidateResponses(nil))
	require.NoError(t, err)
	defer s.Close()
	c := &Call{Request: Request{Operation: "listConversations", Query: map[string][]string{"filter_mention": {"1"}}, Body: []byte(`{"state":"resolved"}`)}, server: s}
	require.Empty(t, c.param("filter_mention"))
	require.Nil(t, c.field("state"))
	require.Equal(t, []string{
		`the state of listConversations reads query parameter "filter_mention", which its entry in the stateful table (modelled.go) does not declare`,
		`the state of listConversations reads body field "state", which its entry in the stateful table (modelled.go) does not declare`,
	}, s.Violations())

	c = &Call{Request: Request{Operation: "changeConversationState", Body: []byte(`{"state":"resolved"}`)}, server: s}
	require.Equal(t, "resolved", c.field("state"))
	require.Len(t, s.Violations(), 2)
}

// TestPackageDocListsTheModelledSubset keeps the package documentation in
// step with the stateful table.
func TestPackageDocListsTheModelledSubset(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	text := strings.Join(strings.Fields(string(doc)), " ")
	for id, e := range stateful {
		require.Containsf(t, text, id, "doc.go does not list the stateful operation %s", id)
		for _, name := range e.query {
			require.Containsf(t, text, name, "doc.go does not name the %s filter %s", id, name)
		}
	}
	require.Contains(t, text, UnmodelledHeader)
}
