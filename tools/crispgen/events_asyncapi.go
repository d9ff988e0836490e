package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// asyncAPIFile is the AsyncAPI document of the events, at the root.
const asyncAPIFile = "asyncapi.yaml"

// genAsyncAPI renders asyncapi.yaml: the RTM and web hook channels with a
// message per event, whose payload is the event's schema in openapi.yaml.
func genAsyncAPI(ctx *genContext, evs []specEvent) (genFile, error) {
	info := ctx.Spec.Info
	if info == nil || info.Version == "" || info.License == nil {
		return genFile{}, fmt.Errorf("%s: openapi.yaml has no info.version or info.license", asyncAPIFile)
	}
	b, err := execEventTemplate("events_asyncapi.yaml.tmpl", struct {
		Version, LicenseName, LicenseURL string
		Events                           []specEvent
	}{info.Version, info.License.Name, info.License.URL, evs})
	if err != nil {
		return genFile{}, err
	}
	return genFile{Path: asyncAPIFile, Content: b}, nil
}

// Sentence is the summary of the event as a sentence: capitalised.
func (e specEvent) Sentence() string {
	r, n := utf8.DecodeRuneInString(e.Summary)
	return string(unicode.ToUpper(r)) + e.Summary[n:]
}

// yamlString quotes s as a YAML scalar: a JSON string, which YAML reads
// as a double-quoted scalar.
func yamlString(s string) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}
