package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"sync"
	"time"
)

// Request headers Crisp sets on web hook deliveries.
const (
	// HeaderTimestamp is the time Crisp signed the request (a Unix time,
	// in seconds or milliseconds; see the package documentation).
	HeaderTimestamp = "X-Crisp-Request-Timestamp"
	// HeaderSignature is the hex HMAC-SHA256 signature (plugin hooks only).
	HeaderSignature = "X-Crisp-Signature"
	// HeaderOrigin names the hook's origin, such as
	// "plugin/rtm <plugin id> production".
	HeaderOrigin = "X-Crisp-Hook-Origin"
	// HeaderAttemptCount is the number of this delivery attempt, from 1.
	HeaderAttemptCount = "X-Delivery-Attempt-Count"
	// HeaderAttemptLimit is the number of attempts Crisp will make.
	HeaderAttemptLimit = "X-Delivery-Attempt-Limit"
)

// DefaultTolerance is how far a request timestamp may be from the local
// clock, in either direction, before Verify and Handler reject it.
const DefaultTolerance = 5 * time.Minute

// Errors returned (possibly wrapped) by Verify, VerifyAt and VerifyWidget,
// and reported by Handler. Test them with errors.Is.
var (
	// ErrMissingSignature means the signature or the timestamp it covers
	// is missing.
	ErrMissingSignature = errors.New("webhook: missing signature")
	// ErrBadSignature means the signature does not match the body and
	// timestamp under the secret (or no secret was given).
	ErrBadSignature = errors.New("webhook: bad signature")
	// ErrStaleTimestamp means the signature is right but the timestamp is
	// further than the tolerance from the local clock, or is not a Unix
	// time at all.
	ErrStaleTimestamp = errors.New("webhook: stale timestamp")
)

// Sign returns the signature Crisp sends for body: the hex HMAC-SHA256,
// keyed by secret, of "[" + timestamp + ";" + body + "]". timestamp is the
// X-Crisp-Request-Timestamp value, as sent.
func Sign(secret, timestamp string, body []byte) string {
	return hex.EncodeToString(mac(secret, timestamp, body))
}

func mac(secret, timestamp string, body []byte) []byte {
	st := newSigner(secret).newState()
	return st.sum(timestamp, body)
}

// signer checks signatures under one secret, reusing its HMAC states: a
// Handler keeps one, so that checking a request allocates nothing.
type signer struct {
	secret string
	pool   sync.Pool // of *macState
}

func newSigner(secret string) *signer { return &signer{secret: secret} }

// macState is one HMAC-SHA256 state with its scratch space.
type macState struct {
	h   hash.Hash
	buf []byte // "[" + timestamp + ";", then the signature's hex digits
	out [sha256.Size]byte
	sig [sha256.Size]byte
}

func (s *signer) newState() *macState {
	return &macState{h: hmac.New(sha256.New, []byte(s.secret))}
}

var closing = []byte("]")

// sum returns the HMAC of "[" + timestamp + ";" + body + "]"; it is valid
// until st is used again.
func (st *macState) sum(timestamp string, body []byte) []byte {
	st.h.Reset()
	st.buf = append(append(append(st.buf[:0], '['), timestamp...), ';')
	st.h.Write(st.buf)
	st.h.Write(body)
	st.h.Write(closing)
	return st.h.Sum(st.out[:0])
}

// valid reports whether signature (hex, either case) is the signature of
// timestamp and body, comparing in constant time.
func (s *signer) valid(timestamp string, body []byte, signature string) bool {
	st, _ := s.pool.Get().(*macState)
	if st == nil {
		st = s.newState()
	}
	defer s.pool.Put(st)
	sum := st.sum(timestamp, body)
	// Any other length is not a signature (and does not decode to one).
	if len(signature) != 2*sha256.Size {
		return false
	}
	st.buf = append(st.buf[:0], signature...)
	if _, err := hex.Decode(st.sig[:], st.buf); err != nil {
		return false
	}
	return hmac.Equal(sum, st.sig[:])
}

// Verify checks a signed web hook: signature (the X-Crisp-Signature
// header) must be Sign(secret, timestamp, body), where timestamp is the
// X-Crisp-Request-Timestamp header and body the raw request body, exactly
// as received. The comparison takes constant time; upper- and lower-case
// hex are both accepted. timestamp must also be within DefaultTolerance of
// the local clock; use VerifyAt to choose the clock and tolerance.
//
// It returns nil, or an error that is ErrMissingSignature,
// ErrBadSignature or ErrStaleTimestamp.
func Verify(secret, timestamp string, body []byte, signature string) error {
	return VerifyAt(secret, timestamp, body, signature, time.Now(), DefaultTolerance)
}

// VerifyAt is Verify with the time taken as now and a tolerance of
// tolerance; a tolerance of 0 or less skips the timestamp check (the
// timestamp must still be present, since the signature covers it).
//
// The signature is checked first, so ErrStaleTimestamp means an authentic
// request that is too old (or too far in the future): a replay, or a
// clock out of step.
func VerifyAt(secret, timestamp string, body []byte, signature string, now time.Time, tolerance time.Duration) error {
	return newSigner(secret).verifyAt(timestamp, body, signature, now, tolerance)
}

// verifyAt is VerifyAt under s's secret.
func (s *signer) verifyAt(timestamp string, body []byte, signature string, now time.Time, tolerance time.Duration) error {
	secret := s.secret
	switch {
	case signature == "":
		return fmt.Errorf("%w: no %s", ErrMissingSignature, HeaderSignature)
	case timestamp == "":
		return fmt.Errorf("%w: no %s", ErrMissingSignature, HeaderTimestamp)
	case secret == "":
		// HMAC accepts an empty key, but anybody can sign with it.
		return fmt.Errorf("%w: no secret to verify with", ErrBadSignature)
	}
	if !s.valid(timestamp, body, signature) {
		return ErrBadSignature
	}
	if tolerance <= 0 {
		return nil
	}
	at, err := ParseTimestamp(timestamp)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrStaleTimestamp, err)
	}
	if d := now.Sub(at); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: %s is %s from now (tolerance %s)", ErrStaleTimestamp, timestamp, d.Round(time.Second), tolerance)
	}
	return nil
}

// VerifyWidget checks a plugin widget action request. Crisp signs those
// with the same scheme as plugin hooks (the official Node.js client checks
// both with one function), so the inputs are the same: secret is your
// plugin's signing secret (from the Crisp Marketplace), timestamp the
// X-Crisp-Request-Timestamp header of the action request, body its raw
// body, and signature its X-Crisp-Signature header. Crisp's widget guide
// does not spell out these headers; if your action requests carry the
// values elsewhere, pass them from there. The timestamp must be within
// DefaultTolerance of the local clock, as for Verify.
func VerifyWidget(secret, timestamp string, body []byte, signature string) error {
	return Verify(secret, timestamp, body, signature)
}

// secondsLimit separates timestamps in seconds from timestamps in
// milliseconds: 10^11 s is in the year 5138, 10^11 ms in 1973.
const secondsLimit = 100_000_000_000

// ParseTimestamp reads an X-Crisp-Request-Timestamp value: a non-negative
// decimal Unix time, in seconds when below 10^11 and in milliseconds
// otherwise (Crisp does not document the unit).
func ParseTimestamp(s string) (time.Time, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || s[0] == '+' {
		return time.Time{}, fmt.Errorf("timestamp %q is not a Unix time", s)
	}
	if n < secondsLimit {
		return time.Unix(n, 0), nil
	}
	return time.UnixMilli(n), nil
}
