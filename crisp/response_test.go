package crisp

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// answer serves one fixed answer.
func answer(status int, contentType, body string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		w.WriteHeader(status)
		_, _ = io.WriteString(w, body)
	})
}

func TestFaultyAnswers(t *testing.T) {
	cases := []struct {
		name   string
		h      http.Handler
		status int
		reason string
		is     error
	}{
		{"html 502", answer(502, "text/html", "<html><body>Bad Gateway</body></html>"), 502, ReasonHTTPError, ErrServer},
		{"truncated json", answer(200, "application/json", `{"error":false,"reason":"listed","data":[{"session_id":"s`), 200, ReasonInvalidResponse, ErrInvalidResponse},
		{"wrong content type", answer(200, "text/plain", "hello"), 200, ReasonInvalidResponse, ErrInvalidResponse},
		{"empty 200", answer(200, "application/json", ""), 200, ReasonInvalidResponse, ErrInvalidResponse},
		{"error envelope in a 200", answer(200, "application/json", `{"error":true,"reason":"invalid_session","data":[]}`), 200, "invalid_session", nil},
		{"data of the wrong type", answer(200, "application/json", `{"error":false,"reason":"listed","data":{"a":1}}`), 200, ReasonInvalidResponse, ErrInvalidResponse},
		{"404 not found", answer(404, "application/json", `{"error":true,"reason":"not_found","data":{"message":"the route does not exist"}}`), 404, "not_found", ErrNotFound},
		{"400 invalid data", answer(400, "application/json", `{"error":true,"reason":"invalid_data","data":{"message":"data should have required property 'type'"}}`), 400, "invalid_data", ErrInvalidData},
		{"huge error body", answer(500, "application/json", `{"error":true,"reason":"x","data":{"message":"`+strings.Repeat("a", 1<<20)+`"}}`), 500, ReasonHTTPError, ErrServer},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestClient(t, tc.h, WithMaxRetries(0))
			got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			require.Nil(t, got)
			var e *Error
			require.ErrorAs(t, err, &e)
			require.Equal(t, tc.status, e.StatusCode)
			require.Equal(t, tc.reason, e.Reason)
			require.Equal(t, "listConversations", e.Operation)
			if tc.is != nil {
				require.ErrorIs(t, err, tc.is)
			}
			require.Less(t, len(e.Error()), 2000, "error text stays short")
		})
	}
}

func TestPathParametersAreCheckedBeforeSending(t *testing.T) {
	calls := 0
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { calls++ }))
	for _, bad := range []string{"", ".", ".."} {
		_, err := c.Website.ListConversations(t.Context(), bad, 1, nil)
		require.ErrorIs(t, err, ErrInvalidArgument, "%q", bad)
		var e *Error
		require.ErrorAs(t, err, &e)
		require.Contains(t, e.Message, "website_id")
	}
	_, err := c.Website.ListConversations(t.Context(), wid, 0, nil)
	require.ErrorIs(t, err, ErrInvalidArgument)
	require.Zero(t, calls)
}

func TestPathParametersAreEscaped(t *testing.T) {
	var paths []string
	c := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths = append(paths, r.URL.EscapedPath())
		_, _ = io.WriteString(w, `{"error":false,"reason":"resolved","data":{}}`)
	}))
	for _, id := range []string{"a/../b", "x?y=1", "x#frag", "100%", "with space", "ünï", "..x", ".hidden"} {
		_, err := c.Website.ResolveSpamConversationContent(t.Context(), wid, id)
		require.NoError(t, err, id)
	}
	require.Equal(t, []string{
		"/v1/website/" + wid + "/conversations/spam/a%2F..%2Fb/content",
		"/v1/website/" + wid + "/conversations/spam/x%3Fy=1/content",
		"/v1/website/" + wid + "/conversations/spam/x%23frag/content",
		"/v1/website/" + wid + "/conversations/spam/100%25/content",
		"/v1/website/" + wid + "/conversations/spam/with%20space/content",
		"/v1/website/" + wid + "/conversations/spam/%C3%BCn%C3%AF/content",
		"/v1/website/" + wid + "/conversations/spam/..x/content",
		"/v1/website/" + wid + "/conversations/spam/.hidden/content",
	}, paths)
}

