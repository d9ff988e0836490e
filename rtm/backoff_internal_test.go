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
	got := q.take(nil)
	if len(got) != 5 || got[0] != 0 || got[4] != 4 {
		t.Errorf("take = %v", got)
	}
	select {
	case <-q.ready:
		t.Error("ready with nothing queued")
	default:
	}
	if got := q.take(nil); len(got) != 0 {
		t.Errorf("second take = %v", got)
	}
}

// TestFIFOReusesTheSpareArray: a consumer that gives back its previous
// batch gets its next items in that array, cleared of the old ones, so
// that a steady flow allocates nothing.
func TestFIFOReusesTheSpareArray(t *testing.T) {
	q := newFIFO[*int]()
	one, two := new(int), new(int)
	q.push(one)
	first := q.take(nil)
	q.push(two)
	second := q.take(first)
	if len(second) != 1 || second[0] != two {
		t.Fatalf("take = %v", second)
	}
	if got := q.take(second); len(got) != 0 {
		t.Fatalf("take = %v", got)
	}
	if second[0] != nil {
		t.Error("the spare array still holds an item it gave out")
	}
	var batch []*int
	allocs := testing.AllocsPerRun(100, func() {
		q.push(one)
		q.push(two)
		<-q.ready
		batch = q.take(batch)
		if len(batch) != 2 || batch[0] != one || batch[1] != two {
			t.Fatalf("take = %v", batch)
		}
	})
	if allocs != 0 {
		t.Errorf("push and take allocate %.1f times per round, want 0", allocs)
	}
}
