package events

import (
	"bytes"
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strconv"
	"testing"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/crisp-go/crisp-go/api"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v4"
)

// declaredNames parses names.go and returns its constants of type Name,
// by identifier.
func declaredNames(t *testing.T) map[string]Name {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "names.go", nil, 0)
	require.NoError(t, err)
	out := map[string]Name{}
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			if id, ok := vs.Type.(*ast.Ident); !ok || id.Name != "Name" {
				continue
			}
			for i, n := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				require.True(t, ok, "%s: not a literal", n.Name)
				s, err := strconv.Unquote(lit.Value)
				require.NoError(t, err)
				out[n.Name] = Name(s)
			}
		}
	}
	return out
}

// eventSchemas maps each event name to the schema whose x-crisp-event or
// x-crisp-events names it.
func eventSchemas(t *testing.T, doc *openapi3.T) map[Name]string {
	t.Helper()
	out := map[Name]string{}
	add := func(ev any, schema string) {
		s, ok := ev.(string)
		require.True(t, ok, "%s: event name %v is not a string", schema, ev)
		prev, dup := out[Name(s)]
		require.False(t, dup, "%s is claimed by %s and %s", s, prev, schema)
		out[Name(s)] = schema
	}
	for name, ref := range doc.Components.Schemas {
		ext := ref.Value.Extensions
		if ev, ok := ext["x-crisp-event"]; ok {
			add(ev, name)
		}
		if evs, ok := ext["x-crisp-events"]; ok {
			list, ok := evs.([]any)
			require.True(t, ok, "%s: x-crisp-events is not a list", name)
			for _, ev := range list {
				add(ev, name)
			}
		}
	}
	return out
}

// exactExamples returns the example of every schema as JSON. The YAML is
// read again because kin-openapi turns numbers into float64, which would
// round int64 values above 2^53.
func exactExamples(t *testing.T) map[string][]byte {
	t.Helper()
	var spec struct {
		Components struct {
			Schemas map[string]struct {
				Example any `yaml:"example"`
			} `yaml:"schemas"`
		} `yaml:"components"`
	}
	require.NoError(t, yaml.Unmarshal(crispgo.OpenAPI, &spec))
	out := map[string][]byte{}
	for name, s := range spec.Components.Schemas {
		if s.Example == nil {
			continue
		}
		b, err := json.Marshal(s.Example)
		require.NoError(t, err, name)
		out[name] = b
	}
	return out
}

// decodeExact decodes JSON keeping numbers as written.
func decodeExact(t *testing.T, b []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v))
	return v
}

// dropZerosAbsentFrom deletes from the objects of want the members that
// hold a JSON zero scalar (false, 0, "") and that the object at the same
// place in have lacks: a value-typed optional field with omitempty reads
// such a member as absent. Nothing else is touched.
func dropZerosAbsentFrom(want, have any) {
	switch w := want.(type) {
	case map[string]any:
		h, _ := have.(map[string]any)
		for k, v := range w {
			hv, ok := h[k]
			if !ok && isZeroScalar(v) {
				delete(w, k)
				continue
			}
			dropZerosAbsentFrom(v, hv)
		}
	case []any:
		h, _ := have.([]any)
		for i, v := range w {
			if i < len(h) {
				dropZerosAbsentFrom(v, h[i])
			}
		}
	}
}

func isZeroScalar(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case string:
		return v == ""
	case json.Number:
		f, err := v.Float64()
		return err == nil && f == 0
	}
	return false
}

// hasBigInt reports whether v holds an integer that float64 cannot hold.
func hasBigInt(v any) bool {
	switch v := v.(type) {
	case json.Number:
		n, err := v.Int64()
		return err == nil && (n > 1<<53 || n < -(1<<53))
	case map[string]any:
		for _, e := range v {
			if hasBigInt(e) {
				return true
			}
		}
	case []any:
		for _, e := range v {
			if hasBigInt(e) {
				return true
			}
		}
	}
	return false
}

func TestEveryNameIsListed(t *testing.T) {
	declared := declaredNames(t)
	all := All()
	listed := map[Name]bool{}
	for _, n := range all {
		require.False(t, listed[n], "%s is listed twice", n)
		listed[n] = true
	}
	for id, n := range declared {
		require.True(t, listed[n], "%s (%s) is missing from All()", id, n)
	}
	require.Len(t, all, len(declared), "All() lists names that are not constants")

	all[0] = "changed"
	require.NotEqual(t, Name("changed"), All()[0], "All() must return a copy")
}

