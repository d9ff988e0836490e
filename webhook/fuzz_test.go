package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/events"
)

// FuzzVerify checks that VerifyAt never panics, accepts exactly the right
// signature, and that the signature covers the secret, timestamp and body.
func FuzzVerify(f *testing.F) {
	f.Add(testSecret, vectorMS, []byte(vectorBody), vectorSigM)
	f.Add(testSecret, vectorS, []byte(vectorBody), vectorSigS)
	f.Add("secret", "1506985696616", []byte(`{"event":"message:send","data":{}}`), "8794329764783f69b64df1353d3b41307795caaf7253017d05cdb41a3a51cd13")
	f.Add("", "", []byte(nil), "")
	f.Add("s", "-1", []byte("]["), "zz")
	f.Add("s", "99999999999999999999", []byte("{}"), "00")
	f.Add("s;", "1700000000000;", []byte("]"), "DEADBEEF")
	f.Fuzz(func(t *testing.T, secret, ts string, body []byte, sig string) {
		err := VerifyAt(secret, ts, body, sig, vectorTime, 0)
		if err != nil && !errors.Is(err, ErrMissingSignature) && !errors.Is(err, ErrBadSignature) {
			t.Fatalf("unexpected error %v", err)
		}
		good := Sign(secret, ts, body)
		if len(good) != 64 {
			t.Fatalf("signature %q", good)
		}
		if err == nil && !bytes.EqualFold([]byte(sig), []byte(good)) {
			t.Fatalf("accepted %q, want %q", sig, good)
		}
		err = VerifyAt(secret, ts, body, good, vectorTime, 0)
		if secret == "" || ts == "" {
			if err == nil {
				t.Fatal("verified without a secret or timestamp")
			}
			return
		}
		if err != nil {
			t.Fatalf("own signature rejected: %v", err)
		}
		// Any change to what is signed breaks the signature.
		if VerifyAt(secret, ts, append(append([]byte(nil), body...), ' '), good, vectorTime, 0) == nil {
			t.Fatal("longer body accepted")
		}
		if VerifyAt(secret+"x", ts, body, good, vectorTime, 0) == nil {
			t.Fatal("other secret accepted")
		}
		if VerifyAt(secret, ts+"0", body, good, vectorTime, 0) == nil {
			t.Fatal("other timestamp accepted")
		}
		// With a tolerance, a timestamp is accepted only when it reads as a
		// time near now.
		err = VerifyAt(secret, ts, body, good, vectorTime, DefaultTolerance)
		if at, perr := ParseTimestamp(ts); perr != nil {
			if !errors.Is(err, ErrStaleTimestamp) {
				t.Fatalf("unreadable timestamp %q: %v", ts, err)
			}
		} else if d := vectorTime.Sub(at).Abs(); (d <= DefaultTolerance) != (err == nil) {
			t.Fatalf("timestamp %q (%s off): %v", ts, d, err)
		}
	})
}

// FuzzHandler checks that the handler never panics and answers only 2xx
// or 4xx, whatever the body and headers, and that a well-formed, signed,
// fresh web hook is always answered 200.
func FuzzHandler(f *testing.F) {
	f.Add([]byte(vectorBody), vectorMS, true, "")
	f.Add([]byte(vectorBody), vectorS, true, "")
	f.Add([]byte(vectorBody), vectorMS, false, vectorSigM)
	f.Add([]byte(vectorBody), "1", true, "")
	f.Add([]byte(`{"event":"test:panic","data":{}}`), vectorMS, true, "")
	f.Add([]byte(`{"event":"test:fail","data":[]}`), vectorMS, true, "")
	f.Add([]byte(`{"event":"message:send","data":"nope"}`), vectorMS, true, "")
	f.Add([]byte(`{"event":"message:send","data":null}`), vectorMS, true, "")
	f.Add([]byte(`{"event":"","data":{}}`), vectorMS, true, "")
	f.Add([]byte(`{"event":{},"data":{}}`), vectorMS, true, "")
	f.Add([]byte(`{"EVENT":"message:send","Data":{"content":1}}`), vectorMS, true, "")
	f.Add([]byte(`[]`), vectorMS, true, "")
	f.Add([]byte(``), "", false, "")
	f.Add([]byte("\xff\xfe"), vectorMS, true, "")
	f.Add(bytes.Repeat([]byte("["), 300), vectorMS, true, "")
	f.Add(bytes.Repeat([]byte("a"), 5000), vectorMS, true, "")

	router := events.NewRouter()
	events.On(router, "message:send", func(context.Context, messageSend, *events.Event) error { return nil })
	router.Handle("test:fail", func(context.Context, *events.Event) error { return errBoom })
	router.Handle("test:panic", func(context.Context, *events.Event) error { panic("kaboom") })
	h := NewHandler(router,
		WithSecret(testSecret),
		WithMaxBodySize(4096),
		WithClock(func() time.Time { return vectorTime }),
		WithErrorLog(func(ctx context.Context, ev *events.Event, err error) {
			if err == nil {
				panic("nil error reported")
			}
		}),
	)

	f.Fuzz(func(t *testing.T, body []byte, ts string, sign bool, sig string) {
		req := httptest.NewRequest(http.MethodPost, "/hooks", bytes.NewReader(body))
		if sign {
			sig = Sign(testSecret, ts, body)
		}
		req.Header.Set(HeaderTimestamp, ts)
		req.Header.Set(HeaderSignature, sig)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code < 200 || rec.Code >= 500 || (rec.Code >= 300 && rec.Code < 400) {
			t.Fatalf("status %d", rec.Code)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("answer %q is not JSON", rec.Body.Bytes())
		}
		if !sign || len(body) > 4096 {
			return
		}
		at, err := ParseTimestamp(ts)
		if err != nil || vectorTime.Sub(at).Abs() > DefaultTolerance {
			if rec.Code != 401 {
				t.Fatalf("stale or unreadable timestamp %q answered %d", ts, rec.Code)
			}
			return
		}
		if _, err := decode(body); err == nil && rec.Code != 200 {
			t.Fatalf("well-formed web hook answered %d", rec.Code)
		} else if err != nil && rec.Code != 400 {
			t.Fatalf("malformed web hook answered %d", rec.Code)
		}
	})
}
