package crisp

import (
	"context"
	"math"
	"sync/atomic"
	"time"
)

// deadlineSlices is how many slices a call timeout is cut into: calls that
// start within the same slice share one deadline (see sharedDeadline).
const deadlineSlices = 64

// sharedDeadline gives the calls made with a bare context
// (context.Background() or context.TODO(): no deadline, no cancellation,
// no values) their call timeout without a timer and a context each.
//
// Calls that start within the same slice of time (the timeout divided by
// deadlineSlices) share one context, whose deadline is the end of that
// slice plus the timeout: each call gets at least its timeout and at most
// 1/64 more. Nothing cancels a shared context before its deadline, so it
// needs no cancel function per call either; its timer fires once per slice
// that was used, not once per call.
type sharedDeadline struct {
	cur atomic.Pointer[deadlineSlice]
}

// deadlineSlice is the shared context of the calls that start before until.
type deadlineSlice struct {
	ctx   context.Context
	until time.Time
	// cancel is kept so that it is not lost; the context's own timer calls
	// it at the deadline, and nothing else may (the context is shared).
	cancel context.CancelFunc
}

// context returns the context bounding a call that starts now, with the
// call timeout timeout (> 0).
func (s *sharedDeadline) context(timeout time.Duration) context.Context {
	now := time.Now()
	if cur := s.cur.Load(); cur != nil && now.Before(cur.until) {
		return cur.ctx
	}
	slice := max(timeout/deadlineSlices, time.Microsecond)
	total := timeout + slice
	if total < timeout {
		total = math.MaxInt64 // an overflow would put the deadline in the past
	}
	ctx, cancel := context.WithDeadline(context.Background(), now.Add(total))
	// Two callers may start a slice at once: both contexts are valid for
	// their calls, and the last one stored serves the next calls.
	s.cur.Store(&deadlineSlice{ctx: ctx, until: now.Add(slice), cancel: cancel})
	return ctx
}

// bareContext reports whether ctx is context.Background() or
// context.TODO(), which carry nothing a shared context would lose.
func bareContext(ctx context.Context) bool {
	return ctx == context.Background() || ctx == context.TODO()
}
