package crisptest

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/stretchr/testify/require"
)

// raw sends a request with the server's credentials and decodes the answer.
func raw(t *testing.T, s *Server, method, path, body string, edit ...func(*http.Request)) (int, map[string]any) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, strings.TrimSuffix(s.URL(), "/")+path, r)
	require.NoError(t, err)
	req.SetBasicAuth(Identifier, Key)
	req.Header.Set("X-Crisp-Tier", "plugin")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, e := range edit {
		e(req)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	if len(b) > 0 {
		require.NoError(t, json.Unmarshal(b, &out), string(b))
	}
	return resp.StatusCode, out
}

const conv = "/website/" + WebsiteID + "/conversation"

func TestInvalidBodyIsInvalidData(t *testing.T) {
	s := Start(t)
	status, out := raw(t, s, "POST", conv+"/session_x/message", `{"type":"text","from":"operator"}`)
	require.Equal(t, 400, status)
	require.Equal(t, true, out["error"])
	require.Equal(t, "invalid_data", out["reason"])
	msg := out["data"].(map[string]any)["message"].(string)
	require.Contains(t, msg, "origin", "the message names what is wrong")
}

func TestInvalidQueryIsInvalidData(t *testing.T) {
	s := Start(t)
	status, out := raw(t, s, "GET", "/website/"+WebsiteID+"/conversations/1?per_page=500", "")
	require.Equal(t, 400, status)
	require.Equal(t, "invalid_data", out["reason"])
	require.Contains(t, out["data"].(map[string]any)["message"], "per_page")
}

func TestUnknownRouteIsNotFound(t *testing.T) {
	s := Start(t)
	status, out := raw(t, s, "GET", "/website/"+WebsiteID+"/nothing/here", "")
	require.Equal(t, 404, status)
	require.Equal(t, "not_found", out["reason"])
	status, _ = raw(t, s, "PUT", "/website/"+WebsiteID+"/conversations/1", "")
	require.Equal(t, 404, status)
}

func TestCredentials(t *testing.T) {
	s := Start(t)
	status, out := raw(t, s, "GET", "/website/"+WebsiteID+"/conversations/1", "", func(r *http.Request) { r.SetBasicAuth(Identifier, "wrong") })
	require.Equal(t, 401, status)
	require.Equal(t, "invalid_session", out["reason"])
	status, _ = raw(t, s, "GET", "/website/"+WebsiteID+"/conversations/1", "", func(r *http.Request) { r.Header.Del("Authorization") })
	require.Equal(t, 401, status)
	status, _ = raw(t, s, "GET", "/website/"+WebsiteID+"/conversations/1", "", func(r *http.Request) { r.Header.Del("X-Crisp-Tier") })
	require.Equal(t, 401, status)
	// Create Website is a user-tier route.
	status, out = raw(t, s, "POST", "/website", `{"name":"Acme","domain":"acme.com"}`)
	require.Equal(t, 403, status)
	require.Equal(t, "restricted_route_tier", out["reason"])
}

func TestClientErrorsFromTheServer(t *testing.T) {
	s := Start(t, WithTiers(crisp.TierWebsite))
	c := s.Client(t)
	_, err := c.Website.ListConversations(t.Context(), WebsiteID, 1, nil)
	require.ErrorIs(t, err, crisp.ErrUnauthorized, "the server's token has no plugin tier")
}

func TestQueueErrorAndDelay(t *testing.T) {
	s := Start(t)
	c := s.Client(t, crisp.WithMaxRetries(0))
	s.QueueError("listConversations", 429, "rate_limited")
	_, err := c.Website.ListConversations(t.Context(), WebsiteID, 1, nil)
	require.ErrorIs(t, err, crisp.ErrRateLimited)
	_, err = c.Website.ListConversations(t.Context(), WebsiteID, 1, nil)
	require.NoError(t, err, "a queued reply is used once")

	s.QueueDelay("listConversations", time.Second)
	c2 := s.Client(t, crisp.WithTimeout(50*time.Millisecond), crisp.WithMaxRetries(0))
	_, err = c2.Website.ListConversations(t.Context(), WebsiteID, 1, nil)
	require.Error(t, err)

	// Retries see the queued errors one after the other.
	s.Queue("listConversations", Reply{Status: 503}, Reply{Status: 502})
	_, err = s.Client(t).Website.ListConversations(t.Context(), WebsiteID, 1, nil)
	require.NoError(t, err)
	require.Len(t, s.RequestsFor("listConversations"), 6)
}

func TestRecording(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	_, err := c.Website.ListConversations(t.Context(), WebsiteID, 2, &crisp.ListConversationsOptions{SearchText: "a b"})
	require.NoError(t, err)
	req, ok := s.LastRequest("listConversations")
	require.True(t, ok)
	require.Equal(t, "GET", req.Method)
	require.Equal(t, "/v1/website/"+WebsiteID+"/conversations/2", req.Path)
	require.Equal(t, "2", req.PathParams["page_number"])
	require.Equal(t, "a b", req.Query.Get("search_query"))
	require.Equal(t, "plugin", req.Header.Get("X-Crisp-Tier"))
	require.Equal(t, 200, req.Status)
	s.Reset()
	require.Empty(t, s.Requests())
}

func TestHandleOverridesAnOperation(t *testing.T) {
	s := Start(t)
	s.Handle("listSpamConversations", func(c *Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": []any{}}
	})
	c := s.Client(t, crisp.WithToken(crisp.TierUser, Identifier, Key))
	got, err := c.Website.ListSpamConversations(t.Context(), WebsiteID, 1)
	require.NoError(t, err)
	require.Empty(t, got)
}

func TestInvalidAnswersAreReported(t *testing.T) {
	s, err := NewServer(ValidateResponses(nil))
	require.NoError(t, err)
	defer s.Close()
	s.Handle("listSpamConversations", func(c *Call) (int, any) {
		return 200, map[string]any{"error": false, "reason": "listed", "data": "not a list"}
	})
	c, err := s.NewClient(crisp.WithToken(crisp.TierUser, Identifier, Key))
	require.NoError(t, err)
	_, _ = c.Website.ListSpamConversations(t.Context(), WebsiteID, 1)
	require.Len(t, s.Violations(), 1)
}

func TestEveryOperationHasAnExampleAnswer(t *testing.T) {
	s := Start(t)
	for _, o := range s.Operations() {
		if o.Method == http.MethodHead {
			continue
		}
		require.NotEmptyf(t, o.Example, "%s has no example answer", o.ID)
		require.NotEmptyf(t, o.Tiers, "%s has no tiers", o.ID)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := Start(t)
	c := s.Client(t)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			_, err := c.Website.ListConversations(t.Context(), WebsiteID, 1, &crisp.ListConversationsOptions{IncludeEmpty: true})
			require.NoError(t, err)
		})
	}
	wg.Wait()
	require.Len(t, s.RequestsFor("listConversations"), 16)
}

func TestListenServesOnAnAddress(t *testing.T) {
	s, err := Listen("127.0.0.1:0")
	require.NoError(t, err)
	defer s.Close()
	require.True(t, strings.HasPrefix(s.URL(), "http://127.0.0.1:"))
	c, err := s.NewClient()
	require.NoError(t, err)
	_, err = c.Website.ListConversations(t.Context(), WebsiteID, 1, nil)
	require.NoError(t, err)
}