func TestEventsHaveSchemasAndTypedHandlers(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData(crispgo.OpenAPI)
	require.NoError(t, err)
	schemas := eventSchemas(t, doc)
	examples := exactExamples(t)
	declared := declaredNames(t)

	listed := map[Name]bool{}
	for _, n := range All() {
		listed[n] = true
	}
	for n, schema := range schemas {
		require.True(t, listed[n], "schema %s names %s, which is not in All()", schema, n)
	}

	routerType := reflect.TypeFor[*Router]()
	ctxType := reflect.TypeFor[context.Context]()
	eventType := reflect.TypeFor[*Event]()
	errType := reflect.TypeFor[error]()
	bigInts := 0

	for id, n := range declared {
		t.Run(string(n), func(t *testing.T) {
			schema, ok := schemas[n]
			require.True(t, ok, "no schema has x-crisp-event(s) %s", n)
			sref := doc.Components.Schemas[schema]
			require.NotEmpty(t, sref.Value.Description, schema)
			require.Contains(t, sref.Value.Description, string(n), "the description of %s names its event", schema)

			typ, ok := PayloadType(n)
			require.True(t, ok, "no payload type")
			require.Equal(t, schema, typ.Name(), "payload type of %s", n)
			require.Equal(t, "github.com/crisp-go/crisp-go/api", typ.PkgPath())

			m, ok := routerType.MethodByName("On" + id)
			require.True(t, ok, "no method Router.On%s", id)
			require.Equal(t, 2, m.Type.NumIn(), "On%s takes one handler", id)
			fnType := m.Type.In(1)
			require.Equal(t, reflect.Func, fnType.Kind())
			require.Equal(t, 3, fnType.NumIn())
			require.Equal(t, ctxType, fnType.In(0))
			require.Equal(t, typ, fnType.In(1), "On%s hands the payload type", id)
			require.Equal(t, eventType, fnType.In(2))
			require.Equal(t, 1, fnType.NumOut())
			require.Equal(t, errType, fnType.Out(0))

			example, ok := examples[schema]
			require.True(t, ok, "%s has no example", schema)
			require.NoError(t, sref.Value.VisitJSON(decodeLoose(t, example)), "example of %s validates", schema)
			if hasBigInt(decodeExact(t, example)) {
				bigInts++
			}

			// Register through the typed method and dispatch the example.
			r := NewRouter()
			var got reflect.Value
			handler := reflect.MakeFunc(fnType, func(args []reflect.Value) []reflect.Value {
				got = args[1]
				return []reflect.Value{reflect.Zero(errType)}
			})
			reflect.ValueOf(r).MethodByName("On" + id).Call([]reflect.Value{handler})
			require.Equal(t, []Name{n}, r.Names())
			require.NoError(t, r.Dispatch(t.Context(), &Event{Name: n, Data: example}))
			require.True(t, got.IsValid(), "handler not called")

			again, err := json.Marshal(got.Interface())
			require.NoError(t, err)
			// Optional fields of event payloads are value types (no
			// pointer): an explicit false, 0 or "" in the example reads
			// the same as an absent field and is left out on re-encode.
			// Everything else must come back exactly.
			want, have := decodeExact(t, example), decodeExact(t, again)
			dropZerosAbsentFrom(want, have)
			require.Equal(t, want, have,
				"%s: example\n%s\nre-encoded as\n%s", schema, example, again)

			v, err := Decode(&Event{Name: n, Data: example})
			require.NoError(t, err)
			require.Equal(t, got.Interface(), v)
		})
	}
	require.Positive(t, bigInts, "no example holds an int64 above 2^53")
}

// decodeLoose decodes JSON the way kin-openapi expects values (float64
// numbers).
func decodeLoose(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	return v
}

func TestBigFingerprintSurvives(t *testing.T) {
	const fp = int64(1)<<53 + 1
	require.NotEqual(t, fp, int64(float64(fp)), "the value must be one float64 rounds")
	data := []byte(`{"website_id":"w","session_id":"s","type":"text","from":"user","origin":"chat",` +
		`"content":"hi","fingerprint":` + strconv.FormatInt(fp, 10) + `,"timestamp":1,"user":{}}`)
	r := NewRouter()
	var got int64
	r.OnMessageSend(func(_ context.Context, m api.EventMessageSend, _ *Event) error {
		got = m.Fingerprint
		return nil
	})
	require.NoError(t, r.Dispatch(t.Context(), &Event{Name: MessageSend, Data: data}))
	require.Equal(t, fp, got)
}

func TestDecodeErrors(t *testing.T) {
	_, err := Decode(&Event{Name: "nope:nope", Data: []byte(`{}`)})
	require.Error(t, err)
	_, err = Decode(&Event{Name: MessageSend, Data: []byte(`[1]`)})
	require.ErrorIs(t, err, ErrMalformed)
	typ, ok := PayloadType("nope:nope")
	require.False(t, ok)
	require.Nil(t, typ)
}
