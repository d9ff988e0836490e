package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// conversations creates n conversations with one message each in the
// fake and returns their session IDs.
func conversations(t *testing.T, srv *crisptest.Server, n int) []string {
	t.Helper()
	client := srv.Client(t)
	var ids []string
	for range n {
		id, err := client.Website.CreateNewConversation(t.Context(), crisptest.WebsiteID)
		require.NoError(t, err)
		_, err = client.Website.SendTextMessage(t.Context(), crisptest.WebsiteID, id, "Hello "+id)
		require.NoError(t, err)
		ids = append(ids, id)
	}
	srv.Reset()
	return ids
}

func TestCallGetWithQueryParameters(t *testing.T) {
	srv := crisptest.Start(t)
	ids := conversations(t, srv, 2)

	res := crispRun(t, nil, "", append(restArgs(srv), "call", "listConversations", "website_id="+crisptest.WebsiteID, "per_page=20", "filter_unread=false", "order_date_created=true", "search_type=text", "search_query=Hello")...)
	require.Equal(t, 0, res.code, res.stderr)

	var convs []struct {
		SessionID string `json:"session_id"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &convs), res.stdout)
	require.Len(t, convs, 2)
	require.ElementsMatch(t, ids, []string{convs[0].SessionID, convs[1].SessionID})
	require.Equal(t, 1, strings.Count(res.stdout, "\n"), "compact JSON when stdout is not a terminal")

	req, ok := srv.LastRequest("listConversations")
	require.True(t, ok)
	require.Equal(t, "/v1/website/"+crisptest.WebsiteID+"/conversations/1", req.Path, "page_number defaults to 1")
	require.Equal(t, "20", req.Query.Get("per_page"))
	require.Equal(t, "0", req.Query.Get("filter_unread"), "a 1/0 flag reads false as 0")
	require.Equal(t, "1", req.Query.Get("order_date_created"))
	require.Equal(t, "text", req.Query.Get("search_type"))
	require.Equal(t, "Hello", req.Query.Get("search_query"))
	require.Equal(t, "plugin", req.Header.Get("X-Crisp-Tier"))
	require.Contains(t, req.Header.Get("User-Agent"), "crisp-go-cli/")

	pretty := crispRun(t, nil, "", append(restArgs(srv), "call", "--pretty", "listConversations", "website_id="+crisptest.WebsiteID)...)
	require.Equal(t, 0, pretty.code, pretty.stderr)
	require.Contains(t, pretty.stdout, "[\n  {\n    ")
}

func TestCallPostWithBody(t *testing.T) {
	srv := crisptest.Start(t)
	id := conversations(t, srv, 1)[0]
	body := `{"type":"text","from":"operator","origin":"chat","content":"From a file","fingerprint":9007199254740993}`
	file := filepath.Join(t.TempDir(), "message.json")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o600))

	res := crispRun(t, nil, "", append(restArgs(srv), "call", "sendMessageInConversation", "website_id="+crisptest.WebsiteID, "session_id="+id, "--data", "@"+file)...)
	require.Equal(t, 0, res.code, res.stderr)
	require.Equal(t, "{\"fingerprint\":9007199254740993}\n", res.stdout, "the answer's data, integers exact")
	req, ok := srv.LastRequest("sendMessageInConversation")
	require.True(t, ok)
	require.Equal(t, "POST", req.Method)
	require.JSONEq(t, body, string(req.Body))
	require.Equal(t, "application/json", req.Header.Get("Content-Type"))

	// The body on standard input.
	res = crispRun(t, nil, `{"type":"note","from":"operator","origin":"chat","content":"From stdin"}`, append(restArgs(srv), "call", "sendMessageInConversation", "website_id="+crisptest.WebsiteID, "session_id="+id, "--data", "-")...)
	require.Equal(t, 0, res.code, res.stderr)
	req, _ = srv.LastRequest("sendMessageInConversation")
	require.Contains(t, string(req.Body), "From stdin")

	// A required body that is missing, and one that is not JSON, are
	// refused before anything is sent.
	srv.Reset()
	res = crispRun(t, nil, "", append(restArgs(srv), "call", "sendMessageInConversation", "website_id="+crisptest.WebsiteID, "session_id="+id)...)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "needs a JSON request body")
	res = crispRun(t, nil, "", append(restArgs(srv), "call", "sendMessageInConversation", "website_id="+crisptest.WebsiteID, "session_id="+id, "--data", "{nope")...)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "--data is not valid JSON")
	require.Empty(t, srv.Requests())
}

func TestCallHead(t *testing.T) {
	srv := crisptest.Start(t)
	id := conversations(t, srv, 1)[0]

	res := crispRun(t, nil, "", append(restArgs(srv), "call", "checkConversationExists", "website_id="+crisptest.WebsiteID, "session_id="+id)...)
	require.Equal(t, 0, res.code, res.stderr)
	require.Equal(t, "true\n", res.stdout)
	req, ok := srv.LastRequest("checkConversationExists")
	require.True(t, ok)
	require.Equal(t, "HEAD", req.Method)

	res = crispRun(t, nil, "", append(restArgs(srv), "call", "checkConversationExists", "website_id="+crisptest.WebsiteID, "session_id=session_absent")...)
	require.Equal(t, 0, res.code, res.stderr)
	require.Equal(t, "false\n", res.stdout, "404 is false, as in the library")
}

func TestCallAllPages(t *testing.T) {
	srv := crisptest.Start(t)
	ids := conversations(t, srv, 25)

	res := crispRun(t, nil, "", append(restArgs(srv), "call", "listConversations", "website_id="+crisptest.WebsiteID, "per_page=20", "--all-pages")...)
	require.Equal(t, 0, res.code, res.stderr)
	lines := strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n")
	require.Len(t, lines, 25, res.stdout)
	var got []string
	for _, l := range lines {
		var c struct {
			SessionID string `json:"session_id"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &c), l)
		got = append(got, c.SessionID)
	}
	require.ElementsMatch(t, ids, got)
	reqs := srv.RequestsFor("listConversations")
	require.Len(t, reqs, 2, "a short second page ends the walk")
	require.True(t, strings.HasSuffix(reqs[1].Path, "/conversations/2"), reqs[1].Path)
	require.NotContains(t, res.stderr, "page", "no progress line when standard error is not a terminal")

	// A server that ignores the page number is caught.
	loop, err := crisptest.NewServer()
	require.NoError(t, err)
	t.Cleanup(loop.Close)
	page := make([]map[string]any, 20)
	for i := range page {
		page[i] = map[string]any{"session_id": "session_same", "website_id": crisptest.WebsiteID}
	}
	loop.Handle("listConversations", func(*crisptest.Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": page}
	})
	res = crispRun(t, nil, "", append(restArgs(loop), "call", "listConversations", "website_id="+crisptest.WebsiteID, "--all-pages")...)
	require.Equal(t, exitFailure, res.code, res.stdout)
	require.Contains(t, res.stderr, "pagination_loop: page 2 is the same as page 1")
	require.Equal(t, 20, strings.Count(res.stdout, "\n"), "the repeated page is not printed")

	// --all-pages needs a page-numbered list.
	res = crispRun(t, nil, "", append(restArgs(srv), "call", "getConversation", "website_id="+crisptest.WebsiteID, "session_id=x", "--all-pages")...)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "has no page_number parameter")
}

