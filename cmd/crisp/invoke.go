package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/getkin/kin-openapi/openapi3"
)

// maxAnswer caps the body of an answer the command reads.
const maxAnswer = 64 << 20

// apiRequest is one call of an operation.
type apiRequest struct {
	op *operation
	// values are the parameters, as parseArgs returns them.
	values map[string]any
	// body is the JSON request body; nil sends none.
	body []byte
}

// apiAnswer is the success answer of a call.
type apiAnswer struct {
	Status int
	// Data is the data of the answer's envelope; nil when it has none.
	Data json.RawMessage
	// Exists is the answer of a HEAD route: 2xx is true, 404 false.
	Exists bool
}

// invoke calls req.op through the generated low-level client of c, found
// by method name (<OperationId>, or <OperationId>WithBody for an
// operation with a body), so that the request goes through the client's
// credentials, retries and timeout. Error answers and failures come back
// as a *crisp.Error.
func invoke(ctx context.Context, c *crisp.Client, req apiRequest) (*apiAnswer, error) {
	m, err := apiMethod(c.API(), req.op)
	if err != nil {
		return nil, err
	}
	args, err := methodArgs(ctx, m.Type(), req)
	if err != nil {
		return nil, err
	}
	out := m.Call(args)
	resp, _ := out[0].Interface().(*http.Response)
	if err, _ := out[1].Interface().(error); err != nil {
		return nil, transportError(req.op, err)
	}
	if resp == nil {
		return nil, &crisp.Error{Operation: req.op.ID, Method: req.op.Method, Reason: crisp.ReasonNetworkError, Err: errors.New("no answer")}
	}
	defer resp.Body.Close()
	return readAnswer(req.op, resp)
}

// goName is the name oapi-codegen gives the method of an operationId.
func goName(id string) string {
	r, n := utf8.DecodeRuneInString(id)
	return string(unicode.ToUpper(r)) + id[n:]
}

// apiMethod returns the method of the generated client for op.
func apiMethod(client any, op *operation) (reflect.Value, error) {
	name := goName(op.ID)
	if op.Body != nil {
		name += "WithBody"
	}
	m := reflect.ValueOf(client).MethodByName(name)
	if !m.IsValid() {
		return reflect.Value{}, fmt.Errorf("the generated client has no method %s for the operation %s", name, op.ID)
	}
	return m, nil
}

var (
	contextType = reflect.TypeFor[context.Context]()
	readerType  = reflect.TypeFor[io.Reader]()
)

// methodArgs builds the arguments of a generated client method of type t:
// the context, the path parameters in path order, the *<Op>Params struct
// of the query parameters when the method takes one, and, for
// <Op>WithBody, the content type and the body. The variadic request
// editors are left empty.
func methodArgs(ctx context.Context, t reflect.Type, req apiRequest) ([]reflect.Value, error) {
	op := req.op
	mismatch := func(why string) error {
		return fmt.Errorf("the generated client's method for %s does not match openapi.yaml: %s", op.ID, why)
	}
	if t.NumIn() < 2 || !t.IsVariadic() || t.In(0) != contextType {
		return nil, mismatch("not a method of the ClientInterface")
	}
	args := []reflect.Value{reflect.ValueOf(ctx)}
	for _, p := range op.pathParams() {
		if len(args) >= t.NumIn()-1 {
			return nil, mismatch("too few arguments")
		}
		v, ok := req.values[p.Name]
		if !ok {
			return nil, usageErrorf("%s needs the path parameter %s (%s=...)", op.ID, p.Name, p.Name)
		}
		if s, ok := v.(string); ok && (s == "" || s == "." || s == "..") {
			return nil, usageErrorf("path parameter %s must not be %q", p.Name, s)
		}
		arg, err := convert(v, t.In(len(args)))
		if err != nil {
			return nil, mismatch(fmt.Sprintf("path parameter %s: %v", p.Name, err))
		}
		args = append(args, arg)
	}
	query := map[string]any{}
	for _, p := range op.Params {
		if v, ok := req.values[p.Name]; ok && p.In == openapi3.ParameterInQuery {
			query[p.Name] = v
		}
	}
	if i := len(args); i < t.NumIn()-1 && isParams(t.In(i)) {
		pv := reflect.New(t.In(i).Elem())
		if len(query) > 0 {
			b, err := json.Marshal(query)
			if err != nil {
				return nil, err
			}
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(pv.Interface()); err != nil {
				return nil, mismatch(fmt.Sprintf("query parameters: %v", err))
			}
		}
		args = append(args, pv)
	} else if len(query) > 0 {
		return nil, mismatch("the method takes no query parameters")
	}
	if op.Body != nil {
		if len(args)+2 > t.NumIn()-1 || t.In(len(args)).Kind() != reflect.String || t.In(len(args)+1) != readerType {
			return nil, mismatch("no content type and body")
		}
		body := reflect.Zero(readerType)
		if req.body != nil {
			body = reflect.ValueOf(bytes.NewReader(req.body))
		}
		args = append(args, reflect.ValueOf("application/json").Convert(t.In(len(args))), body)
	} else if req.body != nil {
		return nil, usageErrorf("%s takes no request body (--data)", op.ID)
	}
	if len(args) != t.NumIn()-1 {
		return nil, mismatch(fmt.Sprintf("it takes %d arguments before the request editors, openapi.yaml gives %d", t.NumIn()-1, len(args)))
	}
	return args, nil
}

