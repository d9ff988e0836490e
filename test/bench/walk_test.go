package bench

// Memory on long walks (docs/benchmarks.md, "Memory on long walks"):
// ListConversationsIter over walkPages pages of pageSize full
// conversations (10,000), from a loopback server that makes every page
// distinct. Run with
//
//	go test -run '^$' -bench Walk -benchmem ./test/bench/
//
// It reports the live heap (after a GC) one decoded page holds, what the
// walk holds (the live heap above the one before the walk) at its 25th
// and at its 475th page, and the peak HeapInuse sampled at every page
// (garbage included: what the process needs, the loopback server's
// buffers too).

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
)

// walkPages is the number of full pages served: 10,000 conversations.
const walkPages = 500

// pageMarker is a part of every session ID of the conversation fixture
// that the walk server replaces with the page number.
const pageMarker = "-b9ac-ecb5ec2c"

// walkServer serves page p (1 to walkPages) of the conversations: the
// fixture page with the page number in every session ID; an empty page
// after the last.
func walkServer(tb testing.TB, page []byte) *httptest.Server {
	tb.Helper()
	if n := bytes.Count(page, []byte(pageMarker)); n != pageSize {
		tb.Fatalf("the fixture has %d session IDs with %q, want %d", n, pageMarker, pageSize)
	}
	prefix := "/v1/website/" + websiteID + "/conversations/"
	empty := []byte(`{"error":false,"reason":"listed","data":[]}`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, prefix))
		if err != nil || !strings.HasPrefix(r.URL.Path, prefix) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		if p > walkPages {
			_, _ = w.Write(empty)
			return
		}
		_, _ = w.Write(bytes.ReplaceAll(page, []byte(pageMarker), fmt.Appendf(nil, "-b9ac-%08x", p)))
	}))
	tb.Cleanup(srv.Close)
	return srv
}

func walkClient(tb testing.TB, srv *httptest.Server) *crisp.Client {
	tb.Helper()
	c, err := crisp.New(crisp.WithBaseURL(srv.URL+"/v1/"), crisp.WithToken(crisp.TierPlugin, identifier, key))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// walkStats is what one walk measured.
type walkStats struct {
	items           int
	peakInuse       uint64 // max HeapInuse, sampled at every page
	live25, live475 uint64 // HeapAlloc after a GC, at those pages
}

func walk(ctx context.Context, c *crisp.Client) (walkStats, error) {
	var s walkStats
	var ms runtime.MemStats
	live := func() uint64 {
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	for conv, err := range c.Website.ListConversationsIter(ctx, websiteID, nil) {
		if err != nil {
			return s, err
		}
		if conv.SessionID == "" {
			return s, fmt.Errorf("conversation %d has no session", s.items)
		}
		s.items++
		if s.items%pageSize != 1 {
			continue // once per page, at its first item
		}
		runtime.ReadMemStats(&ms)
		s.peakInuse = max(s.peakInuse, ms.HeapInuse)
		switch s.items / pageSize {
		case 25:
			s.live25 = live()
		case 475:
			s.live475 = live()
		}
	}
	return s, nil
}

// TestWalkYieldsEveryConversation checks the harness: the walk yields the
// walkPages×pageSize conversations, each once.
func TestWalkYieldsEveryConversation(t *testing.T) {
	f, err := loadFixtures()
	if err != nil {
		t.Fatal(err)
	}
	c := walkClient(t, walkServer(t, f.conversations))
	seen := map[string]bool{}
	for conv, err := range c.Website.ListConversationsIter(t.Context(), websiteID, nil) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[conv.SessionID] {
			t.Fatalf("%s yielded twice", conv.SessionID)
		}
		seen[conv.SessionID] = true
	}
	if len(seen) != walkPages*pageSize {
		t.Fatalf("%d conversations, want %d", len(seen), walkPages*pageSize)
	}
}

func BenchmarkWalkConversations(b *testing.B) {
	f, err := loadFixtures()
	if err != nil {
		b.Fatal(err)
	}
	srv := walkServer(b, f.conversations)
	c := walkClient(b, srv)

	// One page, decoded and held: its live size.
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	before := ms.HeapAlloc
	held, err := c.Website.ListConversations(b.Context(), websiteID, 1, nil)
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	onePage := int64(ms.HeapAlloc) - int64(before)
	runtime.KeepAlive(held)
	held = []api.Conversation(nil)
	_ = held
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc // before a walk, the client warm

	b.ReportAllocs()
	var s walkStats
	for b.Loop() {
		if s, err = walk(b.Context(), c); err != nil {
			b.Fatal(err)
		}
		if s.items != walkPages*pageSize {
			b.Fatalf("%d conversations", s.items)
		}
	}
	b.ReportMetric(float64(s.items), "conversations")
	b.ReportMetric(float64(onePage)/1024, "page-live-KiB")
	b.ReportMetric(float64(int64(s.live25)-int64(base))/1024, "held@p25-KiB")
	b.ReportMetric(float64(int64(s.live475)-int64(base))/1024, "held@p475-KiB")
	b.ReportMetric(float64(s.peakInuse)/(1<<20), "peak-inuse-MiB")
}
