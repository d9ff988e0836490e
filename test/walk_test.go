package test

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// walkFixtures are the resources the walk creates on the stateful server
// before calling every operation, so that the routes of conversations,
// messages and people profiles find what they act on.
type walkFixtures struct {
	sessionID   string
	fingerprint int64
	peopleID    string
}

// walkTime is the time passed to the methods that take one.
var walkTime = time.Date(2024, 10, 17, 12, 0, 0, 0, time.UTC)

// walkOverrides calls the facade method of the operations whose arguments
// the automatic building (from the method's types, the path template and
// the request example) cannot derive. Keep it short; today every
// operation is served automatically.
var walkOverrides = map[string]func(ctx context.Context, c *crisp.Client, fx walkFixtures) error{}

// TestWalkEveryOperation calls the facade method of every operation of
// openapi.yaml, in one run, against the stateful fake server, and checks
// that each succeeds and that the server answered it with a 2xx status
// after validating the request (and the answer) against the specification.
func TestWalkEveryOperation(t *testing.T) {
	srv := crisptest.Start(t)
	ctx := t.Context()
	doc := loadSpec(t)
	facade := facadeOperations(t)
	examples := requestExamples(t)

	clients := map[string]*crisp.Client{}
	for _, tier := range []crisp.Tier{crisp.TierUser, crisp.TierWebsite, crisp.TierPlugin} {
		clients[string(tier)] = srv.Client(t, crisp.WithToken(tier, crisptest.Identifier, crisptest.Key))
	}

	// The resources the stateful routes need.
	pc := clients[string(crisp.TierPlugin)]
	var fx walkFixtures
	var err error
	fx.sessionID, err = pc.Website.CreateNewConversation(ctx, crisptest.WebsiteID)
	require.NoError(t, err)
	fx.fingerprint, err = pc.Website.SendTextMessage(ctx, crisptest.WebsiteID, fx.sessionID, "Hello from the walk")
	require.NoError(t, err)
	created, err := pc.Website.AddNewPeopleProfile(ctx, crisptest.WebsiteID, &api.PeopleProfileNew{
		Email:  "walk.fixture@example.com", // not the spec's example, which addNewPeopleProfile sends
		Person: api.PeopleProfileNewPerson{Nickname: "Walk Fixture"},
	})
	require.NoError(t, err)
	require.NotNil(t, created)
	fx.peopleID = created.PeopleID
	require.NotEmpty(t, fx.peopleID)

	ops := walkOrder(specOps(doc))
	require.NotEmpty(t, ops)
	walked := 0
	for _, o := range ops {
		id := o.op.OperationID
		ms := facade[id]
		if len(ms) != 1 {
			t.Errorf("%s: %d facade methods, want 1", id, len(ms))
			continue
		}
		info := srv.Operation(id)
		if info == nil {
			t.Errorf("%s: crisptest does not know the operation", id)
			continue
		}
		c := clients[walkTier(info.Tiers)]
		before := len(srv.RequestsFor(id))

		if fn, ok := walkOverrides[id]; ok {
			if err := fn(ctx, c, fx); err != nil {
				t.Errorf("%s (override): %v", id, err)
				continue
			}
		} else {
			svc := reflect.ValueOf(c).Elem().FieldByName(strings.TrimSuffix(ms[0].Service, "Service"))
			if !svc.IsValid() {
				t.Errorf("%s: client has no service %s", id, ms[0].Service)
				continue
			}
			m := svc.MethodByName(ms[0].Name)
			if !m.IsValid() {
				t.Errorf("%s: %s has no method %s", id, ms[0].Service, ms[0].Name)
				continue
			}
			if n := m.Type().NumOut(); n == 0 || m.Type().Out(n-1) != walkErrorType {
				t.Errorf("%s: %s.%s does not return an error last", id, ms[0].Service, ms[0].Name)
				continue
			}
			args, err := walkArgs(ctx, m.Type(), o, fx, examples[id])
			if err != nil {
				t.Errorf("%s: cannot build the arguments of %s.%s: %v", id, ms[0].Service, ms[0].Name, err)
				continue
			}
			out := m.Call(args)
			if errV := out[len(out)-1]; !errV.IsNil() {
				t.Errorf("%s: %s.%s: %v", id, ms[0].Service, ms[0].Name, errV.Interface())
				continue
			}
			// An existence check on what the walk created, or answered
			// with the example's 200, reports true.
			if len(out) == 2 && out[0].Kind() == reflect.Bool && !out[0].Bool() {
				t.Errorf("%s: %s.%s reported false", id, ms[0].Service, ms[0].Name)
			}
		}

		reqs := srv.RequestsFor(id)
		if len(reqs) <= before {
			t.Errorf("%s: the server recorded no request", id)
			continue
		}
		if last := reqs[len(reqs)-1]; last.Status < 200 || last.Status > 299 {
			t.Errorf("%s: the server answered %d (%s %s)", id, last.Status, last.Method, last.Path)
			continue
		}
		walked++
	}
	t.Logf("walked %d of %d operations", walked, len(ops))
}

