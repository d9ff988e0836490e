package crisp

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestNilContextIsAnInvalidArgument: a nil context is refused at once with
// ErrInvalidArgument on every kind of call (nothing is sent, nothing is
// retried, nothing panics), iterators included.
func TestNilContextIsAnInvalidArgument(t *testing.T) {
	lb := startLoopback(t, &steps{list: []step{jsonStep(200, okList)}})
	sleep, waits := noSleep()
	c := lb.client(t, sleep)
	var nilCtx context.Context
	calls := map[string]func() error{
		"object": func() error { _, err := c.Website.GetConversation(nilCtx, wid, "session_1"); return err },
		"list":   func() error { _, err := c.Website.ListConversations(nilCtx, wid, 1, nil); return err },
		"exists": func() error { _, err := c.Website.CheckConversationExists(nilCtx, wid, "session_1"); return err },
		"done":   func() error { return c.Website.RemoveConversation(nilCtx, wid, "session_1") },
		"post":   func() error { _, err := c.Website.SendTextMessage(nilCtx, wid, "session_1", "hi"); return err },
		"iter": func() error {
			for _, err := range c.Website.ListConversationsIter(nilCtx, wid, nil) {
				return err
			}
			return nil
		},
		"messages iter": func() error {
			for _, err := range c.Website.GetMessagesInConversationIter(nilCtx, wid, "session_1") {
				return err
			}
			return nil
		},
	}
	for name, call := range calls {
		err := call()
		e := requireError(t, err)
		require.ErrorIs(t, err, ErrInvalidArgument, name)
		require.False(t, e.Temporary(), name)
		require.Contains(t, e.Message, "context must not be nil", name)
	}
	require.Zero(t, lb.calls.Load(), "nothing was sent")
	require.Empty(t, waits(), "nothing was retried")
}

// TestMessagesIterYieldsContextErrorsAsErrors: the back-in-time messages
// walk yields a *Error when its context has ended, as the page walks do.
func TestMessagesIterYieldsContextErrorsAsErrors(t *testing.T) {
	lb := startLoopback(t, &steps{list: []step{jsonStep(200, okList)}})
	sleep, _ := noSleep()
	c := lb.client(t, sleep)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, err := range c.Website.GetMessagesInConversationIter(ctx, wid, "session_1") {
		e := requireError(t, err)
		require.ErrorIs(t, err, context.Canceled)
		require.Equal(t, "getMessagesInConversation", e.Operation)
		break
	}
	require.Zero(t, lb.calls.Load())
}