func TestCallNotFound(t *testing.T) {
	srv := crisptest.Start(t)
	res := crispRun(t, nil, "", append(restArgs(srv), "call", "getConversation", "website_id="+crisptest.WebsiteID, "session_id=session_absent")...)
	require.Equal(t, exitFailure, res.code)
	require.Empty(t, res.stdout)
	require.Contains(t, res.stderr, "getConversation: GET /website/{website_id}/conversation/{session_id}: 404 Not Found: not_found:")
	require.NotContains(t, res.stderr, "session_absent", "the error names the route, not the request's path")

	// Crisp's reason and message from a scripted error.
	srv.QueueError("getWebsite", 403, "restricted_route_tier")
	res = crispRun(t, nil, "", append(restArgs(srv), "call", "getWebsite", "website_id="+crisptest.WebsiteID)...)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "403 Forbidden: restricted_route_tier")
}

func TestCallRefusesUnknownNames(t *testing.T) {
	srv := crisptest.Start(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"listConversation", "website_id=" + crisptest.WebsiteID}, `unknown operation "listConversation"; did you mean "listConversations"?`},
		{[]string{"GetConversation"}, `did you mean "getConversation"?`},
		{[]string{"listConversations", "websiteid=" + crisptest.WebsiteID}, `unknown parameter "websiteid" for listConversations; did you mean "website_id"?`},
		{[]string{"listConversations", "website_id=" + crisptest.WebsiteID, "per_page=many"}, `parameter per_page: "many" is not an integer`},
		{[]string{"listConversations", "website_id=" + crisptest.WebsiteID, "search_type=txt"}, `did you mean "text"?`},
		{[]string{"listConversations", "website_id=" + crisptest.WebsiteID, "filter_date_start=yesterday"}, `is not a date`},
		{[]string{"getConversation", "website_id=" + crisptest.WebsiteID}, "needs the path parameter session_id"},
		{[]string{"--identifier=", "getConversation", "website_id=" + crisptest.WebsiteID}, "needs the path parameter session_id"},
		{[]string{"getConversation", "website_id=" + crisptest.WebsiteID, "session_id=.."}, `must not be ".."`},
		{[]string{"listConversations", "website_id"}, "is not name=value"},
		{[]string{"getWebsite", "website_id=" + crisptest.WebsiteID, "--data", "{}"}, "takes no request body"},
	} {
		res := crispRun(t, nil, "", append(append(restArgs(srv), "call"), tc.args...)...)
		require.Equal(t, exitUsage, res.code, "%v: %s", tc.args, res.stderr)
		require.Contains(t, res.stderr, tc.want, tc.args)
	}
	require.Empty(t, srv.Requests(), "nothing is sent")
}

