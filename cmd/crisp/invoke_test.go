package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// rawParam returns a command-line value for p, distinct for each path
// parameter (n is its position) so that a swapped order shows.
func rawParam(t *testing.T, p *param, n int) string {
	t.Helper()
	s := p.Schema
	switch {
	case p.JSON:
		b, err := json.Marshal(sample(&openapi3.SchemaRef{Value: s}))
		require.NoError(t, err)
		return string(b)
	case s.Type.Is("array"):
		return scalarRaw(s.Items.Value, p.Name, n)
	}
	return scalarRaw(s, p.Name, n)
}

func scalarRaw(s *openapi3.Schema, name string, n int) string {
	switch {
	case len(s.Enum) > 0:
		return fmt.Sprint(s.Enum[0])
	case s.Type.Is("integer"):
		return fmt.Sprint(100 + n)
	case s.Type.Is("number"):
		return "1.5"
	case s.Type.Is("boolean"):
		return "true"
	case s.Format == "date-time":
		return "2024-10-17T12:00:00Z"
	}
	return "v-" + name
}

// TestEveryOperationHasItsClientMethod calls the generated client method
// of every operation of openapi.yaml, as crisp call does, with every
// parameter set, and checks the request it builds (stopped before it is
// sent): the method, the path with each path parameter in its place, and
// every query parameter.
func TestEveryOperationHasItsClientMethod(t *testing.T) {
	s, err := loadSpec()
	require.NoError(t, err)
	require.Len(t, s.ops, len(crisptest.Start(t).Operations()))
	client, err := crisp.New(crisp.WithToken(crisp.TierPlugin, "identifier", "key"), crisp.WithBaseURL("http://127.0.0.1:1/v1/"))
	require.NoError(t, err)
	errStop := errors.New("stop before sending")

	for _, op := range s.ops {
		values := map[string]any{}
		wantPath := op.Path
		for i, p := range op.Params {
			raw := rawParam(t, p, i)
			v, err := parseValue(p, raw)
			require.NoError(t, err, "%s: %s=%s", op.ID, p.Name, raw)
			values[p.Name] = v
			if p.In == "path" {
				wantPath = strings.Replace(wantPath, "{"+p.Name+"}", raw, 1)
			}
		}
		req := apiRequest{op: op, values: values}
		if op.Body != nil {
			req.body = []byte(`{"k":1}`)
		}
		m, err := apiMethod(client.API(), op)
		require.NoError(t, err)
		args, err := methodArgs(t.Context(), m.Type(), req)
		require.NoError(t, err, op.ID)

		var got *http.Request
		editor := api.RequestEditorFn(func(_ context.Context, r *http.Request) error {
			got = r
			return errStop
		})
		out := m.Call(append(args, reflect.ValueOf(editor)))
		callErr, _ := out[1].Interface().(error)
		require.ErrorIs(t, callErr, errStop, op.ID)
		require.Equal(t, op.Method, got.Method, op.ID)
		require.Equal(t, "/v1"+wantPath, got.URL.Path, op.ID)
		for _, p := range op.Params {
			if p.In == "query" {
				require.True(t, got.URL.Query().Has(p.Name), "%s: query parameter %s not sent: %s", op.ID, p.Name, got.URL.RawQuery)
			}
		}
		if op.Body != nil {
			require.Equal(t, "application/json", got.Header.Get("Content-Type"), op.ID)
		}
	}
}

func TestParseValue(t *testing.T) {
	flag := &param{Name: "f", Schema: &openapi3.Schema{Type: &openapi3.Types{"integer"}, Enum: []any{float64(0), float64(1)}}}
	for raw, want := range map[string]any{"1": int64(1), "0": int64(0), "true": int64(1), "false": int64(0)} {
		v, err := parseValue(flag, raw)
		require.NoError(t, err, raw)
		require.Equal(t, want, v, raw)
	}
	_, err := parseValue(flag, "2")
	require.ErrorContains(t, err, `"2" is not one of 0, 1`)

	date := &param{Name: "d", Schema: &openapi3.Schema{Type: &openapi3.Types{"string"}, Format: "date-time"}}
	v, err := parseValue(date, "2024-10-17")
	require.NoError(t, err)
	require.Equal(t, "2024-10-17T00:00:00Z", v)

	list := &param{Name: "l", Schema: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"integer"}}}}}
	v, err = parseValue(list, "1,2")
	require.NoError(t, err)
	require.Equal(t, []any{int64(1), int64(2)}, v)
	_, err = parseValue(list, "1,x")
	require.ErrorContains(t, err, `"x" is not an integer`)

	b := &param{Name: "b", Schema: &openapi3.Schema{Type: &openapi3.Types{"boolean"}}}
	_, err = parseValue(b, "maybe")
	require.ErrorContains(t, err, "not a boolean")

	js := &param{Name: "j", JSON: true, Schema: &openapi3.Schema{}}
	_, err = parseValue(js, "[nope")
	require.ErrorContains(t, err, "is not JSON")
}

func TestParseArgsRepeatsArrays(t *testing.T) {
	op := &operation{ID: "op", Params: []*param{
		{Name: "ids", In: "query", Schema: &openapi3.Schema{Type: &openapi3.Types{"array"}, Items: &openapi3.SchemaRef{Value: &openapi3.Schema{Type: &openapi3.Types{"string"}}}}},
		{Name: "one", In: "query", Schema: &openapi3.Schema{Type: &openapi3.Types{"string"}}},
	}}
	v, err := parseArgs(op, []string{"ids=a,b", "ids=c", "one=x=y"})
	require.NoError(t, err)
	require.Equal(t, map[string]any{"ids": []any{"a", "b", "c"}, "one": "x=y"}, v)
	_, err = parseArgs(op, []string{"one=a", "one=b"})
	require.ErrorContains(t, err, "given twice")
}

func TestClosest(t *testing.T) {
	ops := []string{"listConversations", "listConversationEvents", "getConversation", "listPeopleProfiles"}
	for in, want := range map[string]string{
		"listConversation":  "listConversations",
		"ListConversations": "listConversations",
		"getconversation":   "getConversation",
		"listPeople":        "listPeopleProfiles",
	} {
		got, ok := closest(in, ops)
		require.True(t, ok, in)
		require.Equal(t, want, got, in)
	}
	_, ok := closest("removeWebsite", ops)
	require.False(t, ok, "nothing close")
	require.Empty(t, didYouMean("zzz", ops))
}
