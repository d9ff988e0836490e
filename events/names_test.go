package events

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/crisp-go/crisp-go/api"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v4"
)

// loadSpec loads the embedded openapi.yaml.
func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(crispgo.OpenAPI)
	require.NoError(t, err)
	return doc
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
	require.NotEmpty(t, out, "the spec names no event")
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

// decodeLoose decodes JSON the way kin-openapi expects values (float64
// numbers).
func decodeLoose(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
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

// typedMethod is a method On<Event> of Router.
type typedMethod struct {
	name string
	fn   reflect.Type // the type of its handler
}

// typedMethods returns the typed handler methods of Router, by the event
// name each one registers its handler for (found by calling it).
func typedMethods(t *testing.T) map[Name]typedMethod {
	t.Helper()
	ctxType := reflect.TypeFor[context.Context]()
	eventType := reflect.TypeFor[*Event]()
	errType := reflect.TypeFor[error]()
	rt := reflect.TypeFor[*Router]()
	out := map[Name]typedMethod{}
	for m := range rt.Methods() {
		if !strings.HasPrefix(m.Name, "On") {
			continue
		}
		require.Equal(t, 2, m.Type.NumIn(), "%s takes one handler", m.Name)
		fnType := m.Type.In(1)
		require.Equal(t, reflect.Func, fnType.Kind(), m.Name)
		require.Equal(t, 3, fnType.NumIn(), m.Name)
		require.Equal(t, ctxType, fnType.In(0), m.Name)
		require.Equal(t, eventType, fnType.In(2), m.Name)
		require.Equal(t, 1, fnType.NumOut(), m.Name)
		require.Equal(t, errType, fnType.Out(0), m.Name)

		r := NewRouter()
		register(r, m.Name, fnType, func(reflect.Value) {})
		names := r.Names()
		require.Len(t, names, 1, "%s registers one event", m.Name)
		prev, dup := out[names[0]]
		require.False(t, dup, "%s and %s both register %s", prev.name, m.Name, names[0])
		out[names[0]] = typedMethod{m.Name, fnType}
	}
	return out
}

// register calls the typed method named method of r with a handler that
// hands its data to got.
func register(r *Router, method string, fnType reflect.Type, got func(reflect.Value)) {
	handler := reflect.MakeFunc(fnType, func(args []reflect.Value) []reflect.Value {
		got(args[1])
		return []reflect.Value{reflect.Zero(fnType.Out(0))}
	})
	reflect.ValueOf(r).MethodByName(method).Call([]reflect.Value{handler})
}

// squash lower-cases s and drops what is not a letter or digit:
// "OnBucketURLUploadGenerated" and "bucket:url:upload:generated" are
// both "bucketurluploadgenerated" once "On" is cut.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			return r
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		}
		return -1
	}, s)
}

func TestAllIsEveryEventOfTheSpec(t *testing.T) {
	schemas := eventSchemas(t, loadSpec(t))
	all := All()
	require.True(t, slices.IsSorted(all), "All() is sorted")
	require.Len(t, slices.Compact(slices.Clone(all)), len(all), "All() lists a name twice")
	var want []Name
	for n := range schemas {
		want = append(want, n)
	}
	slices.Sort(want)
	require.Equal(t, want, all, "All() is every event of openapi.yaml")

	all[0] = "changed"
	require.NotEqual(t, Name("changed"), All()[0], "All() must return a copy")
}

func TestEveryEventHasATypedHandlerThatDecodesItsExample(t *testing.T) {
	doc := loadSpec(t)
	schemas := eventSchemas(t, doc)
	examples := exactExamples(t)
	methods := typedMethods(t)

	for n, m := range methods {
		_, ok := schemas[n]
		require.True(t, ok, "Router.%s registers %s, which openapi.yaml does not name", m.name, n)
	}

	bigInts := 0
	for n, schema := range schemas {
		t.Run(string(n), func(t *testing.T) {
			m, ok := methods[n]
			require.True(t, ok, "no typed method registers %s", n)
			require.Equal(t, squash(string(n)), squash(strings.TrimPrefix(m.name, "On")), "method %s for %s", m.name, n)

			sref := doc.Components.Schemas[schema]
			require.Contains(t, sref.Value.Description, string(n), "the description of %s names its event", schema)

			typ, ok := PayloadType(n)
			require.True(t, ok, "no payload type")
			require.Equal(t, schema, typ.Name(), "payload type of %s", n)
			require.Equal(t, "github.com/crisp-go/crisp-go/api", typ.PkgPath())
			require.Equal(t, typ, m.fn.In(1), "%s hands the payload type", m.name)

			example, ok := examples[schema]
			require.True(t, ok, "%s has no example", schema)
			require.NoError(t, sref.Value.VisitJSON(decodeLoose(t, example)), "example of %s validates", schema)
			if hasBigInt(decodeExact(t, example)) {
				bigInts++
			}

			// Register through the typed method and dispatch the example.
			r := NewRouter()
			var got reflect.Value
			calls := 0
			register(r, m.name, m.fn, func(v reflect.Value) { got = v; calls++ })
			var unknown []Name
			r.HandleUnknown(func(_ context.Context, ev *Event) error {
				unknown = append(unknown, ev.Name)
				return nil
			})
			require.Equal(t, []Name{n}, r.Names())
			require.NoError(t, r.Dispatch(t.Context(), &Event{Name: n, Data: example}))
			require.Equal(t, 1, calls, "handler called once")
			require.Empty(t, unknown, "a handled event does not reach the fallback")

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

			// Data of another shape is refused, not handed over as a
			// zero value.
			err = r.Dispatch(t.Context(), &Event{Name: n, Data: json.RawMessage(`[1]`)})
			require.ErrorIs(t, err, ErrMalformed)
			require.Equal(t, 1, calls, "a malformed event does not reach the handler")

			// Another event, even of the same payload schema, goes to
			// the fallback.
			other := Name(string(n) + ":other")
			for o, s := range schemas {
				if s == schema && o != n {
					other = o
					break
				}
			}
			require.NoError(t, r.Dispatch(t.Context(), &Event{Name: other, Data: example}))
			require.Equal(t, 1, calls, "%s does not reach the handler of %s", other, n)
			require.Equal(t, []Name{other}, unknown)
		})
	}
	require.Positive(t, bigInts, "no example holds an int64 above 2^53")
}

func TestUnknownNamesGoToTheFallback(t *testing.T) {
	r := NewRouter()
	for n, m := range typedMethods(t) {
		register(r, m.name, m.fn, func(reflect.Value) { t.Errorf("handler of %s called", n) })
	}
	var seen []Name
	r.HandleUnknown(func(_ context.Context, ev *Event) error {
		seen = append(seen, ev.Name)
		return nil
	})
	odd := []Name{"", "message", "message:send:", "MESSAGE:SEND", "message:sent", "session:removed:x"}
	for _, n := range odd {
		require.NoError(t, r.Dispatch(t.Context(), &Event{Name: n, Data: json.RawMessage(`{}`)}))
		typ, ok := PayloadType(n)
		require.False(t, ok, "%q has a payload type", n)
		require.Nil(t, typ)
		_, err := Decode(&Event{Name: n, Data: json.RawMessage(`{}`)})
		require.Error(t, err, "%q decodes", n)
	}
	require.Equal(t, odd, seen)
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
