package webhook_test

// Event ingestion benchmarks (docs/benchmarks.md, "Event ingestion"): a
// signed message:send web hook through NewHandler and an events.Router to
// a typed OnMessageSend handler (verify, decode, dispatch), against the
// floor: a plain http.HandlerFunc that checks the HMAC-SHA256 signature
// and decodes the body with encoding/json into a minimal struct. Run with
//
//	go test -run '^$' -bench . -benchmem ./webhook/
//
// BenchmarkIngest calls ServeHTTP directly (no network: the cost of the
// handler itself), serially and from 64 goroutines; BenchmarkIngestHTTP
// posts over loopback HTTP from 64 concurrent senders. Both report
// events/s and cpu-ns/op (process CPU time per event). BenchmarkDecodeOnly
// is what decoding alone costs the web hook path (the envelope, then the
// typed payload): the allocations above it are the handler's own.

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/jsonx"
	"github.com/crisp-go/crisp-go/webhook"
)

const benchSecret = "bench-hook-secret"

// hookBody is a message:send web hook as Crisp sends it: a visitor's text
// message, with the fields of the EventMessageSend schema.
var hookBody = []byte(`{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","event":"message:send","data":{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","session_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881","inbox_id":null,"type":"text","from":"user","origin":"chat","content":"Hello! I ordered the blue model last week and it has not shipped yet. Could you check order 4821?","fingerprint":163408346341023,"timestamp":1729162880114,"stamped":true,"user":{"nickname":"Jane Doe","user_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"},"mentions":[]},"timestamp":1729162880120}`)

// floorEvent is the minimal struct the floor decodes into.
type floorEvent struct {
	Event     string `json:"event"`
	WebsiteID string `json:"website_id"`
	Data      struct {
		SessionID   string          `json:"session_id"`
		Type        string          `json:"type"`
		From        string          `json:"from"`
		Content     json.RawMessage `json:"content"`
		Fingerprint int64           `json:"fingerprint"`
	} `json:"data"`
}

// floorHandler is a careful hand-written web hook endpoint: the body
// (capped), the HMAC-SHA256 of "[timestamp;body]" compared in constant
// time, encoding/json into floorEvent, then the handler; it answers what
// webhook.Handler answers.
func floorHandler(secret string, onMessage func(*floorEvent)) http.HandlerFunc {
	key := []byte(secret)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		body, err := io.ReadAll(io.LimitReader(r.Body, webhook.DefaultMaxBodySize))
		if err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		m := hmac.New(sha256.New, key)
		m.Write([]byte("[" + r.Header.Get(webhook.HeaderTimestamp) + ";"))
		m.Write(body)
		m.Write([]byte("]"))
		sig, err := hex.DecodeString(r.Header.Get(webhook.HeaderSignature))
		if err != nil || !hmac.Equal(sig, m.Sum(nil)) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		var ev floorEvent
		if err := json.Unmarshal(body, &ev); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		if ev.Event == "message:send" {
			onMessage(&ev)
		}
		// The answer of webhook.Handler, so that both send the same bytes.
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, `{"ok":true}`+"\n")
	}
}

// ingest is one implementation: the handler and the count of events its
// message handler saw.
type ingest struct {
	name    string
	handler http.Handler
	seen    *atomic.Int64
}

func ingests() []ingest {
	var floorSeen, hookSeen atomic.Int64
	floor := floorHandler(benchSecret, func(ev *floorEvent) {
		if ev.Data.Fingerprint != 0 {
			floorSeen.Add(1)
		}
	})
	router := events.NewRouter()
	router.OnMessageSend(func(_ context.Context, m api.EventMessageSend, _ *events.Event) error {
		if m.Fingerprint != 0 {
			hookSeen.Add(1)
		}
		return nil
	})
	hook := webhook.NewHandler(router, webhook.WithSecret(benchSecret),
		webhook.WithErrorLog(func(context.Context, *events.Event, error) {}))
	return []ingest{
		{"floor", floor, &floorSeen},
		{"webhook", hook, &hookSeen},
	}
}

// signedHeader returns the headers of a signed delivery of hookBody.
func signedHeader() http.Header {
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set(webhook.HeaderTimestamp, ts)
	h.Set(webhook.HeaderSignature, webhook.Sign(benchSecret, ts, hookBody))
	h.Set(webhook.HeaderOrigin, "plugin/rtm bench production")
	h.Set(webhook.HeaderAttemptCount, "1")
	h.Set(webhook.HeaderAttemptLimit, "3")
	return h
}

// rewindBody is a request body that can be read again.
type rewindBody struct{ bytes.Reader }

