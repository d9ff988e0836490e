package main

import (
	"bytes"
	"embed"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"text/template"

	"github.com/getkin/kin-openapi/openapi3"
)

func init() { register("events", genEvents) }

//go:embed templates/events*.tmpl
var eventTemplates embed.FS

// specEvent is one event of the spec: a name of an x-crisp-event or
// x-crisp-events extension of an Event* schema.
type specEvent struct {
	// Name is the event name, such as "message:send".
	Name string
	// Ident is the Go identifier of the name, such as "MessageSend".
	Ident string
	// Schema is the name of the payload schema, such as
	// "EventMessageSend".
	Schema string
	// GoType is the name of the Go type of the payload in package api:
	// the schema name, or its x-go-name in the Go spec.
	GoType string
	// Summary is what happened, from the schema description (the text
	// after "Payload of the … event:"), such as "a visitor started a
	// conversation.".
	Summary string
	// Shared are all the events of the schema, in spec order, when it
	// has more than one; empty otherwise.
	Shared []string
}

// Meaning is what follows the event name in the docs of its constant and
// handler method: ": <summary>", or for an event that shares its schema
// ", one of the events a, b and c: <summary>" (the summary then
// enumerates what each of them means, in that order).
func (e specEvent) Meaning() string {
	if len(e.Shared) == 0 {
		return ": " + e.Summary
	}
	return ", one of the events " + joinNames(e.Shared) + ": " + e.Summary
}

// eventGroup is the events whose names share their first segment.
type eventGroup struct {
	// Title is the first segment, capitalised ("Session").
	Title  string
	Events []specEvent
}

// genEvents writes the event tables of package events and the AsyncAPI
// document of the events.
func genEvents(ctx *genContext) ([]genFile, error) {
	evs, err := specEvents(ctx.Spec)
	if err != nil {
		return nil, err
	}
	for i, ev := range evs {
		evs[i].GoType, err = goTypeName(ctx.Go, ev.Schema)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ev.Name, err)
		}
	}
	data := struct {
		Events []specEvent
		Groups []eventGroup
	}{evs, groupEvents(evs)}
	var files []genFile
	for _, f := range []struct{ tmpl, path string }{
		{"events_names.go.tmpl", "events/names.gen.go"},
		{"events_typed.go.tmpl", "events/typed.gen.go"},
	} {
		b, err := execEventTemplate(f.tmpl, data)
		if err != nil {
			return nil, err
		}
		files = append(files, genFile{Path: f.path, Content: b})
	}
	doc, err := genAsyncAPI(ctx, evs)
	if err != nil {
		return nil, err
	}
	return append(files, doc), nil
}

// goTypeName returns the name of the Go type that package api declares
// for the schema: its x-go-name in the Go spec, or its name.
func goTypeName(goSpec *openapi3.T, schema string) (string, error) {
	if goSpec == nil || goSpec.Components == nil {
		return "", fmt.Errorf("no Go spec")
	}
	ref := goSpec.Components.Schemas[schema]
	if ref == nil || ref.Value == nil {
		return "", fmt.Errorf("no schema %s in the Go spec", schema)
	}
	if v, ok := ref.Value.Extensions["x-go-name"]; ok {
		name, ok := v.(string)
		if !ok || name == "" {
			return "", fmt.Errorf("%s: x-go-name is %v, not a name", schema, v)
		}
		return name, nil
	}
	return schema, nil
}

func execEventTemplate(name string, data any) ([]byte, error) {
	t, err := template.New(name).Funcs(template.FuncMap{
		"comment": docComment,
		"join":    joinNames,
		"yaml":    yamlString,
	}).ParseFS(eventTemplates, "templates/"+name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// eventNameRE is the form of an event name: lower-case words joined by
// ':' or '_'.
var eventNameRE = regexp.MustCompile(`^[a-z][a-z0-9]*(?:[:_][a-z][a-z0-9]*)*$`)

// payloadRE is the convention of the description of an event schema:
// "Payload of the a:b event: what happened." or "Payload of the a:b, c:d
// and e:f events: what happened.".
var payloadRE = regexp.MustCompile(`(?s)^Payload of the (.+?) events?: (.+)$`)

// specEvents returns the events of doc sorted by name, after checking
// that each is named once, that its identifier is unique, and that its
// schema's description follows the convention and names exactly its
// events.
func specEvents(doc *openapi3.T) ([]specEvent, error) {
	if doc.Components == nil {
		return nil, fmt.Errorf("no components")
	}
	var evs []specEvent
	claimed := map[string]string{}
	idents := map[string]string{}
	for _, schema := range slices.Sorted(maps.Keys(doc.Components.Schemas)) {
		ref := doc.Components.Schemas[schema]
		if ref == nil || ref.Value == nil {
			continue
		}
		names, err := schemaEventNames(schema, ref.Value)
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			continue
		}
		if !strings.HasPrefix(schema, "Event") {
			return nil, fmt.Errorf("%s: an event schema's name starts with Event", schema)
		}
		summary, err := eventSummary(schema, ref.Value.Description, names)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			if prev, dup := claimed[n]; dup {
				return nil, fmt.Errorf("event %s is claimed by %s and %s", n, prev, schema)
			}
			claimed[n] = schema
			id, err := eventIdent(n)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", schema, err)
			}
			if prev, dup := idents[id]; dup {
				return nil, fmt.Errorf("events %s and %s are both %s in Go", prev, n, id)
			}
			idents[id] = n
			if len(names) == 1 && "Event"+id != schema {
				return nil, fmt.Errorf("%s: the schema of the one event %s is named Event%s", schema, n, id)
			}
			ev := specEvent{Name: n, Ident: id, Schema: schema, Summary: summary}
			if len(names) > 1 {
				ev.Shared = names
			}
			evs = append(evs, ev)
		}
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("no schema has x-crisp-event or x-crisp-events")
	}
	slices.SortFunc(evs, func(a, b specEvent) int { return strings.Compare(a.Name, b.Name) })
	return evs, nil
}