// isParams reports a *<Op>Params struct pointer.
func isParams(t reflect.Type) bool {
	return t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct && strings.HasSuffix(t.Elem().Name(), "Params")
}

// convert turns a parsed value into a value of type t, through its JSON
// encoding (strings of a string type are taken as they are).
func convert(v any, t reflect.Type) (reflect.Value, error) {
	if t.Kind() == reflect.String {
		return reflect.ValueOf(fmt.Sprint(v)).Convert(t), nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return reflect.Value{}, err
	}
	p := reflect.New(t)
	if err := json.Unmarshal(b, p.Interface()); err != nil {
		return reflect.Value{}, err
	}
	return p.Elem(), nil
}

// envelope is Crisp's answer envelope.
type envelope struct {
	Error  bool            `json:"error"`
	Reason string          `json:"reason"`
	Data   json.RawMessage `json:"data"`
}

// readAnswer reads the answer of op: a success gives its data, anything
// else a *crisp.Error with Crisp's reason and message.
func readAnswer(op *operation, resp *http.Response) (*apiAnswer, error) {
	fail := func(reason string, err error) *crisp.Error {
		return &crisp.Error{Operation: op.ID, Method: op.Method, Path: resp.Request.URL.EscapedPath(), StatusCode: resp.StatusCode, Reason: reason, Err: err}
	}
	ok := resp.StatusCode >= 200 && resp.StatusCode <= 299
	if op.Method == http.MethodHead {
		switch {
		case ok:
			return &apiAnswer{Status: resp.StatusCode, Exists: true}, nil
		case resp.StatusCode == http.StatusNotFound:
			return &apiAnswer{Status: resp.StatusCode}, nil
		}
		return nil, fail(crisp.ReasonHTTPError, nil)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	switch {
	case err != nil:
		e := fail(crisp.ReasonNetworkError, err)
		return nil, e
	case len(body) > maxAnswer:
		return nil, fail(crisp.ReasonInvalidResponse, fmt.Errorf("the answer is longer than %d MiB", maxAnswer>>20))
	}
	var env envelope
	decodeErr := json.Unmarshal(body, &env)
	if ok && decodeErr != nil {
		return nil, fail(crisp.ReasonInvalidResponse, errors.New("the answer is not Crisp's JSON envelope"))
	}
	if ok && !env.Error {
		data := env.Data
		if string(data) == "null" {
			data = nil
		}
		return &apiAnswer{Status: resp.StatusCode, Data: data}, nil
	}
	e := fail(cmp.Or(env.Reason, crisp.ReasonHTTPError), nil)
	e.Data = env.Data
	var msg struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(env.Data, &msg) == nil {
		e.Message = msg.Message
	}
	return nil, e
}

// transportError is the *crisp.Error of a request that got no answer. It
// names the operation, not the URL (which may hold personal data).
func transportError(op *operation, err error) error {
	e := &crisp.Error{Operation: op.ID, Method: op.Method, Reason: crisp.ReasonNetworkError, Err: err}
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil {
			e.Path = u.EscapedPath()
		}
		e.Err = ue.Err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		e.Reason = ""
	}
	return e
}
