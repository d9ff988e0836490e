package main

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"go.yaml.in/yaml/v3"
)

func TestEventIdent(t *testing.T) {
	for name, want := range map[string]string{
		"message:send":                          "MessageSend",
		"session:update_availability":           "SessionUpdateAvailability",
		"bucket:url:upload:generated":           "BucketURLUploadGenerated",
		"website:update_operators_availability": "WebsiteUpdateOperatorsAvailability",
		"plugin:id:api":                         "PluginIDAPI",
		"email:track2:view":                     "EmailTrack2View",
	} {
		got, err := eventIdent(name)
		if err != nil || got != want {
			t.Errorf("eventIdent(%q) = %q, %v; want %q", name, got, err, want)
		}
	}
	for _, name := range []string{"", "Message:send", "message::send", "message:", ":send", "message send", "message-send", "2fa:sent"} {
		if got, err := eventIdent(name); err == nil {
			t.Errorf("eventIdent(%q) = %q, want an error", name, got)
		}
	}
}

// eventSpec builds a spec whose components.schemas is schemas (YAML,
// indented by six spaces).
func eventSpec(t *testing.T, schemas string) *openapi3.T {
	t.Helper()
	src := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
	doc, err := openapi3.NewLoader().LoadFromData([]byte(src))
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	return doc
}

func TestSpecEvents(t *testing.T) {
	doc := eventSpec(t, `
    EventMessageSend:
      type: object
      description: 'Payload of the message:send event: a visitor sent a message.'
      x-crisp-event: message:send
    EventAck:
      type: object
      description: 'Payload of the ack:read and ack:delivered
        events: messages were read, or delivered.'
      x-crisp-events: [ack:read, ack:delivered]
    Other:
      type: string
`)
	evs, err := specEvents(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ev := range evs {
		got = append(got, ev.Name+" "+ev.Ident+" "+ev.Schema+" "+strings.Join(ev.Shared, ",")+" | "+ev.Meaning())
	}
	want := []string{
		"ack:delivered AckDelivered EventAck ack:read,ack:delivered | , one of the events ack:read and ack:delivered: messages were read, or delivered.",
		"ack:read AckRead EventAck ack:read,ack:delivered | , one of the events ack:read and ack:delivered: messages were read, or delivered.",
		"message:send MessageSend EventMessageSend  | : a visitor sent a message.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSpecEventsRefusesWhatItCannotGenerate(t *testing.T) {
	const ok = `
    EventMessageSend:
      description: 'Payload of the message:send event: a visitor sent a message.'
      x-crisp-event: message:send
`
	for name, tc := range map[string]struct{ schemas, err string }{
		"no event": {`
    Other: {type: string}
`, "no schema has x-crisp-event"},
		"claimed twice": {ok + `
    EventMessageSendAgain:
      description: 'Payload of the message:send event: again.'
      x-crisp-event: message:send
`, "claimed by"},
		"named twice in one schema": {`
    EventAck:
      description: 'Payload of the ack:read and ack:read events: read.'
      x-crisp-events: [ack:read, ack:read]
`, "named twice"},
		"not a string": {`
    EventAck:
      description: 'Payload of the 1 event: x.'
      x-crisp-event: 1
`, "not a string"},
		"not a list": {`
    EventAck:
      description: 'Payload of the ack:read event: x.'
      x-crisp-events: ack:read
`, "not a list"},
		"empty list": {`
    EventAck:
      description: 'Payload of the  events: x.'
      x-crisp-events: []
`, "not a list"},
		"list of non-strings": {`
    EventAck:
      description: 'Payload of the ack:read event: x.'
      x-crisp-events: [{name: ack:read}]
`, "not a string"},
		"bad name": {`
    EventAckRead:
      description: 'Payload of the Ack:Read event: x.'
      x-crisp-event: Ack:Read
`, "not an event name"},
		"description off convention": {`
    EventMessageSend:
      description: A visitor sent a message.
      x-crisp-event: message:send
`, "does not start with"},
		"description names other events": {`
    EventAck:
      description: 'Payload of the ack:read event: read or delivered.'
      x-crisp-events: [ack:read, ack:delivered]
`, "names the events"},
		"schema not Event*": {`
    MessageSend:
      description: 'Payload of the message:send event: x.'
      x-crisp-event: message:send
`, "starts with Event"},
		"schema name off the event": {`
    EventMessageSent:
      description: 'Payload of the message:send event: x.'
      x-crisp-event: message:send
`, "is named EventMessageSend"},
		"same Go identifier": {`
    EventAB:
      description: 'Payload of the a:b_c and a_b:c events: x.'
      x-crisp-events: [a:b_c, a_b:c]
`, "both ABC in Go"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := specEvents(eventSpec(t, tc.schemas))
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err = %v, want one containing %q", err, tc.err)
			}
		})
	}
}

