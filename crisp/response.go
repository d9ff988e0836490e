package crisp

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

	"github.com/crisp-go/crisp-go/internal/jsonx"
)

// maxErrorBody caps how much of an error answer is read.
const maxErrorBody = 64 << 10

// envelope is Crisp's response wrapper. Data holds where the data goes:
// a **T whose *T stays nil unless the answer has a data that is not null
// (decodeData), or a *T. One non-generic type (and one decoding path, in
// decodeBody and decodeEnvelope) for every result type keeps package crisp
// small to compile: a generic envelope[T] was instantiated, with the
// functions around it, once per result type.
type envelope struct {
	Error  bool   `json:"error"`
	Reason string `json:"reason"`
	Data   any    `json:"data"`
}

// errorEnvelope is the wrapper of an error answer.
type errorEnvelope struct {
	Error  bool            `json:"error"`
	Reason string          `json:"reason"`
	Data   json.RawMessage `json:"data"`
}

// errNoData is the cause of the error of a success answer without the
// data its route promises.
var errNoData = errors.New(`the answer has no "data", or it is null`)

// missingField is the error of a success answer whose data lacks the one
// field a method returns (an ID): its zero value would look like success.
func missingField(op string, resp *http.Response, field string) error {
	return invalidResponse(op, resp, fmt.Errorf("the answer's data has no %q", field))
}

// decode reads a success answer into a new T and returns it; any other
// answer becomes an *Error, and so does a success answer whose data is
// missing or null (ErrInvalidResponse). It always closes the body.
func decode[T any](op string, resp *http.Response, err error) (*T, error) {
	out, _, err := decodeData[T](op, resp, err)
	return out, err
}

// decodeList is decode for list data: it returns the slice itself (empty,
// not nil, for "data": []).
func decodeList[T any](op string, resp *http.Response, err error) ([]T, error) {
	out, _, err := decodeData[[]T](op, resp, err)
	if err != nil {
		return nil, err
	}
	return *out, nil
}

// decodeInto is decode into out, which must be the zero value; it also
// returns the status code (0 when no answer was received).
func decodeInto[T any](op string, resp *http.Response, err error, out *T) (int, error) {
	data, status, err := decodeData[T](op, resp, err)
	if err != nil {
		return status, err
	}
	*out = *data
	return status, nil
}

// decodeData is decode, with the status code.
func decodeData[T any](op string, resp *http.Response, err error) (*T, int, error) {
	var out *T
	status, err := decodeBody(op, resp, err, &out)
	if err != nil {
		return nil, status, err
	}
	if out == nil {
		return nil, status, invalidResponse(op, resp, errNoData)
	}
	return out, status, nil
}

