package crisp

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Sentinel errors, matched by errors.Is against any error the client returns.
var (
	// ErrNotFound matches a 404 answer (Crisp reasons such as not_found or
	// not_subscribed).
	ErrNotFound = errors.New("crisp: not found")
	// ErrRateLimited matches a 429 or 420 answer.
	ErrRateLimited = errors.New("crisp: rate limited")
	// ErrUnauthorized matches a 401 or 403 answer, and the
	// restricted_route_tier reason (a token of the wrong tier).
	ErrUnauthorized = errors.New("crisp: unauthorized")
	// ErrInvalidData matches a 400 answer or the invalid_data reason.
	ErrInvalidData = errors.New("crisp: invalid data")
	// ErrConflict matches a 409 answer.
	ErrConflict = errors.New("crisp: conflict")
	// ErrServer matches a 5xx answer.
	ErrServer = errors.New("crisp: server error")
	// ErrInvalidArgument matches input the client refused before sending
	// any request (an empty, "." or ".." path parameter, a nil body, a nil
	// context, ...).
	ErrInvalidArgument = errors.New("crisp: invalid argument")
	// ErrInvalidResponse matches a success answer that is not what its
	// route promises: a body that is not the JSON envelope of its type,
	// no data (or null) where the route returns some, a body longer than
	// the cap (WithMaxResponseSize).
	ErrInvalidResponse = errors.New("crisp: invalid response")
)

// Reasons the client itself reports in Error.Reason when Crisp gave none.
const (
	// ReasonInvalidArgument: input refused before any request was sent
	// (matches ErrInvalidArgument).
	ReasonInvalidArgument = "invalid_argument"
	// ReasonNetworkError: the request could not be sent or its answer
	// could not be read whole (a body cut by a reset is one).
	ReasonNetworkError = "network_error"
	// ReasonHTTPError: an answer that is not a success and carries no
	// reason of Crisp's (a proxy's HTML page, an empty body, ...).
	ReasonHTTPError = "http_error"
	// ReasonInvalidResponse: a success answer that is not what its route
	// promises (matches ErrInvalidResponse).
	ReasonInvalidResponse = "invalid_response"
	// ReasonPaginationLoop: an ...Iter walk that would not end, stopped
	// by the client: a page equal to the previous one (a server that
	// ignores the page number), or more than MaxPages pages.
	ReasonPaginationLoop = "pagination_loop"
)

// Error is the error every client method returns: an answer from Crisp
// that is not a success, a request that could not be sent, or input refused
// before sending. Use errors.As to read it and errors.Is with the sentinel
// errors (ErrNotFound, ErrRateLimited, ...) to classify it. It never holds
// credentials.
type Error struct {
	// Operation is the operationId of the call in openapi.yaml.
	Operation string
	// Method and Path are the HTTP method and the escaped URL path of the
	// request (without query string), when a request was built. Error
	// does not print Path, which may hold personal data (a people ID is
	// often an e-mail address): it prints the path of the operation with
	// its parameters named, "/website/{website_id}/people/profile/{people_id}".
	Method string
	Path   string
	// StatusCode is the HTTP status of Crisp's answer; 0 when no answer
	// was received.
	StatusCode int
	// Reason is Crisp's machine-readable reason (not_found, invalid_data,
	// restricted_route_tier, ...), or one of the Reason* constants.
	Reason string
	// Message is the human-readable message (Crisp's data.message).
	Message string
	// Data is the raw data of Crisp's error envelope, if any.
	Data json.RawMessage
	// Err is the underlying cause: a transport or context error, or a
	// decoding error.
	Err error
}

// Error returns a one-line description: the operation, the method and
// the path of the operation without its parameters (never Path itself),
// the status, Crisp's reason and message, and the cause. For example
// "crisp: getPeopleProfile: GET /website/{website_id}/people/profile/{people_id}: 404 Not
// Found: not_found: the route does not exist".
func (e *Error) Error() string {
	var parts []string
	if e.Operation != "" {
		parts = append(parts, e.Operation)
	}
	if e.Method != "" {
		route := e.Method
		if t := pathTemplate(e.Operation); t != "" {
			route += " " + t
		}
		parts = append(parts, route)
	}
	if e.StatusCode != 0 {
		parts = append(parts, strconv.Itoa(e.StatusCode)+" "+http.StatusText(e.StatusCode))
	}
	var b strings.Builder
	b.WriteString("crisp: ")
	b.WriteString(strings.Join(parts, ": "))
	for _, s := range []string{e.Reason, e.Message, errText(e.Err)} {
		if s == "" {
			continue
		}
		if b.Len() > len("crisp: ") {
			b.WriteString(": ")
		}
		writeOneLine(&b, s)
	}
	return b.String()
}

// Format prints Error() whatever the verb (%q and %x quote or encode it),
// so that no verb, %#v and %+v included, prints the fields one by one:
// Path may hold personal data. Read the fields themselves for it.
func (e *Error) Format(f fmt.State, verb rune) {
	switch verb {
	case 'q', 'x', 'X':
		_, _ = fmt.Fprintf(f, string([]rune{'%', verb}), e.Error())
	default:
		_, _ = io.WriteString(f, e.Error())
	}
}

// errText is err's text, or "" for nil.
func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// maxErrorText caps each server-provided part of an error string.
const maxErrorText = 1024

// writeOneLine writes s with control characters (line breaks included)
// replaced by spaces, and at most maxErrorText bytes of it: what a server
// or a proxy sends never breaks a log line or floods it.
func writeOneLine(b *strings.Builder, s string) {
	cut := len(s) > maxErrorText
	if cut {
		s = s[:maxErrorText]
	}
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if r < 0x20 || r == 0x7f {
			r = ' '
		}
		b.WriteRune(r)
	}
	if cut {
		b.WriteString("…")
	}
}

// Unwrap returns the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the sentinel errors of this package.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests || e.StatusCode == 420
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized || e.StatusCode == http.StatusForbidden || e.Reason == "restricted_route_tier"
	case ErrInvalidData:
		return e.StatusCode == http.StatusBadRequest || e.Reason == "invalid_data"
	case ErrConflict:
		return e.StatusCode == http.StatusConflict
	case ErrServer:
		return e.StatusCode >= 500 && e.StatusCode <= 599
	case ErrInvalidArgument:
		return e.Reason == ReasonInvalidArgument
	case ErrInvalidResponse:
		return e.Reason == ReasonInvalidResponse
	}
	return false
}

// Temporary reports whether retrying the same call later may succeed: a
// network error, or an answer of a status the retry loop retries (429 and
// 420, 500, 502, 503 and 504). It is true for exactly the failures the
// client retries (for the methods its RetryPolicy retries).
func (e *Error) Temporary() bool {
	return e.Reason == ReasonNetworkError || transientStatus(e.StatusCode)
}

// invalidArg builds the error for input refused before any request.
func invalidArg(op, format string, args ...any) error {
	return &Error{Operation: op, Reason: ReasonInvalidArgument, Message: fmt.Sprintf(format, args...)}
}