func TestGoTypeName(t *testing.T) {
	doc := eventSpec(t, `
    EventA: {type: object}
    EventB: {type: object, x-go-name: BeeEvent}
    EventC: {type: object, x-go-name: 3}
`)
	for schema, want := range map[string]string{"EventA": "EventA", "EventB": "BeeEvent"} {
		if got, err := goTypeName(doc, schema); err != nil || got != want {
			t.Errorf("goTypeName(%s) = %q, %v; want %q", schema, got, err, want)
		}
	}
	for _, schema := range []string{"EventC", "EventD"} {
		if got, err := goTypeName(doc, schema); err == nil {
			t.Errorf("goTypeName(%s) = %q, want an error", schema, got)
		}
	}
	if _, err := goTypeName(nil, "EventA"); err == nil {
		t.Error("goTypeName without a Go spec: no error")
	}
}

func TestDocComment(t *testing.T) {
	text := strings.Repeat("word ", 40) + "end."
	got := docComment("\t", text)
	lines := strings.Split(got, "\n")
	if len(lines) < 3 {
		t.Fatalf("not wrapped:\n%s", got)
	}
	var words []string
	for _, l := range lines {
		if !strings.HasPrefix(l, "\t// ") || len(l) > len("\t// ")+77 {
			t.Errorf("line %q", l)
		}
		words = append(words, strings.Fields(strings.TrimPrefix(l, "\t// "))...)
	}
	if strings.Join(words, " ") != strings.TrimSpace(text) {
		t.Errorf("words changed:\n%s", got)
	}
}

// TestEventsAreUpToDate checks that the files of package events are what
// the spec generates (so that an edit of openapi.yaml without `go
// generate` fails here), and that generating is deterministic.
func TestEventsAreUpToDate(t *testing.T) {
	root := filepath.Join("..", "..")
	ctx, err := load(root)
	if err != nil {
		t.Fatal(err)
	}
	first, err := genEvents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again, err := genEvents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || len(first) != len(again) {
		t.Fatalf("%d files, then %d", len(first), len(again))
	}
	for i, f := range first {
		if f.Path != again[i].Path || !bytes.Equal(f.Content, again[i].Content) {
			t.Errorf("%s: two runs differ", f.Path)
		}
		content := f.Content
		if strings.HasSuffix(f.Path, ".go") {
			if content, err = format.Source(content); err != nil {
				t.Fatalf("%s: %v", f.Path, err)
			}
		}
		if !strings.HasPrefix(string(content), "# Code generated by crispgen") &&
			!strings.HasPrefix(string(content), "// Code generated by crispgen from openapi.yaml. DO NOT EDIT.\n") {
			t.Errorf("%s: no generated-code header", f.Path)
		}
		disk, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.Path)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(disk, content) {
			t.Errorf("%s is stale: run `go -C tools run ./crispgen -root .. -only events`", f.Path)
		}
	}
}

func TestYAMLString(t *testing.T) {
	for _, s := range []string{"plain", "a: b # c", `say "hi" & <b>`, "`type` is never `note`", "- item", "two\nlines", "été", "", "1.0", "true"} {
		q, err := yamlString(s)
		if err != nil {
			t.Fatal(err)
		}
		var got map[string]any
		if err := yaml.Unmarshal([]byte("k: "+q+"\n"), &got); err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		if got["k"] != s {
			t.Errorf("%q reads back as %#v, want %q", q, got["k"], s)
		}
	}
}