func TestCredentialsFromEnvironment(t *testing.T) {
	srv := crisptest.Start(t)
	env := []string{"CRISP_IDENTIFIER=" + crisptest.Identifier, "CRISP_KEY=" + crisptest.Key, "CRISP_TIER=user", "CRISP_BASE_URL=" + srv.URL()}
	res := crispRun(t, env, "", "call", "getWebsite", "website_id="+crisptest.WebsiteID)
	require.Equal(t, 0, res.code, res.stderr)
	req, ok := srv.LastRequest("getWebsite")
	require.True(t, ok)
	require.Equal(t, "user", req.Header.Get("X-Crisp-Tier"))

	// The flags win over the environment.
	res = crispRun(t, append(env, "CRISP_KEY=wrong"), "", "call", "--tier", "plugin", "--key", crisptest.Key, "getWebsite", "website_id="+crisptest.WebsiteID)
	require.Equal(t, 0, res.code, res.stderr)
	req, _ = srv.LastRequest("getWebsite")
	require.Equal(t, "plugin", req.Header.Get("X-Crisp-Tier"))

	// A wrong key is Crisp's 401.
	res = crispRun(t, append(env, "CRISP_KEY=wrong"), "", "call", "getWebsite", "website_id="+crisptest.WebsiteID)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "401")

	// No token at all.
	res = crispRun(t, []string{"CRISP_BASE_URL=" + srv.URL()}, "", "call", "getWebsite", "website_id="+crisptest.WebsiteID)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "no Crisp token")
	res = crispRun(t, env, "", "call", "--tier", "plugins", "getWebsite", "website_id="+crisptest.WebsiteID)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, `did you mean "plugin"?`)
}

func TestOperations(t *testing.T) {
	res := crispRun(t, nil, "", "operations")
	require.Equal(t, 0, res.code, res.stderr)
	srv := crisptest.Start(t)
	require.Equal(t, 1+len(srv.Operations()), strings.Count(res.stdout, "\n"), "a header and every operation")
	require.Regexp(t, `(?m)^listConversations\s+GET\s+/website/\{website_id\}/conversations/\{page_number\}\s+user,plugin`, res.stdout)

	res = crispRun(t, nil, "", "operations", "--tag", "website conversations")
	require.Equal(t, 0, res.code, res.stderr)
	require.Contains(t, res.stdout, "listConversations")
	require.NotContains(t, res.stdout, "getPeopleProfile")

	res = crispRun(t, nil, "", "operations", "--tag", "Website Conversation")
	require.Equal(t, 0, res.code, res.stderr)
	require.Contains(t, res.stdout, "getConversation")
	require.NotContains(t, res.stdout, "listConversations")

	res = crispRun(t, nil, "", "operations", "--tag", "Website Conversatons")
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, `did you mean "Website Conversations"?`)

	res = crispRun(t, nil, "", "operations", "sendMessageInConversation")
	require.Equal(t, 0, res.code, res.stderr)
	for _, want := range []string{"POST /website/{website_id}/conversation/{session_id}/message", "website_id", "session_id", "Request body (--data, required): MessageNew", `"content"`} {
		require.Contains(t, res.stdout, want)
	}
}

func TestCallTimeoutAndNetworkError(t *testing.T) {
	srv := crisptest.Start(t)
	srv.QueueDelay("getWebsite", time.Minute)
	res := crispRun(t, nil, "", append(restArgs(srv), "call", "--timeout", "100ms", "getWebsite", "website_id="+crisptest.WebsiteID)...)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "getWebsite: GET /website/{website_id}")
	require.Contains(t, res.stderr, "deadline exceeded")

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	res = crispRun(t, nil, "", "call", "--base-url", closed.URL+"/v1/", "--identifier", "i", "--key", "k", "getWebsite", "website_id="+crisptest.WebsiteID)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "network_error")
	require.Contains(t, res.stderr, "connection refused")
}

func TestProgress(t *testing.T) {
	var b strings.Builder
	p := &progress{w: &b, enabled: true}
	p.update("page %d", 1)
	p.update("page %d", 2)
	p.done()
	require.Equal(t, "\r\x1b[Kpage 1\r\x1b[Kpage 2\r\x1b[K", b.String())

	b.Reset()
	off := &progress{w: &b}
	off.update("page %d", 1)
	off.done()
	require.Empty(t, b.String(), "nothing when standard error is not a terminal")
}
