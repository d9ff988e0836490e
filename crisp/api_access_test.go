package crisp

import (
	"context"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAPIIsWiredLikeTheFacade: the generated client API returns sends with
// the client's credentials, tier and user agent, through its retries, and
// hands back the answer of any status for the caller to read.
func TestAPIIsWiredLikeTheFacade(t *testing.T) {
	var mu sync.Mutex
	var seen []*http.Request
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r)
		n := len(seen)
		mu.Unlock()
		if n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.WriteHeader(http.StatusNotFound)
		_, _ = io.WriteString(w, `{"error":true,"reason":"not_found","data":{}}`)
	}))
	c := lb.client(t, fastRetries, WithUserAgent("raw-test/1"))
	resp, err := c.API().GetConversation(t.Context(), wid, "s")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "an error status is an answer, not an error")
	require.JSONEq(t, `{"error":true,"reason":"not_found","data":{}}`, string(body))

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, seen, 2, "the 503 was retried")
	for _, r := range seen {
		id, key, ok := r.BasicAuth()
		require.True(t, ok)
		require.Equal(t, "id", id)
		require.Equal(t, "secret-key", key)
		require.Equal(t, "plugin", r.Header.Get("X-Crisp-Tier"))
		require.Equal(t, "raw-test/1", r.Header.Get("User-Agent"))
		require.Equal(t, "/v1/website/"+wid+"/conversation/s", r.URL.Path)
	}
}

// TestAPIChangesLeaveTheFacadeAlone: API returns the client's own copy of
// the generated client; changing its server or its request editors does
// not change the facade's requests.
func TestAPIChangesLeaveTheFacadeAlone(t *testing.T) {
	var mu sync.Mutex
	var paths []string
	lb := startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path+" "+r.Header.Get("X-Raw"))
		mu.Unlock()
		_, _ = io.WriteString(w, `{"error":false,"reason":"resolved","data":{"session_id":"s"}}`)
	}))
	c := lb.client(t)
	raw := c.API()
	raw.Server = lb.URL + "/other/"
	raw.RequestEditors = append(raw.RequestEditors, func(_ context.Context, r *http.Request) error {
		r.Header.Set("X-Raw", "1")
		return nil
	})

	_, err := c.Website.GetConversation(t.Context(), wid, "s")
	require.NoError(t, err)
	resp, err := raw.GetConversation(t.Context(), wid, "s")
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())

	mu.Lock()
	defer mu.Unlock()
	require.Equal(t, []string{
		"/v1/website/" + wid + "/conversation/s ",
		"/other/website/" + wid + "/conversation/s 1",
	}, paths)
}