func (*rewindBody) Close() error { return nil }

// discardWriter is a ResponseWriter that keeps the status only.
type discardWriter struct {
	h      http.Header
	status int
}

func (d *discardWriter) Header() http.Header               { return d.h }
func (d *discardWriter) Write(b []byte) (int, error)       { return len(b), nil }
func (d *discardWriter) WriteString(s string) (int, error) { return len(s), nil } // as net/http's
func (d *discardWriter) WriteHeader(status int)            { d.status = status }

// caller serves hookBody to a handler again and again with one request
// and one writer, so that the allocations counted are the handler's.
type caller struct {
	req  *http.Request
	body *rewindBody
	w    *discardWriter
}

func newCaller() *caller {
	body := &rewindBody{}
	req := httptest.NewRequest(http.MethodPost, "/crisp/hooks", nil)
	req.Header = signedHeader()
	req.ContentLength = int64(len(hookBody))
	req.Body = body
	return &caller{req: req, body: body, w: &discardWriter{h: http.Header{}}}
}

func (c *caller) call(tb testing.TB, h http.Handler) {
	c.body.Reset(hookBody)
	clear(c.w.h)
	c.w.status = 0
	h.ServeHTTP(c.w, c.req)
	if c.w.status != http.StatusOK {
		tb.Fatalf("status %d", c.w.status)
	}
}

// TestIngestImplementationsAgree: both implementations accept the signed
// delivery and hand the message to their handler once per request.
func TestIngestImplementationsAgree(t *testing.T) {
	for _, in := range ingests() {
		c := newCaller()
		for range 3 {
			c.call(t, in.handler)
		}
		if got := in.seen.Load(); got != 3 {
			t.Fatalf("%s: the handler saw %d messages, want 3", in.name, got)
		}
	}
}

func BenchmarkIngest(b *testing.B) {
	for _, in := range ingests() {
		b.Run("mode=serial/impl="+in.name, func(b *testing.B) {
			c := newCaller()
			c.call(b, in.handler)
			b.ReportAllocs()
			cpu := cpuTime()
			b.ResetTimer()
			for range b.N {
				c.call(b, in.handler)
			}
			report(b, cpu)
		})
		b.Run("mode=64/impl="+in.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetParallelism(32) // × GOMAXPROCS (2 here): 64 goroutines
			cpu := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				c := newCaller()
				for pb.Next() {
					c.call(b, in.handler)
				}
			})
			report(b, cpu)
		})
	}
}

// BenchmarkIngestHTTP posts the delivery over loopback HTTP from 64
// concurrent senders (keep-alive connections, one per sender).
func BenchmarkIngestHTTP(b *testing.B) {
	for _, in := range ingests() {
		b.Run("impl="+in.name, func(b *testing.B) {
			srv := httptest.NewServer(in.handler)
			defer srv.Close()
			tr := &http.Transport{MaxIdleConnsPerHost: 64}
			defer tr.CloseIdleConnections()
			hc := &http.Client{Transport: tr}
			header := signedHeader()
			post := func() error {
				req, err := http.NewRequest(http.MethodPost, srv.URL, bytes.NewReader(hookBody))
				if err != nil {
					return err
				}
				req.Header = header
				resp, err := hc.Do(req)
				if err != nil {
					return err
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					b.Errorf("status %d", resp.StatusCode)
				}
				return nil
			}
			var wg sync.WaitGroup
			for range 64 { // warm the 64 connections
				wg.Go(func() { _ = post() })
			}
			wg.Wait()
			b.ReportAllocs()
			b.SetParallelism(32)
			cpu := cpuTime()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					if err := post(); err != nil {
						b.Error(err)
						return
					}
				}
			})
			report(b, cpu)
		})
	}
}

// BenchmarkDecodeOnly is the decoding the web hook path does, alone: the
// envelope into events.Event, then its data into api.EventMessageSend,
// with the codec the handler uses (decoder=jsonx) and with encoding/json.
// The handler's allocations above decoder=jsonx are its own.
func BenchmarkDecodeOnly(b *testing.B) {
	for _, d := range []struct {
		name   string
		decode func([]byte, any) error
	}{
		{"jsonx", jsonx.UnmarshalAny},
		{"encoding-json", json.Unmarshal},
	} {
		b.Run("decoder="+d.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var ev events.Event
				if err := d.decode(hookBody, &ev); err != nil {
					b.Fatal(err)
				}
				var m api.EventMessageSend
				if err := d.decode(ev.Data, &m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func report(b *testing.B, cpuStart int64) {
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(cpuTime()-cpuStart)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the CPU time of the process, in nanoseconds.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
