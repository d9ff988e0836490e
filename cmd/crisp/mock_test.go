package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/stretchr/testify/require"
)

const seedJSON = `{
  "conversations": [
    {"meta": {"nickname": "Jane Seed", "email": "jane@example.com"},
     "state": "resolved",
     "messages": [
       {"type": "text", "from": "user", "origin": "chat", "content": "Hi from the seed"},
       {"type": "text", "from": "operator", "origin": "chat", "content": "Hello Jane"}
     ]},
    {"messages": [{"type": "text", "from": "user", "origin": "chat", "content": "Second"}]}
  ],
  "people": [{"email": "jane@example.com", "person": {"nickname": "Jane Seed"}}]
}`

// startMock runs crisp mock on a free loopback port and returns it and
// its REST base URL.
func startMock(t *testing.T, args ...string) (*running, string) {
	t.Helper()
	m := crispStart(t, nil, append([]string{"mock", "--addr", "127.0.0.1:0"}, args...)...)
	out := m.stdout.waitFor(t, "Ctrl-C to stop")
	base := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/v1/)`).FindStringSubmatch(out)
	require.NotNil(t, base, out)
	return m, base[1]
}

// TestMockTour is the README's tour: crisp mock, crisp listen --mock
// forwarding to a local endpoint, crisp trigger --mock, crisp call --mock.
func TestMockTour(t *testing.T) {
	seed := filepath.Join(t.TempDir(), "seed.json")
	require.NoError(t, os.WriteFile(seed, []byte(seedJSON), 0o600))
	mock, base := startMock(t, "--seed", seed)
	require.Contains(t, mock.stdout.String(), "seeded 2 conversation(s), 3 message(s) and 1 people profile(s)")

	// The seeded state, through the REST API.
	res := crispRun(t, nil, "", "call", "--mock", "--base-url", base, "listConversations", "website_id="+crisptest.WebsiteID)
	require.Equal(t, 0, res.code, res.stderr)
	var convs []struct {
		State string `json:"state"`
		Meta  struct {
			Nickname string `json:"nickname"`
		} `json:"meta"`
	}
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &convs), res.stdout)
	require.Len(t, convs, 2)
	nicknames := []string{convs[0].Meta.Nickname, convs[1].Meta.Nickname}
	require.Contains(t, nicknames, "Jane Seed")
	res = crispRun(t, nil, "", "call", "--mock", "--base-url", base, "checkPeopleProfileExists", "website_id="+crisptest.WebsiteID, "people_id=jane@example.com")
	require.Equal(t, "true\n", res.stdout, res.stderr)
	require.Contains(t, mock.stdout.waitFor(t, "HEAD /v1/website/"), "  200  ", "requests are logged")

	// An event pushed through the mock reaches the endpoint listen
	// forwards to, signed.
	sink := newHookSink(t, testSecret)
	listen := crispStart(t, nil, "listen", "--mock", "--base-url", base, "--forward-to", sink.url(), "--secret", testSecret)
	listen.stderr.waitFor(t, "Ready!")
	res = crispRun(t, nil, "", "trigger", "message:send", "--mock", "--base-url", base, "--set", "data.content=through the mock")
	require.Equal(t, 0, res.code, res.stderr)
	require.Contains(t, res.stderr, "to 1 listening socket(s)")
	ev := sink.next(t)
	require.Equal(t, events.MessageSend, ev.Name)
	require.Contains(t, string(ev.Data), `"content":"through the mock"`)
	listen.stdout.waitFor(t, "200 OK")

	require.Equal(t, 0, listen.interrupt(t))
	// No listener left: trigger says so.
	res = crispRun(t, nil, "", "trigger", "message:send", "--mock", "--base-url", base)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "no socket is subscribed to message:send")

	require.Equal(t, 0, mock.interrupt(t), mock.stderr.String())
	res = crispRun(t, nil, "", "trigger", "message:send", "--mock", "--base-url", base)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "no crisp mock at")
}

func TestMockSeedErrors(t *testing.T) {
	dir := t.TempDir()
	for name, tc := range map[string]struct{ seed, want string }{
		"unknown key": {`{"conversation": []}`, `unknown field "conversation"`},
		"bad message": {`{"conversations": [{"messages": [{"type": "text"}]}]}`, "conversations[0].messages[0]: sendMessageInConversation"},
		"bad person":  {`{"people": [{"nickname": 1}]}`, "people[0]: addNewPeopleProfile"},
	} {
		file := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".json")
		require.NoError(t, os.WriteFile(file, []byte(tc.seed), 0o600))
		res := crispRun(t, nil, "", "mock", "--addr", "127.0.0.1:0", "--seed", file)
		require.NotEqual(t, 0, res.code, name)
		require.Contains(t, res.stderr, tc.want, name)
	}
}

func TestMockCredentialsAndStateless(t *testing.T) {
	_, base := startMock(t, "--identifier", "other-id", "--key", "other-key", "--stateless", "--quiet")
	res := crispRun(t, nil, "", "call", "--mock", "--base-url", base, "getConversation", "website_id="+crisptest.WebsiteID, "session_id=session_x")
	require.Equal(t, exitFailure, res.code, "the default token is refused")
	require.Contains(t, res.stderr, "401")
	res = crispRun(t, nil, "", "call", "--mock", "--base-url", base, "--identifier", "other-id", "--key", "other-key", "getConversation", "website_id="+crisptest.WebsiteID, "session_id=session_x")
	require.Equal(t, 0, res.code, "stateless: every route answers its example: %s", res.stderr)
	require.Contains(t, res.stdout, `"session_id"`)
}
