// Package events routes Crisp events (web hooks and RTM) to typed
// handlers. The same Router serves package webhook (Crisp POSTs events to
// your URL) and package rtm (Crisp pushes them over a WebSocket).
//
//	r := events.NewRouter()
//	r.OnMessageSend(func(ctx context.Context, m api.EventMessageSend, ev *events.Event) error {
//		...
//	})
package events

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/crisp-go/crisp-go/internal/jsonx"
)

// Name is the name of a Crisp event, such as "message:send".
type Name string

// Event is one event as received, before its data is decoded.
type Event struct {
	// Name is the event name.
	Name Name `json:"event"`
	// WebsiteID is the website the event belongs to (web hooks carry it
	// at the top level; RTM events carry it in their data).
	WebsiteID string `json:"website_id,omitempty"`
	// Timestamp is when Crisp sent the event (Unix milliseconds), for web
	// hooks.
	Timestamp int64 `json:"timestamp,omitempty"`
	// Data is the event payload, as Crisp sent it.
	Data json.RawMessage `json:"data"`
}

// Handler handles one event.
type Handler func(ctx context.Context, ev *Event) error

// ErrMalformed is returned (wrapped) by Dispatch when an event's data
// cannot be decoded into the handler's type.
var ErrMalformed = errors.New("events: malformed event data")

// Router holds handlers by event name. It is safe for concurrent use;
// handlers may be added while events are dispatched.
type Router struct {
	mu       sync.RWMutex
	handlers map[Name][]Handler
	unknown  Handler
}

// NewRouter returns an empty router.
func NewRouter() *Router { return &Router{handlers: map[Name][]Handler{}} }

// Handle registers h for the events named name; several handlers of one
// name run in the order they were registered.
func (r *Router) Handle(name Name, h Handler) {
	if h == nil {
		panic("events: nil handler")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.handlers[name] = append(r.handlers[name], h)
}

// HandleUnknown registers h for events that no handler is registered for.
// Without it such events are acknowledged and ignored.
func (r *Router) HandleUnknown(h Handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.unknown = h
}

// On registers fn for the events named name, with their data decoded into
// a T.
func On[T any](r *Router, name Name, fn func(ctx context.Context, data T, ev *Event) error) {
	r.Handle(name, func(ctx context.Context, ev *Event) error {
		var v T
		if err := jsonx.Decode(ev.Data, &v); err != nil {
			return fmt.Errorf("%w: %s: %v", ErrMalformed, ev.Name, err)
		}
		return fn(ctx, v, ev)
	})
}

// Names returns the event names that have handlers, sorted: the events
// an RTM client subscribes to.
func (r *Router) Names() []Name {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]Name, 0, len(r.handlers))
	for n := range r.handlers {
		out = append(out, n)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Dispatch runs the handlers of ev.Name in order and returns the first
// error (the handlers after it still run; their errors are joined). An
// event without handlers goes to the unknown handler, or is ignored.
func (r *Router) Dispatch(ctx context.Context, ev *Event) error {
	r.mu.RLock()
	hs := r.handlers[ev.Name]
	unknown := r.unknown
	r.mu.RUnlock()
	if len(hs) == 0 {
		if unknown != nil {
			return unknown(ctx, ev)
		}
		return nil
	}
	var errs []error
	for _, h := range hs {
		if err := h(ctx, ev); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}
