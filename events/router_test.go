package events

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

type sample struct {
	SessionID string `json:"session_id"`
	Content   string `json:"content"`
}

func TestOnDecodesTypedData(t *testing.T) {
	r := NewRouter()
	var got sample
	On(r, "message:send", func(ctx context.Context, d sample, ev *Event) error {
		got = d
		return nil
	})
	err := r.Dispatch(t.Context(), &Event{Name: "message:send", Data: json.RawMessage(`{"session_id":"s1","content":"hi"}`)})
	require.NoError(t, err)
	require.Equal(t, sample{"s1", "hi"}, got)
	require.Equal(t, []Name{"message:send"}, r.Names())
}

func TestMalformedData(t *testing.T) {
	r := NewRouter()
	On(r, "message:send", func(context.Context, sample, *Event) error { return nil })
	err := r.Dispatch(t.Context(), &Event{Name: "message:send", Data: json.RawMessage(`[1,2]`)})
	require.ErrorIs(t, err, ErrMalformed)
}

func TestUnknownEventsAreIgnoredOrRouted(t *testing.T) {
	r := NewRouter()
	require.NoError(t, r.Dispatch(t.Context(), &Event{Name: "session:removed"}))
	var seen Name
	r.HandleUnknown(func(_ context.Context, ev *Event) error { seen = ev.Name; return nil })
	require.NoError(t, r.Dispatch(t.Context(), &Event{Name: "session:removed"}))
	require.Equal(t, Name("session:removed"), seen)
}

func TestAllHandlersRunAndErrorsJoin(t *testing.T) {
	r := NewRouter()
	boom1, boom2 := errors.New("one"), errors.New("two")
	calls := 0
	r.Handle("x", func(context.Context, *Event) error { calls++; return boom1 })
	r.Handle("x", func(context.Context, *Event) error { calls++; return nil })
	r.Handle("x", func(context.Context, *Event) error { calls++; return boom2 })
	err := r.Dispatch(t.Context(), &Event{Name: "x"})
	require.Equal(t, 3, calls)
	require.ErrorIs(t, err, boom1)
	require.ErrorIs(t, err, boom2)
}
