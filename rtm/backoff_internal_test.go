package rtm

import (
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/events"
)

func TestBackoffGrowsWithJitterWithinBounds(t *testing.T) {
	c, err := New(nil, crisp.TierPlugin, "id", "key", events.NewRouter(),
		WithEndpoint("https://app.relay.crisp.chat/p/1/"),
		WithBackoff(100*time.Millisecond, 5*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	for n := range 100 {
		base := 5 * time.Second
		if n < 6 {
			base = 100 * time.Millisecond << n
		}
		seen := map[time.Duration]bool{}
		for range 50 {
			d := c.backoff(n)
			if d < base/2 || d > base {
				t.Fatalf("backoff(%d) = %v, want in [%v, %v]", n, d, base/2, base)
			}
			seen[d] = true
		}
		if len(seen) < 2 {
			t.Errorf("backoff(%d) has no jitter: %v", n, seen)
		}
	}
}

func TestFIFOKeepsOrder(t *testing.T) {
	q := newFIFO[int]()
	for i := range 5 {
		q.push(i)
	}
	<-q.ready
	got := q.take()
	if len(got) != 5 || got[0] != 0 || got[4] != 4 {
		t.Errorf("take = %v", got)
	}
	select {
	case <-q.ready:
		t.Error("ready with nothing queued")
	default:
	}
	if got := q.take(); len(got) != 0 {
		t.Errorf("second take = %v", got)
	}
}
