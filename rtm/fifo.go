package rtm

import "sync"

// fifo is an unbounded first-in first-out queue with one consumer. push
// never blocks, so the session (which pushes the events it receives) never
// waits on a slow handler; ready signals that items are waiting.
type fifo[T any] struct {
	mu    sync.Mutex
	items []T
	ready chan struct{} // holds one token while items are waiting
}

func newFIFO[T any]() *fifo[T] { return &fifo[T]{ready: make(chan struct{}, 1)} }

func (q *fifo[T]) push(v T) {
	q.mu.Lock()
	q.items = append(q.items, v)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// take removes and returns every waiting item, oldest first. spare, when
// not nil, is the slice of the previous take, which the consumer is done
// with: the next items are queued in its array (cleared first) rather than
// in a new one, so that a steady flow of events allocates no queue.
func (q *fifo[T]) take(spare []T) []T {
	clear(spare)
	q.mu.Lock()
	defer q.mu.Unlock()
	items := q.items
	q.items = spare[:0]
	return items
}
