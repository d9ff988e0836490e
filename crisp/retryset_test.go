package crisp

import (
	"net/http"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readmeRetryStatuses returns the statuses (4xx and 5xx) the README's
// Retries section names as retried: the numbers of its list before
// "Every other status is final".
func readmeRetryStatuses(t *testing.T) map[int]bool {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	text := string(b)
	start := strings.Index(text, "### Retries\n")
	require.GreaterOrEqual(t, start, 0, "the README has a Retries section")
	section := text[start:]
	end := strings.Index(section, "Every other status is final")
	require.Greater(t, end, 0, "the Retries section says which statuses are final")
	section = section[:end]
	require.NotContains(t, section, "5xx", "the README names the statuses one by one")
	got := map[int]bool{}
	for _, m := range regexp.MustCompile(`\b[45]\d\d\b`).FindAllString(section, -1) {
		n, _ := strconv.Atoi(m)
		got[n] = true
	}
	return got
}

// TestRetryStatusesAgree: for every status from 400 to 599, the retry
// loop retries a GET, Error.Temporary reports the final error as
// temporary, and the README lists the status as retried, all three or
// none.
func TestRetryStatusesAgree(t *testing.T) {
	readme := readmeRetryStatuses(t)
	require.NotEmpty(t, readme)
	for st := 400; st <= 599; st++ {
		m := &memTransport{answer: func(req *http.Request) *http.Response {
			return jsonResponse(req, st, `{"error":true,"reason":"some_reason","data":{}}`)
		}}
		sleep, waits := noSleep()
		c := memClient(t, m, WithMaxRetries(1), sleep)
		_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
		e := requireError(t, err)
		require.Equal(t, st, e.StatusCode)
		retried := len(m.requests()) == 2
		require.Equal(t, retried, len(waits()) == 1, "%d", st)
		require.Equalf(t, retried, e.Temporary(), "%d: retried %v, Temporary %v", st, retried, e.Temporary())
		require.Equalf(t, retried, readme[st], "%d: retried %v, README says %v", st, retried, readme[st])
	}
	// And the client's own reasons: a network error is temporary, refused
	// input and invalid answers are not.
	require.True(t, (&Error{Reason: ReasonNetworkError}).Temporary())
	require.True(t, (&Error{Reason: ReasonNetworkError, StatusCode: 200}).Temporary())
	require.False(t, (&Error{Reason: ReasonInvalidResponse, StatusCode: 200}).Temporary())
	require.False(t, (&Error{Reason: ReasonInvalidArgument}).Temporary())
}