// TestMissingDataIsAnInvalidResponse: a success answer without the data
// its route promises (no "data", "data": null, an empty object, null) is
// ErrInvalidResponse on every kind of route, never a zero value with a nil
// error; a list whose data is [] is an empty list.
func TestMissingDataIsAnInvalidResponse(t *testing.T) {
	calls := map[string]func(t *testing.T, c *Client) error{
		"CreateNewConversation": func(t *testing.T, c *Client) error {
			id, err := c.Website.CreateNewConversation(t.Context(), wid)
			require.Empty(t, id)
			return err
		},
		"SendTextMessage": func(t *testing.T, c *Client) error {
			fp, err := c.Website.SendTextMessage(t.Context(), wid, "session_1", "hi")
			require.Zero(t, fp)
			return err
		},
		"GetConversation": func(t *testing.T, c *Client) error {
			conv, err := c.Website.GetConversation(t.Context(), wid, "session_1")
			require.Nil(t, conv)
			return err
		},
		"ListConversations": func(t *testing.T, c *Client) error {
			list, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			require.Nil(t, list)
			return err
		},
		"GetMessagesInConversation": func(t *testing.T, c *Client) error {
			page, err := c.Website.GetMessagesInConversation(t.Context(), wid, "session_1", nil)
			require.Nil(t, page)
			return err
		},
	}
	for _, body := range []string{`{"error":false,"reason":"resolved","data":null}`, `{"error":false,"reason":"resolved"}`, `{}`, `null`} {
		for name, call := range calls {
			t.Run(name+" "+body, func(t *testing.T) {
				c := newTestClient(t, answer(200, "application/json", body), WithMaxRetries(0))
				err := call(t, c)
				e := requireError(t, err)
				require.ErrorIs(t, err, ErrInvalidResponse)
				require.Equal(t, 200, e.StatusCode)
				require.ErrorIs(t, err, errNoData)
			})
		}
	}
	t.Run("empty list", func(t *testing.T) {
		c := newTestClient(t, answer(200, "application/json", `{"error":false,"reason":"listed","data":[]}`), WithMaxRetries(0))
		list, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
		require.NoError(t, err)
		require.NotNil(t, list)
		require.Empty(t, list)
		page, err := c.Website.GetMessagesInConversation(t.Context(), wid, "session_1", nil)
		require.NoError(t, err)
		require.Empty(t, page.Messages)
	})
}

// TestErrorEnvelopeInASuccessIsCrispsError: "error": true in a 2xx answer
// is a *Error with Crisp's reason and message on every kind of route (an
// object, a list, messages, a POST, a route without data), whatever the
// data holds.
func TestErrorEnvelopeInASuccessIsCrispsError(t *testing.T) {
	calls := map[string]func(t *testing.T, c *Client) error{
		"object": func(t *testing.T, c *Client) error {
			_, err := c.Website.GetConversation(t.Context(), wid, "session_1")
			return err
		},
		"list": func(t *testing.T, c *Client) error {
			_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			return err
		},
		"messages": func(t *testing.T, c *Client) error {
			_, err := c.Website.GetMessagesInConversation(t.Context(), wid, "session_1", nil)
			return err
		},
		"post": func(t *testing.T, c *Client) error {
			_, err := c.Website.SendTextMessage(t.Context(), wid, "session_1", "hi")
			return err
		},
		"no data": func(t *testing.T, c *Client) error {
			return c.Website.RemoveConversation(t.Context(), wid, "session_1")
		},
	}
	for _, data := range []string{`{"message":"bad token"}`, `[]`, `"x"`} {
		for _, status := range []int{200, 201, 206} {
			body := `{"error":true,"reason":"invalid_session","data":` + data + `}`
			for name, call := range calls {
				t.Run(fmt.Sprintf("%s %d %s", name, status, data), func(t *testing.T) {
					c := newTestClient(t, answer(status, "application/json", body), WithMaxRetries(0))
					e := requireError(t, call(t, c))
					require.Equal(t, "invalid_session", e.Reason)
					require.Equal(t, status, e.StatusCode)
					require.NotErrorIs(t, e, ErrInvalidResponse)
					if data == `{"message":"bad token"}` {
						require.Equal(t, "bad token", e.Message)
					}
					require.JSONEq(t, data, string(e.Data))
				})
			}
		}
	}
	t.Run("no reason", func(t *testing.T) {
		c := newTestClient(t, answer(200, "application/json", `{"error":true}`), WithMaxRetries(0))
		for name, call := range calls {
			require.Equal(t, ReasonHTTPError, requireError(t, call(t, c)).Reason, name)
		}
	})
}

// TestNoDataRoutesCheckTheEnvelope: a route without data succeeds on an
// envelope (or 204 No Content) and fails with ErrInvalidResponse on a
// success answer that is not one.
func TestNoDataRoutesCheckTheEnvelope(t *testing.T) {
	for _, tc := range []struct {
		status int
		ct     string
		body   string
		ok     bool
	}{
		{200, "application/json", `{"error":false,"reason":"deleted","data":{}}`, true},
		{200, "application/json", `{"error":false,"reason":"deleted"}`, true},
		{200, "application/json", " {} ", true},
		{204, "", "", true},
		{200, "application/json", "", false},
		{200, "application/json", "null", false},
		{200, "application/json", "[]", false},
		{200, "application/json", `{"error":false`, false},
		{200, "text/html", "<html>maintenance</html>", false},
	} {
		t.Run(fmt.Sprintf("%d %q", tc.status, tc.body), func(t *testing.T) {
			c := newTestClient(t, answer(tc.status, tc.ct, tc.body), WithMaxRetries(0))
			err := c.Website.RemoveConversation(t.Context(), wid, "session_1")
			if tc.ok {
				require.NoError(t, err)
				return
			}
			e := requireError(t, err)
			require.ErrorIs(t, err, ErrInvalidResponse)
			require.Equal(t, tc.status, e.StatusCode)
		})
	}
}
