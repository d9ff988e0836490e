package crisp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"io"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	crispgo "github.com/crisp-go/crisp-go"
	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/internal/jsonx"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// The decoding of success answers (successBody and decodeEnvelope) must
// give exactly what json.NewDecoder(body).Decode gave before it: the same
// values and the same errors, whatever the decoder (internal/jsonx) and
// whatever the body (read whole: a body cut by a read error is an error).

// specExample is one example answer of openapi.yaml with the Go type the
// facade decodes it into.
type specExample struct {
	name string
	typ  reflect.Type
	// typed is false when typ is the untyped typedEnvelope[any] (see
	// specExamples).
	typed bool
	data  []byte
}

// specExamples returns every application/json example answer of
// openapi.yaml (the example and the named examples of every status of
// every operation), with the type the facade decodes it into: for a
// success status, the envelope of what the operation's method returns
// (facadeResults); for an error status, api.ErrorEnvelope. An answer whose
// method returns no data (or data built from it, which the example does
// not decode into) gets typedEnvelope[any]: still decoded, untyped.
func specExamples(t testing.TB) []specExample {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(crispgo.OpenAPI)
	require.NoError(t, err)
	results := facadeResults(t)
	var out []specExample
	for _, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for code, r := range op.Responses.Map() {
				if r.Value == nil || r.Value.Content.Get("application/json") == nil {
					continue
				}
				mt := r.Value.Content.Get("application/json")
				add := func(name string, v any) {
					b, err := json.Marshal(v)
					require.NoError(t, err)
					typ, typed := reflect.TypeFor[typedEnvelope[any]](), false
					switch res, ok := results[op.OperationID]; {
					case !strings.HasPrefix(code, "2"):
						typ, typed = reflect.TypeFor[api.ErrorEnvelope](), true
					case ok && json.Unmarshal(b, reflect.New(res).Interface()) == nil:
						typ, typed = res, true
					}
					out = append(out, specExample{name: op.OperationID + " " + code + " " + name, typ: typ, typed: typed, data: b})
				}
				if mt.Example != nil {
					add("example", mt.Example)
				}
				for n, ex := range mt.Examples {
					if ex != nil && ex.Value != nil {
						add(n, ex.Value.Value)
					}
				}
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// facadeResults maps the operationId of every method of the facade that
// returns data (its "//crisp:operation" line names it) to the envelope
// type of that data, as decodeData decodes it: {error, reason, data}.
func facadeResults(t testing.TB) map[string]reflect.Type {
	t.Helper()
	receivers := map[string]reflect.Type{}
	for _, r := range []reflect.Type{
		reflect.TypeFor[*Client](), reflect.TypeFor[*WebsiteService](), reflect.TypeFor[*PluginService](),
		reflect.TypeFor[*PlanService](), reflect.TypeFor[*BucketService](), reflect.TypeFor[*MediaService](),
	} {
		receivers[r.Elem().Name()] = r
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := gotoken.NewFileSet()
	out := map[string]reflect.Type{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv == nil || fd.Doc == nil {
				continue
			}
			var opID string
			for _, c := range fd.Doc.List {
				if id, ok := strings.CutPrefix(c.Text, "//crisp:operation "); ok {
					opID = strings.TrimSpace(id)
				}
			}
			if opID == "" {
				continue
			}
			star, ok := fd.Recv.List[0].Type.(*ast.StarExpr)
			require.Truef(t, ok, "%s: receiver", fd.Name.Name)
			recv, ok := receivers[star.X.(*ast.Ident).Name]
			require.Truef(t, ok, "%s: unknown receiver", fd.Name.Name)
			m, ok := recv.MethodByName(fd.Name.Name)
			require.Truef(t, ok, "%s: no method", fd.Name.Name)
			mt := m.Type
			if mt.NumOut() != 2 || mt.Out(1) != reflect.TypeFor[error]() || mt.Out(0).Kind() == reflect.Bool {
				continue
			}
			out[opID] = reflect.StructOf([]reflect.StructField{
				{Name: "Error", Type: reflect.TypeFor[bool](), Tag: `json:"error"`},
				{Name: "Reason", Type: reflect.TypeFor[string](), Tag: `json:"reason"`},
				{Name: "Data", Type: mt.Out(0), Tag: `json:"data"`},
			})
		}
	}
	require.Greater(t, len(out), 100, "the facade's methods that return data")
	return out
}

// TestDecoderDecodesEverySpecExampleAsEncodingJSON decodes every example
// answer of openapi.yaml into the type the facade decodes it into (see
// specExamples) with the fast decoder and with encoding/json: the values
// are identical (unions such as api.MessageContent, maps of any, nullable
// fields and int64 values included).
func TestDecoderDecodesEverySpecExampleAsEncodingJSON(t *testing.T) {
	exs := specExamples(t)
	require.Greater(t, len(exs), 500, "every operation has example answers")
	typed := 0
	for _, ex := range exs {
		if ex.typed {
			typed++
		}
		std, fast := reflect.New(ex.typ), reflect.New(ex.typ)
		require.NoError(t, json.Unmarshal(ex.data, std.Interface()), ex.name)
		require.NoError(t, jsonx.UnmarshalAny(ex.data, fast.Interface()), ex.name)
		require.Truef(t, reflect.DeepEqual(std.Interface(), fast.Interface()), "%s: decoded differently", ex.name)
		a, _ := json.Marshal(std.Interface())
		b, _ := json.Marshal(fast.Interface())
		require.Equalf(t, string(a), string(b), "%s: encodes differently once decoded", ex.name)
	}
	t.Logf("%d examples, %d into their facade or error type", len(exs), typed)
	require.Greater(t, typed, len(exs)*3/4, "most examples are decoded into a type of the facade")
}

// decodeOld is the decoding of success answers before decodeEnvelope.
func decodeOld[T any](body io.Reader) (typedEnvelope[*T], T, error) {
	var out T
	env := typedEnvelope[*T]{Data: &out}
	err := json.NewDecoder(body).Decode(&env)
	return env, out, err
}

// typedEnvelope is the envelope as it was before envelope held its data
// in an any: the reference decodeOld decodes into.
type typedEnvelope[T any] struct {
	Error  bool   `json:"error"`
	Reason string `json:"reason"`
	Data   T      `json:"data"`
}

// decodeNew is successBody and decodeEnvelope over a body of the given
// announced size.
func decodeNew[T any](body io.Reader, size int64) (typedEnvelope[*T], T, error) {
	var out T
	env := envelope{Data: &out}
	buf, rel, err := successBody(&http.Response{Body: io.NopCloser(body), ContentLength: size})
	if err != nil {
		return typedEnvelope[*T]{Data: &out}, out, err
	}
	defer rel.release()
	err = decodeEnvelope(buf, &env)
	return typedEnvelope[*T]{Error: env.Error, Reason: env.Reason}, out, err
}

// requireSameDecoding decodes data the old way and with decodeNew (with
// and without an announced length) into T, and requires the same
// envelope, data and error; then the same for data decoded as decodeData
// does it (decodeNewPtr), where "data" absent or null leaves the result
// nil.
func requireSameDecoding[T any](t *testing.T, name string, data []byte) {
	t.Helper()
	oenv, oout, oerr := decodeOld[T](bytes.NewReader(data))
	for _, size := range []int64{int64(len(data)), -1} {
		nenv, nout, nerr := decodeNew[T](bytes.NewReader(data), size)
		if !sameDecodeError(oerr, nerr) {
			t.Fatalf("%s (%T, size %d): error %T %q, want %T %q\ninput: %.300q", name, oout, size, nerr, errText(nerr), oerr, errText(oerr), data)
		}
		if oenv.Error != nenv.Error || oenv.Reason != nenv.Reason || !reflect.DeepEqual(oout, nout) {
			t.Fatalf("%s (%T, size %d): decoded differently\ninput: %.300q", name, oout, size, data)
		}
	}
	var penv typedEnvelope[*T]
	perr := json.NewDecoder(bytes.NewReader(data)).Decode(&penv)
	nenv, nout, nerr := decodeNewPtr[T](data)
	if !sameDecodeError(perr, nerr) {
		t.Fatalf("%s (%T, into a **T): error %T %q, want %T %q\ninput: %.300q", name, oout, nerr, errText(nerr), perr, errText(perr), data)
	}
	if penv.Error != nenv.Error || penv.Reason != nenv.Reason || !reflect.DeepEqual(penv.Data, nout) {
		t.Fatalf("%s (%T, into a **T): decoded differently (nil: %v, want %v)\ninput: %.300q", name, oout, nout == nil, penv.Data == nil, data)
	}
}

// sameDecodeError reports whether the reference decoding's error want and
// got are the same, but for the name of the envelope type in a type error
// (typedEnvelope[...] there, envelope here).
func sameDecodeError(want, got error) bool {
	var wt, gt *json.UnmarshalTypeError
	if errors.As(want, &wt) && errors.As(got, &gt) {
		w := *wt
		if strings.HasPrefix(w.Struct, "typedEnvelope[") {
			w.Struct = "envelope"
		}
		if w.Type != nil && strings.HasPrefix(w.Type.Name(), "typedEnvelope[") {
			w.Type = reflect.TypeFor[envelope]()
		}
		return reflect.DeepEqual(&w, gt)
	}
	return reflect.DeepEqual(want, got)
}

// decodeNewPtr is decodeEnvelope as decodeData calls it: into a **T whose
// *T is nil.
func decodeNewPtr[T any](data []byte) (typedEnvelope[*T], *T, error) {
	var out *T
	env := envelope{Data: &out}
	err := decodeEnvelope(data, &env)
	return typedEnvelope[*T]{Error: env.Error, Reason: env.Reason}, out, err
}

// decoderTargets runs requireSameDecoding for the types the facade
// decodes most, and for untyped data.
func decoderTargets(t *testing.T, name string, data []byte) {
	t.Helper()
	requireSameDecoding[[]api.Conversation](t, name, data)
	requireSameDecoding[api.Conversation](t, name, data)
	requireSameDecoding[[]api.ConversationMessage](t, name, data)
	requireSameDecoding[api.ConversationMessage](t, name, data)
	requireSameDecoding[api.MessageDispatched](t, name, data)
	requireSameDecoding[api.PeopleProfile](t, name, data)
	requireSameDecoding[map[string]any](t, name, data)
	requireSameDecoding[any](t, name, data)
}

// TestDecoderEdgeCasesAsBefore: unions, maps of any, nullable fields, the
// int64 range, numbers in maps, strings and broken answers.
func TestDecoderEdgeCasesAsBefore(t *testing.T) {
	msg := func(typ, content string) string {
		return `{"error":false,"reason":"resolved","data":[{"session_id":"session_1","website_id":"` + wid +
			`","type":"` + typ + `","from":"operator","origin":"chat","fingerprint":163408346341023,"timestamp":1700482315000,"content":` + content + `}]}`
	}
	conv := func(fields string) string {
		return `{"error":false,"reason":"listed","data":[{"session_id":"session_1","website_id":"` + wid + `"` + fields + `}]}`
	}
	cases := map[string]string{
		"text":                  msg("text", `"Hello \"you\" \u00e9\ud83d\ude00 \\n"`),
		"file":                  msg("file", `{"name":"invoice.pdf","url":"https://example.com/i.pdf","type":"application/pdf"}`),
		"animation":             msg("animation", `{"url":"https://example.com/a.gif","type":"image/gif"}`),
		"audio":                 msg("audio", `{"url":"https://example.com/a.webm","type":"audio/webm","duration":12}`),
		"picker":                msg("picker", `{"id":"p","text":"Pick","choices":[{"value":"a","label":"A","selected":true,"action":{"type":"link","target":"https://x"}}],"required":true}`),
		"field":                 msg("field", `{"id":"f","text":"Order","explain":"ORD-","value":"ORD-1","required":true}`),
		"carousel":              msg("carousel", `{"text":"Plans","targets":[{"title":"Pro","description":"d","actions":[{"label":"See","url":"https://x"}]}]}`),
		"event":                 msg("event", `{"namespace":"state:resolved","text":"Resolved"}`),
		"unknown type":          msg("hologram", `{"beam":[1,2,{"x":null}]}`),
		"content null":          msg("text", `null`),
		"content spaced":        msg("text", " \n\t\"spaced\" "),
		"content number":        msg("text", `12.50e3`),
		"fingerprint 2^53+1":    strings.Replace(msg("text", `"x"`), "163408346341023", "9007199254740993", 1),
		"fingerprint maxint64":  strings.Replace(msg("text", `"x"`), "163408346341023", "9223372036854775807", 1),
		"fingerprint minint64":  strings.Replace(msg("text", `"x"`), "163408346341023", "-9223372036854775808", 1),
		"fingerprint 2^63":      strings.Replace(msg("text", `"x"`), "163408346341023", "9223372036854775808", 1),
		"fingerprint 2^64":      strings.Replace(msg("text", `"x"`), "163408346341023", "18446744073709551616", 1),
		"fingerprint 20 digits": strings.Replace(msg("text", `"x"`), "163408346341023", "63315403696406892664", 1),
		"fingerprint float":     strings.Replace(msg("text", `"x"`), "163408346341023", "1.5", 1),
		"fingerprint exponent":  strings.Replace(msg("text", `"x"`), "163408346341023", "1e3", 1),
		"fingerprint string":    strings.Replace(msg("text", `"x"`), "163408346341023", `"1"`, 1),
		"fingerprint null":      strings.Replace(msg("text", `"x"`), "163408346341023", `null`, 1),
		"meta data":             conv(`,"meta":{"data":{"big":9007199254740993,"huge":1e308,"neg":-0.0,"s":"x","nested":{"a":[1,"2",true,null]},"n":null}}`),
		"meta data not object":  conv(`,"meta":{"data":[1,2]}`),
		"inbox null":            conv(`,"inbox_id":null`),
		"inbox value":           conv(`,"inbox_id":"bf6935c9-43b3-4f8e-87ea-175c1e1ed1a9"`),
		"inbox wrong type":      conv(`,"inbox_id":12`),
		"status overflow":       conv(`,"status":99999999999999999999`),
		"status float":          conv(`,"status":1.0`),
		"unread wrong type":     conv(`,"unread":{"operator":"1"}`),
		"coordinates":           conv(`,"meta":{"device":{"geolocation":{"coordinates":{"latitude":47.2184,"longitude":-1.5536e0}}}}`),
		"float overflow":        conv(`,"meta":{"device":{"geolocation":{"coordinates":{"latitude":1e400}}}}`),
		"duplicate keys":        conv(`,"session_id":"session_2","topic":"a","topic":"b"`),
		"keys in other case":    `{"ERROR":false,"Reason":"listed","Data":[{"SESSION_ID":"s","Website_Id":"w"}]}`,
		"unknown fields":        conv(`,"zzz":{"deep":[[[{}]]]},"yyy":"\u0000"`),
		"invalid utf-8":         conv(`,"topic":"a` + "\xff\xfe" + `b","last_message":"` + "\xed\xa0\x80" + `"`),
		"lone surrogates":       conv(`,"topic":"\ud800x\udc00"`),
		"raw control char":      conv(`,"topic":"a` + "\n" + `b"`),
		"bad escape":            conv(`,"topic":"\q"`),
		"error envelope":        `{"error":true,"reason":"invalid_session","data":[]}`,
		"data null":             `{"error":false,"reason":"listed","data":null}`,
		"data null then error":  `{"error":false,"reason":"listed","data":null,"error":"x"}`,
		"data null then cut":    `{"reason":"listed","data":null,"error":fa`,
		"data then null":        `{"data":[{"session_id":"s"}],"data":null,"reason":7}`,
		"data wrong type":       `{"error":false,"reason":"listed","data":"nope"}`,
		"error wrong type":      `{"error":"no","reason":1,"data":[]}`,
		"array":                 `[1,2,3]`,
		"null":                  `null`,
		"string":                `"x"`,
		"number":                `12`,
		"empty":                 ``,
		"spaces":                " \n\t ",
		"truncated":             conv(`,"topic":"abc`),
		"truncated after value": conv(``)[:40],
		"trailing garbage":      conv(``) + `garbage`,
		"two values":            conv(``) + conv(``),
		"trailing spaces":       conv(``) + " \n",
		"leading spaces":        " \n" + conv(``),
		"nul byte":              "\x00",
		"deep nesting":          strings.Repeat(`[`, 10001) + strings.Repeat(`]`, 10001),
		"deep nesting in data":  `{"error":false,"data":` + strings.Repeat(`{"a":`, 2000) + `1` + strings.Repeat(`}`, 2000) + `}`,
	}
	names := make([]string, 0, len(cases))
	for n := range cases {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		decoderTargets(t, n, []byte(cases[n]))
	}
}

// decoderMutate returns data with a random change that often breaks it.
func decoderMutate(r *rand.Rand, data []byte) []byte {
	if len(data) == 0 {
		return data
	}
	c := bytes.Clone(data)
	switch r.IntN(7) {
	case 0:
		return c[:r.IntN(len(c)+1)]
	case 1:
		chars := []byte(`{}[]",:0-9.eE+-ntfl\ ` + "\x00\xff\n")
		c[r.IntN(len(c))] = chars[r.IntN(len(chars))]
	case 2:
		i := r.IntN(len(c))
		c = append(c[:i], c[i+1:]...)
	case 3:
		i := r.IntN(len(c))
		j := min(len(c), i+r.IntN(24))
		c = append(c[:j], append(bytes.Clone(c[i:j]), c[j:]...)...)
	case 4:
		c = bytes.Replace(c, []byte(":1"), []byte(":"+strconv.FormatUint(r.Uint64(), 10)+strconv.Itoa(r.IntN(100))), 1)
	case 5:
		c = bytes.Replace(c, []byte(`":"`), []byte(`":1`), 1)
	case 6:
		c = bytes.Replace(c, []byte(`":true`), []byte(`":"true"`), 1)
	}
	return c
}

// TestDecoderMutationsAsBefore breaks the example answers of the spec in
// many ways: decodeNew gives exactly the values and errors of the old
// decoding for every one.
func TestDecoderMutationsAsBefore(t *testing.T) {
	exs := specExamples(t)
	r := rand.New(rand.NewPCG(7, 11))
	rounds := 15
	if testing.Short() {
		rounds = 1
	}
	n := 0
	for range rounds {
		for _, ex := range exs {
			data := decoderMutate(r, ex.data)
			if r.IntN(3) == 0 {
				data = decoderMutate(r, data)
			}
			n++
			requireSameDecoding[[]api.Conversation](t, ex.name, data)
			requireSameDecoding[[]api.ConversationMessage](t, ex.name, data)
			requireSameDecoding[api.PeopleProfile](t, ex.name, data)
			requireSameDecoding[map[string]any](t, ex.name, data)
		}
	}
	t.Logf("%d mutated answers decoded as before", n)
}

// chunkedErr delivers data in small reads, then fails with err.
type chunkedErr struct {
	r   io.Reader
	err error
}

func (c *chunkedErr) Read(p []byte) (int, error) {
	n, err := c.r.Read(p[:min(len(p), 7)])
	if err == io.EOF {
		return n, c.err
	}
	return n, err
}

// TestDecoderReadsWholeBodies: bodies read in pieces decode as before; a
// body cut by a read error, even after a complete value, gives that error
// (a body is a whole or a failure: the doer retries a failure as a network
// error); a long body decodes as before, and a body longer than the cap
// (a value followed by endless whitespace) is refused.
func TestDecoderReadsWholeBodies(t *testing.T) {
	full := []byte(`{"error":false,"reason":"listed","data":[{"session_id":"s1","website_id":"` + wid + `"}]}`)
	errCut := errors.New("connection reset")
	readers := map[string]func(data []byte) io.Reader{
		"one byte at a time": func(d []byte) io.Reader { return iotest.OneByteReader(bytes.NewReader(d)) },
		"data with EOF":      func(d []byte) io.Reader { return iotest.DataErrReader(bytes.NewReader(d)) },
	}
	for name, mk := range readers {
		oenv, oout, oerr := decodeOld[[]api.Conversation](mk(full))
		require.NoError(t, oerr)
		for _, size := range []int64{int64(len(full)), -1} {
			nenv, nout, nerr := decodeNew[[]api.Conversation](mk(full), size)
			require.NoError(t, nerr, name)
			require.Equal(t, oenv.Reason, nenv.Reason, name)
			require.Equal(t, oout, nout, name)
		}
	}
	failing := map[string]struct {
		r   func(data []byte) io.Reader
		err error
	}{
		"error after the whole value": {func(d []byte) io.Reader { return &chunkedErr{bytes.NewReader(d), errCut} }, errCut},
		"error mid value":             {func(d []byte) io.Reader { return &chunkedErr{bytes.NewReader(d[:len(d)/2]), errCut} }, errCut},
		"timeout after the value":     {func(d []byte) io.Reader { return iotest.TimeoutReader(bytes.NewReader(d)) }, iotest.ErrTimeout},
	}
	for name, tc := range failing {
		for _, size := range []int64{int64(len(full)), -1} {
			_, _, err := decodeNew[[]api.Conversation](tc.r(full), size)
			require.ErrorIsf(t, err, tc.err, "%s, size %d", name, size)
		}
	}

	// A body of several MiB decodes as before.
	var big bytes.Buffer
	big.WriteString(`{"error":false,"reason":"listed","data":[`)
	for i := 0; big.Len() < 5<<20; i++ {
		if i > 0 {
			big.WriteByte(',')
		}
		fmt.Fprintf(&big, `{"session_id":"session_%d","website_id":"%s","topic":"%s"}`, i, wid, strings.Repeat("t", 200))
	}
	big.WriteString(`]}`)
	requireSameDecoding[[]api.Conversation](t, "several MiB", big.Bytes())

	// A value followed by an endless body: refused once the cap is
	// passed, after reading at most one byte more.
	counted := &countingReader{r: io.MultiReader(bytes.NewReader(full), &repeatReader{b: ' '})}
	_, _, err := decodeNew[[]api.Conversation](counted, -1)
	var tl *tooLargeError
	require.ErrorAs(t, err, &tl)
	require.EqualValues(t, DefaultMaxResponseSize, tl.limit)
	require.LessOrEqual(t, counted.n, int64(DefaultMaxResponseSize+1))
	// An announced length above the cap is refused without reading.
	counted = &countingReader{r: bytes.NewReader(full)}
	_, _, err = decodeNew[[]api.Conversation](counted, DefaultMaxResponseSize+1)
	require.ErrorAs(t, err, &tl)
	require.Zero(t, counted.n)
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// repeatReader reads b forever.
type repeatReader struct{ b byte }

func (r *repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = r.b
	}
	return len(p), nil
}

// TestDecoderKeepsNoReferenceToItsBuffers: values decoded from pooled
// buffers stay intact once the buffers are reused.
func TestDecoderKeepsNoReferenceToItsBuffers(t *testing.T) {
	exs := specExamples(t)
	type kept struct {
		data []byte
		out  []api.ConversationMessage
		conv []api.Conversation
	}
	var all []kept
	for _, ex := range exs {
		if !strings.HasPrefix(ex.name, "getMessagesInConversation ") && !strings.HasPrefix(ex.name, "listConversations ") {
			continue
		}
		_, out, _ := decodeNew[[]api.ConversationMessage](bytes.NewReader(ex.data), int64(len(ex.data)))
		_, conv, _ := decodeNew[[]api.Conversation](bytes.NewReader(ex.data), int64(len(ex.data)))
		all = append(all, kept{ex.data, out, conv})
	}
	require.NotEmpty(t, all)
	// Reuse the buffers with other bytes.
	for range 50 {
		junk := bytes.Repeat([]byte(`{"error":false,"reason":"zzzzzz","data":["zzzzzzzzzzzzzzzzzzzzzzzz"]} `), 200)
		_, _, _ = decodeNew[any](bytes.NewReader(junk), int64(len(junk)))
	}
	for _, k := range all {
		_, out, _ := decodeOld[[]api.ConversationMessage](bytes.NewReader(k.data))
		_, conv, _ := decodeOld[[]api.Conversation](bytes.NewReader(k.data))
		require.Equal(t, out, k.out)
		require.Equal(t, conv, k.conv)
	}
}