// walkOrder sorts the operations for the walk: creations first (so that
// addNewPeopleProfile runs before savePeopleProfile gives the fixture the
// example's email), removals last with the deepest routes first (a
// message is removed before its conversation), everything else in between
// in path order.
func walkOrder(ops []specOp) []specOp {
	phase := func(o specOp) int {
		id := o.op.OperationID
		switch {
		case strings.HasPrefix(id, "create") || strings.HasPrefix(id, "add"):
			return 0
		case o.method == "DELETE" || strings.HasPrefix(id, "remove"):
			return 2
		}
		return 1
	}
	sort.SliceStable(ops, func(i, j int) bool {
		pi, pj := phase(ops[i]), phase(ops[j])
		if pi != pj {
			return pi < pj
		}
		if pi == 2 {
			di, dj := strings.Count(ops[i].path, "/"), strings.Count(ops[j].path, "/")
			if di != dj {
				return di > dj
			}
		}
		return false // specOps is already in path order
	})
	return ops
}

// walkTier picks the token tier to call an operation with: plugin when
// the route accepts it, else the first tier it lists.
func walkTier(tiers []string) string {
	if len(tiers) == 0 || contains(tiers, string(crisp.TierPlugin)) {
		return string(crisp.TierPlugin)
	}
	return tiers[0]
}

var walkPathParamRE = regexp.MustCompile(`\{([^}]+)\}`)

var (
	walkCtxType   = reflect.TypeFor[context.Context]()
	walkTimeType  = reflect.TypeFor[time.Time]()
	walkErrorType = reflect.TypeFor[error]()
)

// walkArgs builds the arguments of a facade method from its type. Scalar
// arguments (strings, ints) take the path parameters of the operation in
// the order of its path template; the scalars after them, and the
// pointers, maps and slices, carry the body or the query.
func walkArgs(ctx context.Context, mt reflect.Type, o specOp, fx walkFixtures, example json.RawMessage) ([]reflect.Value, error) {
	var pathParams []string
	for _, m := range walkPathParamRE.FindAllStringSubmatch(o.path, -1) {
		pathParams = append(pathParams, m[1])
	}
	next := 0
	bodyUsed := false
	args := make([]reflect.Value, mt.NumIn())
	for i := range mt.NumIn() {
		at := mt.In(i)
		v := reflect.New(at).Elem()
		switch {
		case at == walkCtxType:
			v = reflect.ValueOf(ctx)
		case at == walkTimeType:
			v.Set(reflect.ValueOf(walkTime))
		case at.Kind() == reflect.String || walkIsInt(at.Kind()):
			if next < len(pathParams) {
				name := pathParams[next]
				next++
				s, err := walkPathValue(o, name, fx)
				if err != nil {
					return nil, err
				}
				if err := walkSetScalar(v, s); err != nil {
					return nil, fmt.Errorf("path parameter %s: %w", name, err)
				}
				break
			}
			// A scalar past the path: a required query parameter, or the
			// one string of the body (a state, a user ID, an inbox ID).
			s := walkQueryValue(o)
			if s == "" {
				s = walkFirstString(example)
			}
			if s == "" {
				if walkIsInt(at.Kind()) {
					s = "1"
				} else {
					s = "id1"
				}
			}
			if err := walkSetScalar(v, s); err != nil {
				return nil, fmt.Errorf("argument %d (%s): %w", i, at, err)
			}
		case at.Kind() == reflect.Bool:
			v.SetBool(true)
		case at.Kind() == reflect.Pointer:
			name := at.Elem().Name()
			if strings.HasSuffix(name, "Options") || strings.HasSuffix(name, "Params") {
				break // nil: no options
			}
			v = reflect.New(at.Elem())
			if !bodyUsed && example != nil {
				bodyUsed = true
				if err := json.Unmarshal(example, v.Interface()); err != nil {
					return nil, fmt.Errorf("request example into %s: %w", at, err)
				}
			}
		case at.Kind() == reflect.Map:
			v = reflect.MakeMap(at)
			if !bodyUsed && example != nil {
				bodyUsed = true
				p := reflect.New(at)
				if err := json.Unmarshal(example, p.Interface()); err != nil {
					return nil, fmt.Errorf("request example into %s: %w", at, err)
				}
				v = p.Elem()
			}
		case at.Kind() == reflect.Slice:
			v = reflect.MakeSlice(at, 0, 0)
			if s := walkFirstArray(example); s != nil {
				p := reflect.New(at)
				if err := json.Unmarshal(s, p.Interface()); err == nil {
					v = p.Elem()
				}
			}
		default:
			return nil, fmt.Errorf("argument %d: no rule for %s", i, at)
		}
		args[i] = v
	}
	if next != len(pathParams) {
		return nil, fmt.Errorf("%d path parameters %v, but the method takes %d scalars for them", len(pathParams), pathParams, next)
	}
	return args, nil
}

