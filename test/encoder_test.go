package test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/internal/jsonx"
)

// The generated client encodes JSON request bodies with jsonx.Marshal (the
// fast encoder unless built with crisp_stdjson). TestEncoderMatchesStdlib
// requires the very bytes encoding/json makes, for every JSON body type of
// the client: filled from the specification's request example, from every
// body the official clients send (testdata/official_requests.json), and
// from mutations of those (other strings, numbers, nulls, absent fields,
// empty collections).

// bodyMethod is a method of *api.Client that takes a typed JSON body.
type bodyMethod struct {
	opID     string
	method   reflect.Method
	bodyType reflect.Type
	bodyArg  int // index of the body among the method's arguments
}

func bodyMethods(t *testing.T) []bodyMethod {
	t.Helper()
	ct := reflect.TypeFor[*api.Client]()
	var out []bodyMethod
	for i := range ct.NumMethod() {
		m := ct.Method(i)
		// X has a body when XWithBody exists; X itself takes the JSON one,
		// last before the request editors.
		if strings.HasSuffix(m.Name, "Body") {
			continue
		}
		if _, ok := ct.MethodByName(m.Name + "WithBody"); !ok {
			continue
		}
		a := m.Type.NumIn() - 2
		r := []rune(m.Name)
		r[0] = unicode.ToLower(r[0])
		out = append(out, bodyMethod{opID: string(r), method: m, bodyType: m.Type.In(a), bodyArg: a})
	}
	require.NotEmpty(t, out)
	return out
}

// encodeWith calls m with body (a JSON value) decoded into its body type,
// and returns the bytes the client sent, encoded with encoding/json when
// std is set. ok is false when body does not decode into the type.
func encodeWith(t *testing.T, c *api.Client, captured *[]byte, m bodyMethod, body []byte, std bool) (sent []byte, ok bool) {
	t.Helper()
	v := reflect.New(m.bodyType)
	if json.Unmarshal(body, v.Interface()) != nil {
		return nil, false
	}
	mt := m.method.Type
	args := []reflect.Value{reflect.ValueOf(c)}
	for a := 1; a < mt.NumIn(); a++ {
		at := mt.In(a)
		switch {
		case a == m.bodyArg:
			args = append(args, v.Elem())
		case mt.IsVariadic() && a == mt.NumIn()-1:
			// no request editors
		case at == reflect.TypeFor[context.Context]():
			args = append(args, reflect.ValueOf(t.Context()))
		case at.Kind() == reflect.String:
			args = append(args, reflect.ValueOf("x").Convert(at))
		case at.Kind() >= reflect.Int && at.Kind() <= reflect.Int64:
			args = append(args, reflect.ValueOf(1).Convert(at))
		default:
			args = append(args, reflect.Zero(at)) // *Params: none
		}
	}
	if std {
		defer jsonx.UseStd()()
	}
	*captured = nil
	out := m.method.Func.Call(args)
	if err, _ := out[1].Interface().(error); err != nil && err != errCaptured {
		t.Fatalf("%s: %v", m.opID, err)
	}
	return *captured, true
}

var errCaptured = fmt.Errorf("captured")

func TestEncoderMatchesStdlib(t *testing.T) {
	if !jsonx.Fast {
		t.Skip("built with crisp_stdjson: one encoder")
	}
	var captured []byte
	c, err := api.NewClient("http://h/v1/", api.WithHTTPClient(doerFunc(func(r *http.Request) (*http.Response, error) {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		captured = b
		return nil, errCaptured
	})))
	require.NoError(t, err)

	corpus := map[string][][]byte{}
	for id, ex := range requestExamples(t) {
		corpus[id] = append(corpus[id], ex)
	}
	for _, r := range loadOfficialRequests(t) {
		if len(r.Body) > 0 && string(r.Body) != "null" {
			corpus[r.OperationID] = append(corpus[r.OperationID], r.Body)
		}
	}

	rng := rand.New(rand.NewPCG(1, 2))
	methods := bodyMethods(t)
	compared, typesCovered := 0, 0
	for _, m := range methods {
		bodies := corpus[m.opID]
		var variants [][]byte
		for _, b := range bodies {
			variants = append(variants, b)
			variants = append(variants, encoderMutations(t, b, rng)...)
		}
		n := 0
		for _, b := range variants {
			fast, ok := encodeWith(t, c, &captured, m, b, false)
			if !ok {
				continue
			}
			std, _ := encodeWith(t, c, &captured, m, b, true)
			require.Equal(t, string(std), string(fast), "%s: body %s", m.opID, b)
			n++
		}
		if n > 0 {
			typesCovered++
		} else {
			t.Errorf("%s: no body to encode (no request example, no official request)", m.opID)
		}
		compared += n
	}
	t.Logf("%d bodies of %d types encoded alike (%d body methods)", compared, typesCovered, len(methods))
	require.Greater(t, compared, 1000)
}

// encoderStrings and encoderNumbers replace the example's values.
var (
	encoderStrings = []string{"", "<b>&amp;</b>", "\u2028\u2029", "é✓😀", "\x7f\x00\t\n\"\\", "  trailing ", strings.Repeat("long ", 200), "1e3"}
	encoderNumbers = []string{"0", "-1", "9007199254740993", "-9223372036854775808", "1e21", "0.1", "1.5e-7", "123456789.125", "3"}
)

// encoderMutations returns variants of a JSON body: each leaf replaced by
// other strings, numbers, booleans and null; each object key removed; each
// collection emptied. At most 60, chosen with rng.
func encoderMutations(t *testing.T, body []byte, rng *rand.Rand) [][]byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var root any
	if dec.Decode(&root) != nil {
		return nil
	}
	var out [][]byte
	var walk func(v any, set func(any))
	emit := func() {
		b, err := json.Marshal(root)
		require.NoError(t, err)
		out = append(out, b)
	}
	walk = func(v any, set func(any)) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				old := x[k]
				delete(x, k)
				emit()
				x[k] = old
				walk(old, func(nv any) { x[k] = nv })
			}
			set(map[string]any{})
			emit()
			set(x)
		case []any:
			for i := range x {
				walk(x[i], func(nv any) { x[i] = nv })
			}
			set([]any{})
			emit()
			set(x)
		case string:
			for _, s := range encoderStrings {
				set(s)
				emit()
			}
			set(x)
		case json.Number:
			for _, s := range encoderNumbers {
				set(json.Number(s))
				emit()
			}
			set(x)
		case bool:
			set(!x)
			emit()
			set(x)
		}
		set(nil)
		emit()
		set(v)
	}
	walk(root, func(nv any) { root = nv })
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	if len(out) > 60 {
		out = out[:60]
	}
	return out
}