// decodeBody is the body of decodeData: it decodes the data of a success
// answer into dst (a **T) and returns the status code (0 when no answer
// was received), or the *Error of any other answer.
func decodeBody(op string, resp *http.Response, err error, dst any) (int, error) {
	if err != nil {
		return 0, transportError(op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer drain(resp.Body)
		return resp.StatusCode, statusError(op, resp)
	}
	buf, rel, err := successBody(resp)
	if err != nil {
		return resp.StatusCode, invalidResponse(op, resp, err)
	}
	defer rel.release()
	env := envelope{Data: dst}
	derr := decodeEnvelope(buf, &env)
	if derr != nil || env.Error {
		// "error": true is Crisp's error, whatever the data holds.
		if e := envelopeError(op, resp, buf); e != nil {
			return resp.StatusCode, e
		}
	}
	if derr != nil {
		return resp.StatusCode, invalidResponse(op, resp, derr)
	}
	return resp.StatusCode, nil
}

// successBody returns the whole body of a success answer and closes it;
// the bytes are valid until rel.release(). The body is normally a
// bufferedBody, read by the doer; any other body is read here, up to
// DefaultMaxResponseSize.
func successBody(resp *http.Response) (buf []byte, rel releaser, err error) {
	if bb, ok := resp.Body.(*bufferedBody); ok {
		return bb.buf, releaser{bb: bb}, nil
	}
	// Read to its end, or given up on: closing is all that is left.
	buf, slot, err := readAll(resp.Body, resp.ContentLength, DefaultMaxResponseSize)
	_ = resp.Body.Close()
	if err != nil {
		return nil, releaser{}, err
	}
	return buf, releaser{buf: buf, slot: slot}, nil
}

// releaser gives the buffer of successBody back.
type releaser struct {
	bb   *bufferedBody
	buf  []byte
	slot *[]byte
}

func (r releaser) release() {
	if r.bb != nil {
		_ = r.bb.Close()
		return
	}
	release(r.buf, r.slot)
}

// decodeEnvelope decodes the first JSON value of a whole body (see
// successBody) into env, whose Data is a non-nil pointer (a *T or a **T),
// with exactly the result and the errors of
// json.NewDecoder(body).Decode(env). The fast decoder (package
// internal/jsonx) decodes it; anything it does not accept as is goes to
// encoding/json, from env as it was given: json.Unmarshal, and
// json.Decoder for what json.Unmarshal refuses as a syntax error
// (json.Decoder ignores what follows the first value, and reports a cut
// value as io.ErrUnexpectedEOF and an empty body as io.EOF).
func decodeEnvelope(buf []byte, env *envelope) error {
	given := env.Data // a "data": null may set env.Data to nil
	if jsonx.Fast {
		if jsonx.UnmarshalAny(buf, env) == nil {
			return nil
		}
		// encoding/json decides what the error is, from env as given.
		if v := reflect.ValueOf(given); v.Kind() == reflect.Pointer && !v.IsNil() {
			v.Elem().SetZero()
		}
		*env = envelope{Data: given}
	}
	err := json.Unmarshal(buf, env)
	var se *json.SyntaxError
	if !errors.As(err, &se) || json.Valid(buf) {
		// nil, or an error json.Decoder reports alike: a type error,
		// or one of an UnmarshalJSON method.
		return err
	}
	// Not valid JSON, so env was not touched.
	return json.NewDecoder(bytes.NewReader(buf)).Decode(env)
}

// done checks an answer whose data is not needed. A success answer must
// be Crisp's envelope, a JSON object (or 204 No Content); "error": true in
// it is Crisp's error, as on every route.
func done(op string, resp *http.Response, err error) error {
	if err != nil {
		return transportError(op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer drain(resp.Body)
		return statusError(op, resp)
	}
	if resp.StatusCode == http.StatusNoContent {
		drain(resp.Body)
		return nil
	}
	buf, rel, err := successBody(resp)
	if err != nil {
		return invalidResponse(op, resp, err)
	}
	defer rel.release()
	env := envelope{Data: new(ignored)}
	derr := decodeEnvelope(buf, &env)
	if derr == nil && !jsonObject(buf) {
		derr = errNotEnvelope
	}
	if derr != nil {
		return invalidResponse(op, resp, derr)
	}
	if env.Error {
		return envelopeError(op, resp, buf)
	}
	return nil
}

// errNotEnvelope is the cause of the error of a success answer that is
// not a JSON object.
var errNotEnvelope = errors.New("the answer is not a JSON object")

// ignored is a JSON value that is skipped.
type ignored struct{}

func (*ignored) UnmarshalJSON([]byte) error { return nil }

// jsonObject reports whether the first JSON value of buf is an object.
func jsonObject(buf []byte) bool {
	v := bytes.TrimLeft(buf, " \t\r\n")
	return len(v) > 0 && v[0] == '{'
}

// exists reads the answer of a HEAD route: 2xx is true, 404 is false, any
// other answer is an error.
func exists(op string, resp *http.Response, err error) (bool, error) {
	if err != nil {
		return false, transportError(op, err)
	}
	defer drain(resp.Body)
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode <= 299:
		return true, nil
	case resp.StatusCode == http.StatusNotFound:
		return false, nil
	}
	return false, statusError(op, resp)
}

// statusError builds the error of a non-2xx answer from Crisp's error
// envelope, reading at most maxErrorBody bytes of it.
func statusError(op string, resp *http.Response) error {
	e := answerError(op, resp)
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	var env errorEnvelope
	if len(body) > 0 && json.Unmarshal(body, &env) == nil && (env.Reason != "" || env.Error) {
		e.fromEnvelope(&env)
	} else {
		e.Reason = ReasonHTTPError
	}
	return e
}

// envelopeError returns the error of a success answer whose envelope says
// "error": true, or nil when it does not.
func envelopeError(op string, resp *http.Response, body []byte) *Error {
	var env errorEnvelope
	if json.NewDecoder(bytes.NewReader(body)).Decode(&env) != nil || !env.Error {
		return nil
	}
	e := answerError(op, resp)
	e.fromEnvelope(&env)
	return e
}

// answerError is the error of an answer, before its reason is known.
func answerError(op string, resp *http.Response) *Error {
	return &Error{Operation: op, StatusCode: resp.StatusCode, Method: resp.Request.Method, Path: requestPath(resp)}
}

// fromEnvelope sets Crisp's reason (ReasonHTTPError when it gave none),
// message (data.message) and data.
func (e *Error) fromEnvelope(env *errorEnvelope) {
	e.Reason = cmp.Or(env.Reason, ReasonHTTPError)
	e.Data = env.Data
	var d struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(env.Data, &d) == nil {
		e.Message = d.Message
	}
}

func invalidResponse(op string, resp *http.Response, err error) error {
	if errors.Is(err, io.EOF) {
		err = errors.New("empty body")
	}
	return &Error{Operation: op, Method: resp.Request.Method, Path: requestPath(resp), StatusCode: resp.StatusCode, Reason: ReasonInvalidResponse, Err: err}
}

// transportError wraps an error from sending the request or reading the
// answer (with the status of the answer whose body could not be read).
// Context errors stay reachable with errors.Is.
func transportError(op string, err error) error {
	if err.Error() == nilContextText {
		return errNilContext(op)
	}
	e := &Error{Operation: op, Reason: ReasonNetworkError, Err: err}
	var ue *url.Error
	if errors.As(err, &ue) {
		e.Method = strings.ToUpper(ue.Op)
		if u, perr := url.Parse(ue.URL); perr == nil {
			e.Path = u.EscapedPath()
		}
		e.Err = ue.Err
	}
	var be *bodyError
	if errors.As(e.Err, &be) {
		// The status line arrived, the body did not.
		e.StatusCode, e.Err = be.status, be.err
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		e.Reason = ""
	}
	return e
}

// nilContextText is the text of the error http.NewRequestWithContext
// returns for a nil context, before any request is sent (net/http exports
// no value to compare with).
var nilContextText = func() string {
	var nilCtx context.Context
	_, err := http.NewRequestWithContext(nilCtx, http.MethodGet, "/", nil)
	if err == nil {
		return "" // never: no error text is empty
	}
	return err.Error()
}()

// errNilContext is the error of a call made with a nil context.
func errNilContext(op string) error {
	return invalidArg(op, "the context must not be nil (use context.Background())")
}

func requestPath(resp *http.Response) string {
	if resp.Request == nil || resp.Request.URL == nil {
		return ""
	}
	return resp.Request.URL.EscapedPath()
}
