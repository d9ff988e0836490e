package rtm

// RTM event dispatch, without the network (docs/benchmarks.md, "Event
// ingestion"): the message:send event of webhook/bench_test.go as a
// Socket.IO packet, through what a session does with it (ParsePacket,
// Packet.Event, toEvent, the queue) and the dispatch loop (events.Router
// to a typed OnMessageSend handler), against the floor: encoding/json of
// the packet's array into the name and a minimal struct. Run with
//
//	go test -run '^$' -bench Dispatch -benchmem ./rtm/
//
// mode=inline runs every step on the benchmark's goroutine; mode=queue
// runs the client's dispatch loop (one goroutine for all events, as in
// Run) fed through the queue, and counts events per second once the
// handler has seen them all.

import (
	"context"
	"encoding/json"
	"runtime"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/internal/sio"
)

// rtmPacket is a message:send event as the Engine.IO message carries it
// (without the leading "4"): a Socket.IO event packet, "2" then the array.
var rtmPacket = []byte(`2["message:send",{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","session_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881","inbox_id":null,"type":"text","from":"user","origin":"chat","content":"Hello! I ordered the blue model last week and it has not shipped yet. Could you check order 4821?","fingerprint":163408346341023,"timestamp":1729162880114,"stamped":true,"user":{"nickname":"Jane Doe","user_id":"session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881"},"mentions":[]}]`)

// floorMessage is the minimal struct the floor decodes into.
type floorMessage struct {
	WebsiteID   string          `json:"website_id"`
	SessionID   string          `json:"session_id"`
	Type        string          `json:"type"`
	From        string          `json:"from"`
	Content     json.RawMessage `json:"content"`
	Fingerprint int64           `json:"fingerprint"`
}

// floorDispatch is a hand-written client's handling of the packet: the
// array, the name, the data into floorMessage, the handler.
func floorDispatch(b []byte, seen *atomic.Int64) error {
	var arr []json.RawMessage
	if err := json.Unmarshal(b[1:], &arr); err != nil {
		return err
	}
	var name string
	if err := json.Unmarshal(arr[0], &name); err != nil {
		return err
	}
	if name == "message:send" {
		var m floorMessage
		if err := json.Unmarshal(arr[1], &m); err != nil {
			return err
		}
		if m.Fingerprint != 0 {
			seen.Add(1)
		}
	}
	return nil
}

// session is what Client.session does with one received packet.
func session(b []byte, q *fifo[*events.Event]) error {
	p, err := sio.ParsePacket(b)
	if err != nil {
		return err
	}
	name, args, err := p.Event()
	if err != nil {
		return err
	}
	q.push(toEvent(name, args))
	return nil
}

func benchRouter(seen *atomic.Int64) *events.Router {
	r := events.NewRouter()
	r.OnMessageSend(func(_ context.Context, m api.EventMessageSend, _ *events.Event) error {
		if m.Fingerprint != 0 {
			seen.Add(1)
		}
		return nil
	})
	return r
}

// TestDispatchPathDeliversTheMessage checks the harness: both paths hand
// the message to their handler.
func TestDispatchPathDeliversTheMessage(t *testing.T) {
	var floor, rtm atomic.Int64
	if err := floorDispatch(rtmPacket, &floor); err != nil {
		t.Fatal(err)
	}
	r := benchRouter(&rtm)
	q := newFIFO[*events.Event]()
	if err := session(rtmPacket, q); err != nil {
		t.Fatal(err)
	}
	for _, ev := range q.take(nil) {
		if ev.WebsiteID != "8c842203-7ed8-4e29-a608-7cf78a7d2fcc" {
			t.Fatalf("website %q", ev.WebsiteID)
		}
		if err := r.Dispatch(t.Context(), ev); err != nil {
			t.Fatal(err)
		}
	}
	if floor.Load() != 1 || rtm.Load() != 1 {
		t.Fatalf("floor saw %d, rtm %d", floor.Load(), rtm.Load())
	}
}

func BenchmarkDispatch(b *testing.B) {
	b.Run("mode=inline/impl=floor", func(b *testing.B) {
		var seen atomic.Int64
		b.ReportAllocs()
		cpu := cpuNow()
		for b.Loop() {
			if err := floorDispatch(rtmPacket, &seen); err != nil {
				b.Fatal(err)
			}
		}
		reportEvents(b, cpu)
	})
	b.Run("mode=inline/impl=rtm", func(b *testing.B) {
		var seen atomic.Int64
		r := benchRouter(&seen)
		q := newFIFO[*events.Event]()
		ctx := context.Background()
		var batch []*events.Event // reused, as Client.dispatch does
		b.ReportAllocs()
		cpu := cpuNow()
		for b.Loop() {
			if err := session(rtmPacket, q); err != nil {
				b.Fatal(err)
			}
			<-q.ready
			batch = q.take(batch)
			for _, ev := range batch {
				if err := r.Dispatch(ctx, ev); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportEvents(b, cpu)
	})
	b.Run("mode=queue/impl=rtm", func(b *testing.B) {
		var seen atomic.Int64
		c := &Client{router: benchRouter(&seen)}
		q := newFIFO[*events.Event]()
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); c.dispatch(ctx, q) }()
		b.ReportAllocs()
		cpu := cpuNow()
		b.ResetTimer()
		for range b.N {
			if err := session(rtmPacket, q); err != nil {
				b.Fatal(err)
			}
		}
		for seen.Load() < int64(b.N) {
			runtime.Gosched() // until the loop has dispatched them all
		}
		b.StopTimer()
		reportEvents(b, cpu)
		cancel()
		<-done
	})
}

func reportEvents(b *testing.B, cpuStart int64) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
	b.ReportMetric(float64(cpuNow()-cpuStart)/float64(b.N), "cpu-ns/op")
}

func cpuNow() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
