package crisp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
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

// decodeInto decodes the data of a success answer into out and returns
// the status code.
func decodeInto[T any](op string, resp *http.Response, err error, out *T) (int, error) {
	if err != nil {
		return 0, transportError(op, err)
	}
	defer drain(resp.Body)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, statusError(op, resp)
	}
	env := envelope[*T]{Data: out}
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil {
		return resp.StatusCode, invalidResponse(op, resp, err)
	}
	if env.Error {
		return resp.StatusCode, &Error{Operation: op, Method: resp.Request.Method, Path: requestPath(resp), StatusCode: resp.StatusCode, Reason: env.Reason}
	}
	return resp.StatusCode, nil
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
