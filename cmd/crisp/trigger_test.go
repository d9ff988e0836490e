package main

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

func TestTriggerSendsSignedSample(t *testing.T) {
	sink := newHookSink(t, testSecret)
	res := crispRun(t, nil, "", "trigger", "message:send", "--to", sink.url(), "--secret", testSecret,
		"--set", "data.content=hello", "--set", "data.from=user", "--set", "data.fingerprint=42", "--set", `data.user.nickname="007"`)
	require.Equal(t, 0, res.code, res.stderr)
	require.Contains(t, res.stderr, "Sent message:send to "+sink.url()+", signed: 200 OK")

	ev := sink.next(t)
	require.Equal(t, events.MessageSend, ev.Name)
	require.Equal(t, crisptest.WebsiteID, ev.WebsiteID, "website_id follows data.website_id")
	decoded, err := events.Decode(ev)
	require.NoError(t, err)
	m := decoded.(api.EventMessageSend)
	require.Equal(t, api.MessageFromUser, m.From)
	require.Equal(t, int64(42), m.Fingerprint)
	require.Equal(t, "007", m.User.Nickname, "a quoted value stays a string")
	require.JSONEq(t, `"hello"`, string(mustJSON(t, m.Content)))

	// The secret from the environment; a wrong one is refused by the
	// endpoint, and trigger says so.
	res = crispRun(t, []string{"CRISP_HOOK_SECRET=" + testSecret}, "", "trigger", "session:set_state", "--to", sink.url())
	require.Equal(t, 0, res.code, res.stderr)
	require.Equal(t, events.SessionSetState, sink.next(t).Name)
	res = crispRun(t, nil, "", "trigger", "session:set_state", "--to", sink.url(), "--secret", "wrong")
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "the endpoint answered 401 Unauthorized")
	res = crispRun(t, nil, "", "trigger", "session:set_state", "--to", sink.url())
	require.Equal(t, exitFailure, res.code, "an unsigned hook is refused by an endpoint with a secret")
	require.Contains(t, res.stderr, "unsigned")
}

func TestTriggerListAndRefusals(t *testing.T) {
	res := crispRun(t, nil, "", "trigger", "--list")
	require.Equal(t, 0, res.code, res.stderr)
	for _, n := range events.All() {
		require.Regexp(t, `(?m)^`+string(n)+`\s+Event`, res.stdout)
	}

	res = crispRun(t, nil, "", "trigger", "message:sent", "--print-json")
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, `unknown event "message:sent"; did you mean "message:send"?`)

	res = crispRun(t, nil, "", "trigger", "message:send")
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "--to URL")

	res = crispRun(t, nil, "", "trigger", "message:send", "--print-json", "--set", "data.mentions=[1]", "--set", "data.mentions.5=x")
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "is not an index of it")

	res = crispRun(t, nil, "", "trigger", "message:send", "--print-json", "--set", "website_id=other", "--set", "extra.n=1")
	require.Equal(t, 0, res.code, res.stderr)
	var hook map[string]any
	require.NoError(t, json.Unmarshal([]byte(res.stdout), &hook))
	require.Equal(t, "other", hook["website_id"], "an explicit website_id wins")
	require.Equal(t, map[string]any{"n": float64(1)}, hook["extra"])
}

// TestTriggerSamplesMatchTheirSchemas builds the sample of every event and
// checks it against its payload schema, and that package events decodes
// it into the event's type.
func TestTriggerSamplesMatchTheirSchemas(t *testing.T) {
	s, err := loadSpec()
	require.NoError(t, err)
	for _, name := range events.All() {
		spec, ok := s.events[string(name)]
		require.True(t, ok, "no payload schema for %s", name)
		body, _, err := triggerBody(string(name), nil, time.UnixMilli(1729162880114))
		require.NoError(t, err, name)
		var hook struct {
			WebsiteID string          `json:"website_id"`
			Event     string          `json:"event"`
			Data      json.RawMessage `json:"data"`
			Timestamp int64           `json:"timestamp"`
		}
		require.NoError(t, json.Unmarshal(body, &hook))
		require.Equal(t, string(name), hook.Event)
		require.Equal(t, int64(1729162880114), hook.Timestamp)
		require.NotEmpty(t, hook.WebsiteID)

		var data any
		require.NoError(t, json.Unmarshal(hook.Data, &data))
		require.NoError(t, spec.Schema.Value.VisitJSON(data, openapi3.MultiErrors()), "%s: %s", name, hook.Data)
		_, err = events.Decode(&events.Event{Name: name, Data: hook.Data})
		require.NoError(t, err, name)
	}
}

func TestSetPath(t *testing.T) {
	root := map[string]any{"data": map[string]any{"list": []any{"a", map[string]any{}}, "s": "x"}}
	require.NoError(t, setPath(root, "data.list.1.k", true))
	require.NoError(t, setPath(root, "data.s.deep", 1))
	require.NoError(t, setPath(root, "new.path", "v"))
	require.Equal(t, map[string]any{
		"data": map[string]any{"list": []any{"a", map[string]any{"k": true}}, "s": map[string]any{"deep": 1}},
		"new":  map[string]any{"path": "v"},
	}, root)
	require.Error(t, setPath(root, "data..x", 1))

	require.Equal(t, json.Number("9007199254740993"), setValue("9007199254740993"), "digits kept")
	require.Equal(t, "hello world", setValue("hello world"))
	require.Equal(t, "1 2", setValue("1 2"), "not one JSON value")
	require.Nil(t, setValue("null"))
}

func TestHookBody(t *testing.T) {
	// Data encoded by Go (HTML escapes, spaces) is written as JavaScript
	// writes it; the keys keep their order.
	b, err := hookBody("w", "message:send", json.RawMessage(`{"z": "\u003cb\u003e", "a": 1.0}`), 5)
	require.NoError(t, err)
	require.Equal(t, `{"website_id":"w","event":"message:send","data":{"z":"<b>","a":1},"timestamp":5}`, string(b))
	// An integer JavaScript cannot hold is kept as it came.
	b, err = hookBody("w", "e", json.RawMessage(`{"n": 9007199254740993}`), 5)
	require.NoError(t, err)
	require.Equal(t, `{"website_id":"w","event":"e","data":{"n":9007199254740993},"timestamp":5}`, string(b))
	_, err = hookBody("w", "e", json.RawMessage(`{nope`), 5)
	require.Error(t, err)
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}
