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

// take removes and returns every waiting item, oldest first.
func (q *fifo[T]) take() []T {
	q.mu.Lock()
	defer q.mu.Unlock()
	items := q.items
	q.items = nil
	return items
}
