package crisp

import (
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/oapi-codegen/nullable"
)

var flagOn = api.FlagN1

// flag turns a boolean option into Crisp's 1/0 query flag; false is left
// out, which Crisp reads as 0.
func flag(b bool) *api.Flag {
	if b {
		return &flagOn
	}
	return nil
}

// optString returns a pointer to s, or nil when s is empty.
func optString[T ~string](s T) *T {
	if s == "" {
		return nil
	}
	return &s
}

// optInt returns a pointer to n, or nil when n is zero.
func optInt[T ~int | ~int64](n T) *T {
	if n == 0 {
		return nil
	}
	return &n
}

// optTime returns a pointer to t, or nil when t is the zero time.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// emptyBody is the body of routes that take none; Crisp accepts {}.
func emptyBody() api.EmptyRequest { return api.EmptyRequest{} }

// nullIfUnset makes a required nullable field that the caller left unset
// explicit null, which is what Crisp reads as "none" (an unset
// nullable.Nullable would otherwise be sent as the zero value).
func nullIfUnset[T any](n *nullable.Nullable[T]) {
	if !n.IsSpecified() {
		n.SetNull()
	}
}
