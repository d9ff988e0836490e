package crisp

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// facadeOperations returns the operationIds the facade's methods name
// (the "//crisp:operation" lines and the op constants of crisp/*.go).
func facadeOperations(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	re := regexp.MustCompile(`(?m)^//crisp:operation (\w+)|const op = "(\w+)"`)
	seen := map[string]bool{}
	var ops []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			op := m[1] + m[2]
			if !seen[op] {
				seen[op] = true
				ops = append(ops, op)
			}
		}
	}
	require.Greater(t, len(ops), 200)
	return ops
}

// TestPathTemplateOfEveryOperation: every operation of the facade has a
// path template, with no parameter value (no marker) left in it.
func TestPathTemplateOfEveryOperation(t *testing.T) {
	for _, op := range facadeOperations(t) {
		if op == "RTMEndpoint" {
			continue // a facade helper over three operations, not one
		}
		tmpl := pathTemplate(op)
		require.NotEmptyf(t, tmpl, "%s has no template", op)
		require.Truef(t, strings.HasPrefix(tmpl, "/"), "%s: %s", op, tmpl)
	}
	require.Equal(t, "/website/{website_id}/people/profile/{people_id}", pathTemplate("getPeopleProfile"))
	require.Equal(t, "/website/{website_id}/conversations/{page_number}", pathTemplate("listConversations"))
	require.Equal(t, "/website/{website_id}/conversation/{session_id}/message/{fingerprint}", pathTemplate("getMessageInConversation"))
	require.Equal(t, "/plugin/connect/endpoints", pathTemplate("getConnectEndpoints"))
	require.Empty(t, pathTemplate("noSuchOperation"))
	require.Empty(t, pathTemplate(""))
}

// TestErrorsKeepPersonalDataOutOfTheirText: the error of a people route,
// whose path holds an e-mail address, prints the operation and its path
// template, never the address; the concrete path stays in Error.Path. So
// for a network error, an error envelope in a 2xx, an invalid answer and
// an error status.
func TestErrorsKeepPersonalDataOutOfTheirText(t *testing.T) {
	const email = "jane.doe+vip@example.com"
	for name, h := range map[string]step{
		"404":          jsonStep(404, `{"error":true,"reason":"people_not_found","data":{"message":"not found"}}`),
		"error in 200": jsonStep(200, `{"error":true,"reason":"invalid_session","data":{}}`),
		"invalid json": jsonStep(200, `{"error":false,"data":`),
		"no data":      jsonStep(200, `{"error":false,"data":null}`),
		"html 502":     {status: 502, contentType: "text/html", body: htmlError},
	} {
		t.Run(name, func(t *testing.T) {
			lb := startLoopback(t, &steps{list: []step{h}})
			sleep, _ := noSleep()
			c := lb.client(t, sleep)
			_, err := c.Website.GetPeopleProfile(t.Context(), wid, email)
			e := requireError(t, err)
			require.Contains(t, e.Path, "jane.doe", "the concrete path stays in the field")
			requireNoSecret(t, []string{email, "jane.doe", "example.com", wid}, err)
			require.Contains(t, err.Error(), "crisp: getPeopleProfile: GET /website/{website_id}/people/profile/{people_id}: ")
		})
	}
	t.Run("network error", func(t *testing.T) {
		lb := startLoopback(t, hijackHalf(t, 200, okEmpty, true))
		sleep, _ := noSleep()
		c := lb.client(t, sleep)
		_, err := c.Website.GetPeopleProfile(t.Context(), wid, email)
		e := requireError(t, err)
		require.Equal(t, ReasonNetworkError, e.Reason)
		requireNoSecret(t, []string{email, "jane.doe", "example.com"}, err)
	})
}