func walkIsInt(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

func walkSetScalar(v reflect.Value, s string) error {
	switch {
	case v.Kind() == reflect.String:
		v.SetString(s)
	case walkIsInt(v.Kind()):
		var n int64
		if _, err := fmt.Sscan(s, &n); err != nil {
			return fmt.Errorf("%q is not an integer", s)
		}
		if v.CanInt() {
			v.SetInt(n)
		} else {
			v.SetUint(uint64(n))
		}
	default:
		return fmt.Errorf("not a scalar: %s", v.Type())
	}
	return nil
}

// walkPathValue is the value of one path parameter: the created resources for
// the stateful routes, otherwise the parameter's example from the
// specification (a plain ID where it has none).
func walkPathValue(o specOp, name string, fx walkFixtures) (string, error) {
	switch name {
	case "website_id":
		return crisptest.WebsiteID, nil
	case "session_id":
		return fx.sessionID, nil
	case "people_id":
		return fx.peopleID, nil
	case "fingerprint":
		return fmt.Sprint(fx.fingerprint), nil
	case "page_number":
		return "1", nil
	case "content_type":
		return string(api.HelpdeskContentKind("articles")), nil
	}
	for _, p := range append(append(openapi3.Parameters{}, o.item.Parameters...), o.op.Parameters...) {
		if p.Value == nil || p.Value.Name != name || p.Value.In != openapi3.ParameterInPath {
			continue
		}
		if ex := walkParamExample(p.Value); ex != "" {
			return ex, nil
		}
	}
	return "id1", nil
}

// walkQueryValue is the example of the first required query parameter of an
// operation, or "".
func walkQueryValue(o specOp) string {
	for _, p := range append(append(openapi3.Parameters{}, o.item.Parameters...), o.op.Parameters...) {
		if p.Value != nil && p.Value.In == openapi3.ParameterInQuery && p.Value.Required {
			if ex := walkParamExample(p.Value); ex != "" {
				return ex
			}
			return "id1"
		}
	}
	return ""
}

func walkParamExample(p *openapi3.Parameter) string {
	if p.Example != nil {
		return fmt.Sprint(p.Example)
	}
	if s := p.Schema; s != nil && s.Value != nil {
		if s.Value.Example != nil {
			return fmt.Sprint(s.Value.Example)
		}
		if len(s.Value.Enum) > 0 {
			return fmt.Sprint(s.Value.Enum[0])
		}
	}
	return ""
}

// walkFirstString returns the first string found in a JSON example (keys in
// sorted order, depth first), or "".
func walkFirstString(raw json.RawMessage) string {
	if raw == nil {
		return ""
	}
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	var find func(v any) string
	find = func(v any) string {
		switch x := v.(type) {
		case string:
			return x
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				if s := find(x[k]); s != "" {
					return s
				}
			}
		case []any:
			for _, e := range x {
				if s := find(e); s != "" {
					return s
				}
			}
		}
		return ""
	}
	return find(v)
}

// walkFirstArray returns the first top-level array of a JSON example object
// (keys in sorted order), or nil.
func walkFirstArray(raw json.RawMessage) json.RawMessage {
	var m map[string]json.RawMessage
	if raw == nil || json.Unmarshal(raw, &m) != nil {
		return nil
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		if b := strings.TrimSpace(string(m[k])); strings.HasPrefix(b, "[") {
			return m[k]
		}
	}
	return nil
}