// schemaEventNames returns the names of x-crisp-event (one string) and
// x-crisp-events (a list of strings) of s, in that order.
func schemaEventNames(schema string, s *openapi3.Schema) ([]string, error) {
	var names []string
	if v, ok := s.Extensions["x-crisp-event"]; ok {
		n, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("%s: x-crisp-event is %T, not a string", schema, v)
		}
		names = append(names, n)
	}
	if v, ok := s.Extensions["x-crisp-events"]; ok {
		list, ok := v.([]any)
		if !ok || len(list) == 0 {
			return nil, fmt.Errorf("%s: x-crisp-events is not a list of names", schema)
		}
		for _, e := range list {
			n, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("%s: x-crisp-events holds %T, not a string", schema, e)
			}
			names = append(names, n)
		}
	}
	for i, n := range names {
		if !eventNameRE.MatchString(n) {
			return nil, fmt.Errorf("%s: %q is not an event name", schema, n)
		}
		if slices.Contains(names[:i], n) {
			return nil, fmt.Errorf("%s: event %s is named twice", schema, n)
		}
	}
	return names, nil
}

// eventSummary checks that desc is "Payload of the <names> event(s):
// <summary>" and returns the summary.
func eventSummary(schema, desc string, names []string) (string, error) {
	desc = strings.Join(strings.Fields(desc), " ")
	m := payloadRE.FindStringSubmatch(desc)
	if m == nil {
		return "", fmt.Errorf("%s: the description does not start with %q", schema, "Payload of the "+joinNames(names)+" event: ")
	}
	if want := joinNames(names); m[1] != want {
		return "", fmt.Errorf("%s: the description names the events %q, want %q", schema, m[1], want)
	}
	return m[2], nil
}

// joinNames lists names in English: "a", "a and b", "a, b and c".
func joinNames(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// initialisms are the words Go spells in capitals (the list of golint and
// oapi-codegen).
var initialisms = map[string]bool{
	"acl": true, "api": true, "ascii": true, "cpu": true, "css": true, "dns": true,
	"eof": true, "guid": true, "html": true, "http": true, "https": true, "id": true,
	"ip": true, "json": true, "lhs": true, "qps": true, "ram": true, "rhs": true,
	"rpc": true, "sla": true, "smtp": true, "sql": true, "ssh": true, "tcp": true,
	"tls": true, "ttl": true, "udp": true, "ui": true, "uid": true, "uuid": true,
	"uri": true, "url": true, "utf8": true, "vm": true, "xml": true, "xmpp": true,
	"xsrf": true, "xss": true,
}

// eventIdent turns an event name into a Go identifier: each word
// capitalised, initialisms in capitals ("bucket:url:upload:generated" is
// BucketURLUploadGenerated).
func eventIdent(name string) (string, error) {
	if !eventNameRE.MatchString(name) {
		return "", fmt.Errorf("%q is not an event name", name)
	}
	var sb strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ':' || r == '_' }) {
		if initialisms[w] {
			sb.WriteString(strings.ToUpper(w))
			continue
		}
		sb.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return sb.String(), nil
}

// groupEvents groups evs (sorted by name) by the first segment of their
// names.
func groupEvents(evs []specEvent) []eventGroup {
	var out []eventGroup
	for _, ev := range evs {
		seg, _, _ := strings.Cut(ev.Name, ":")
		seg, _, _ = strings.Cut(seg, "_")
		title := strings.ToUpper(seg[:1]) + seg[1:]
		if len(out) == 0 || out[len(out)-1].Title != title {
			out = append(out, eventGroup{Title: title})
		}
		out[len(out)-1].Events = append(out[len(out)-1].Events, ev)
	}
	return out
}

// docComment formats text as a Go comment of lines of at most 77
// characters (80 with the "// " prefix), indented by indent.
func docComment(indent, text string) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && len(line)+1+len(w) > 77 {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	for i, l := range lines {
		lines[i] = indent + "// " + l
	}
	return strings.Join(lines, "\n")
}