func TestAsyncAPIDocument(t *testing.T) {
	doc := eventSpec(t, `
    EventMessageSend:
      type: object
      description: 'Payload of the message:send event: a message a visitor sent (`+"`type`"+` is never: "note").'
      x-crisp-event: message:send
    EventAck:
      type: object
      description: 'Payload of the ack:read and ack:delivered events: messages were read, or delivered.'
      x-crisp-events: [ack:read, ack:delivered]
`)
	ctx := &genContext{Spec: doc, Go: doc}
	if _, err := genEvents(ctx); err == nil {
		t.Fatal("a spec without info.license: no error")
	}
	doc.Info.License = &openapi3.License{Name: "MIT", URL: "https://opensource.org/licenses/MIT"}
	files, err := genEvents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var src []byte
	for _, f := range files {
		if f.Path == "asyncapi.yaml" {
			src = f.Content
		}
	}
	var got struct {
		AsyncAPI string `yaml:"asyncapi"`
		Info     struct {
			Version string `yaml:"version"`
		} `yaml:"info"`
		Channels map[string]struct {
			Messages map[string]struct {
				Ref string `yaml:"$ref"`
			} `yaml:"messages"`
		} `yaml:"channels"`
		Components struct {
			Messages map[string]struct {
				Name        string `yaml:"name"`
				Summary     string `yaml:"summary"`
				Description string `yaml:"description"`
				Payload     struct {
					SchemaFormat string `yaml:"schemaFormat"`
					Schema       struct {
						Ref        string `yaml:"$ref"`
						Properties struct {
							Event struct {
								Enum []string `yaml:"enum"`
							} `yaml:"event"`
							Data struct {
								Ref string `yaml:"$ref"`
							} `yaml:"data"`
						} `yaml:"properties"`
					} `yaml:"schema"`
				} `yaml:"payload"`
			} `yaml:"messages"`
		} `yaml:"components"`
	}
	if err := yaml.Unmarshal(src, &got); err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	if got.AsyncAPI != "3.0.0" || got.Info.Version != "1" {
		t.Errorf("asyncapi %q, version %q", got.AsyncAPI, got.Info.Version)
	}
	const oas = "application/vnd.oai.openapi;version=3.0.0"
	for _, ev := range []struct{ name, ident, schema, summary string }{
		{"message:send", "MessageSend", "EventMessageSend", "A message a visitor sent (`type` is never: \"note\")."},
		{"ack:read", "AckRead", "EventAck", "Messages were read, or delivered."},
		{"ack:delivered", "AckDelivered", "EventAck", "Messages were read, or delivered."},
	} {
		ref := "./openapi.yaml#/components/schemas/" + ev.schema
		for channel, msg := range map[string]string{"rtm": ev.ident, "webhook": ev.ident + "WebHook"} {
			if r := got.Channels[channel].Messages[ev.ident].Ref; r != "#/components/messages/"+msg {
				t.Errorf("channel %s, %s: $ref %q", channel, ev.name, r)
			}
			m := got.Components.Messages[msg]
			if m.Name != ev.name || m.Summary != ev.summary || m.Payload.SchemaFormat != oas {
				t.Errorf("message %s: name %q, summary %q, format %q", msg, m.Name, m.Summary, m.Payload.SchemaFormat)
			}
			if ev.schema == "EventAck" && !strings.Contains(m.Description, "ack:read and ack:delivered share this data") {
				t.Errorf("message %s: description %q", msg, m.Description)
			}
		}
		if r := got.Components.Messages[ev.ident].Payload.Schema.Ref; r != ref {
			t.Errorf("RTM %s: payload %q", ev.name, r)
		}
		hook := got.Components.Messages[ev.ident+"WebHook"].Payload.Schema.Properties
		if hook.Data.Ref != ref || len(hook.Event.Enum) != 1 || hook.Event.Enum[0] != ev.name {
			t.Errorf("web hook %s: data %q, event %q", ev.name, hook.Data.Ref, hook.Event.Enum)
		}
	}
	if n := len(got.Channels["webhook"].Messages); n != 3 {
		t.Errorf("web hook channel: %d messages, want 3", n)
	}
}
