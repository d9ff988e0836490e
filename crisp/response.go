package crisp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/crisp-go/crisp-go/internal/jsonx"
)

// maxErrorBody caps how much of an error answer is read.
const maxErrorBody = 64 << 10

// envelope is Crisp's response wrapper with typed data.
type envelope[T any] struct {
	Error  bool   `json:"error"`
	Reason string `json:"reason"`
	Data   T      `json:"data"`
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
	if err != nil {
		return nil, 0, transportError(op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer drain(resp.Body)
		return nil, resp.StatusCode, statusError(op, resp)
	}
	// Data stays nil unless the answer has a data that is not null.
	var env envelope[*T]
	if err := decodeBody(resp, &env); err != nil {
		return nil, resp.StatusCode, invalidResponse(op, resp, err)
	}
	if env.Error {
		reason := env.Reason
		if reason == "" {
			reason = ReasonHTTPError
		}
		return nil, resp.StatusCode, &Error{Operation: op, Method: resp.Request.Method, Path: requestPath(resp), StatusCode: resp.StatusCode, Reason: reason}
	}
	if env.Data == nil {
		return nil, resp.StatusCode, invalidResponse(op, resp, errNoData)
	}
	return env.Data, resp.StatusCode, nil
}

// decodeBody decodes the first JSON value of resp's body into env, with
// exactly the result and the errors of json.NewDecoder(body).Decode(env)
// over the whole body, and closes the body. A body that
// could not be read whole (a read error, longer than the cap) gives that
// error, whatever it holds.
//
// The body is normally a bufferedBody, read by the doer; any other body is
// read here, up to DefaultMaxResponseSize. The whole value is decoded by
// the fast decoder (package internal/jsonx); anything it does not accept as
// is goes to encoding/json, from env as it was given: json.Unmarshal, and
// json.Decoder for what json.Unmarshal refuses as a syntax error
// (json.Decoder ignores what follows the first value, and reports a cut
// value as io.ErrUnexpectedEOF and an empty body as io.EOF).
func decodeBody[T any](resp *http.Response, env *envelope[*T]) error {
	if bb, ok := resp.Body.(*bufferedBody); ok {
		defer bb.Close() // gives the buffer back
		return decodeEnvelope(bb.buf, env)
	}
	// Read to its end, or given up on: closing is all that is left.
	buf, slot, err := readAll(resp.Body, resp.ContentLength, DefaultMaxResponseSize)
	_ = resp.Body.Close()
	if err != nil {
		return err
	}
	defer release(buf, slot)
	return decodeEnvelope(buf, env)
}

// decodeEnvelope is decodeBody over the bytes of a whole body.
func decodeEnvelope[T any](buf []byte, env *envelope[*T]) error {
	given := env.Data // a "data": null sets env.Data to nil
	if jsonx.Fast {
		if jsonx.Unmarshal(buf, env) == nil {
			return nil
		}
		// encoding/json decides what the error is, from env as given.
		if given != nil {
			var zero T
			*given = zero
		}
		*env = envelope[*T]{Data: given}
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

// done checks an answer whose data is not needed.
func done(op string, resp *http.Response, err error) error {
	if err != nil {
		return transportError(op, err)
	}
	defer drain(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return statusError(op, resp)
	}
	return nil
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
	e := &Error{Operation: op, StatusCode: resp.StatusCode, Method: resp.Request.Method, Path: requestPath(resp)}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	var env errorEnvelope
	if len(body) > 0 && json.Unmarshal(body, &env) == nil && env.Reason != "" {
		e.Reason = env.Reason
		e.Data = env.Data
		var d struct {
			Message string `json:"message"`
		}
		if json.Unmarshal(env.Data, &d) == nil {
			e.Message = d.Message
		}
	} else {
		e.Reason = ReasonHTTPError
	}
	return e
}

func invalidResponse(op string, resp *http.Response, err error) error {
	if errors.Is(err, io.EOF) {
		err = errors.New("empty body")
	}
	return &Error{Operation: op, Method: resp.Request.Method, Path: requestPath(resp), StatusCode: resp.StatusCode, Reason: ReasonInvalidResponse, Err: err}
}

// transportError wraps an error from sending the request or reading the
// answer. Context errors stay reachable with errors.Is.
func transportError(op string, err error) error {
	e := &Error{Operation: op, Reason: ReasonNetworkError, Err: err}
	var ue *url.Error
	if errors.As(err, &ue) {
		e.Method = strings.ToUpper(ue.Op)
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

func requestPath(resp *http.Response) string {
	if resp.Request == nil || resp.Request.URL == nil {
		return ""
	}
	return resp.Request.URL.EscapedPath()
}
