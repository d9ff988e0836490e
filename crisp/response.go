package crisp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"github.com/crisp-go/crisp-go/internal/jsonx"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
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

// decode reads a success answer into a new T and returns it; any other
// answer becomes an *Error. It always closes the body.
func decode[T any](op string, resp *http.Response, err error) (*T, error) {
	out := new(T)
	if _, err := decodeInto(op, resp, err, out); err != nil {
		return nil, err
	}
	return out, nil
}

// decodeList is decode for list data: it returns the slice itself.
func decodeList[T any](op string, resp *http.Response, err error) ([]T, error) {
	var out []T
	if _, err := decodeInto(op, resp, err, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// decodeInto decodes the data of a success answer into out, which must be
// the zero value, and returns the status code.
func decodeInto[T any](op string, resp *http.Response, err error, out *T) (int, error) {
	if err != nil {
		return 0, transportError(op, err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		defer drain(resp.Body)
		return resp.StatusCode, statusError(op, resp)
	}
	env := envelope[*T]{Data: out}
	if err := decodeBody(resp, &env); err != nil {
		return resp.StatusCode, invalidResponse(op, resp, err)
	}
	if env.Error {
		reason := env.Reason
		if reason == "" {
			reason = ReasonHTTPError
		}
		return resp.StatusCode, &Error{Operation: op, Method: resp.Request.Method, Path: requestPath(resp), StatusCode: resp.StatusCode, Reason: reason}
	}
	return resp.StatusCode, nil
}

// maxBuffered is how much of a success answer decodeBody reads ahead into
// a buffer; a longer body is decoded as a stream.
const maxBuffered = 4 << 20

// maxPooled is the largest buffer kept for reuse.
const maxPooled = 1 << 20

// bufPool holds the buffers answers are read into, so that a call does not
// allocate (and grow) one of its own.
var bufPool = sync.Pool{New: func() any {
	b := make([]byte, 0, 16<<10)
	return &b
}}

// decodeBody decodes the first JSON value of resp's body into env (whose
// data must be the zero value), with exactly the result and the errors of
// json.NewDecoder(resp.Body).Decode(env), and then drains and closes the
// body.
//
// The body is read once: into a pooled buffer, up to its end (net/http
// reports the end with the last bytes), so that the connection is back in
// the pool before decoding starts. The whole value is then decoded by the
// fast decoder (package internal/jsonx); anything it does not accept as is goes
// to encoding/json, from the zero value: json.Unmarshal, and json.Decoder
// for what json.Unmarshal refuses as a syntax error (json.Decoder ignores
// what follows the first value, and reports a cut value as
// io.ErrUnexpectedEOF and an empty body as io.EOF). A read error and a body
// longer than maxBuffered go to json.Decoder too, over the bytes already
// read and what follows, as before.
func decodeBody[T any](resp *http.Response, env *envelope[*T]) error {
	defer drain(resp.Body)
	out := env.Data // a "data": null sets env.Data to nil
	bp := bufPool.Get().(*[]byte)
	buf, eof, rerr := readBody((*bp)[:0], resp.Body, resp.ContentLength)
	defer func() {
		if cap(buf) <= maxPooled {
			*bp = buf[:0]
			bufPool.Put(bp)
		}
	}()
	if eof {
		if jsonx.Fast {
			if jsonx.Unmarshal(buf, env) == nil {
				return nil
			}
			// encoding/json decides what the error is, from the zero
			// value.
			var zero T
			*out = zero
			*env = envelope[*T]{Data: out}
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
	var rest io.Reader = resp.Body
	if rerr != nil {
		rest = errReader{rerr}
	}
	return json.NewDecoder(io.MultiReader(bytes.NewReader(buf), rest)).Decode(env)
}

// readBody appends body to buf until its end (eof), a read error, or
// maxBuffered bytes. size is the announced length (-1 when unknown).
func readBody(buf []byte, body io.Reader, size int64) (_ []byte, eof bool, _ error) {
	if size > 0 && size < maxBuffered && int64(cap(buf)) <= size {
		// One byte more, for a body that reports its end in a read of
		// its own (net/http reports it with the last bytes).
		buf = make([]byte, 0, size+1)
	}
	for len(buf) < maxBuffered {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := body.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, true, nil
		}
		if err != nil {
			return buf, false, err
		}
	}
	return buf, false, nil
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

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
