package events

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/crisp-go/crisp-go/internal/jsonx"
)

// All returns the name of every event Crisp sends, each once, sorted. The
// slice is a copy: callers may change it.
func All() []Name { return append([]Name(nil), all...) }

// PayloadType returns the Go type (in package api) that the data of the
// events named n decode into, and false for a name Crisp does not document.
func PayloadType(n Name) (reflect.Type, bool) {
	t, ok := payloadTypes[n]
	return t, ok
}

// Decode decodes the data of ev into the type PayloadType gives for its
// name and returns it as a value (such as an api.EventMessageSend), for
// code that handles events without a Router. Data that does not decode
// gives an error wrapping ErrMalformed; an unknown name gives an error
// too, and a nil value.
func Decode(ev *Event) (any, error) {
	t, ok := payloadTypes[ev.Name]
	if !ok {
		return nil, fmt.Errorf("events: no payload type for event %q", ev.Name)
	}
	v := reflect.New(t)
	if jsonx.Fast && jsonx.UnmarshalAny(ev.Data, v.Interface()) == nil {
		return v.Elem().Interface(), nil
	}
	v = reflect.New(t) // encoding/json decides the error, from the zero value
	if err := json.Unmarshal(ev.Data, v.Interface()); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrMalformed, ev.Name, err)
	}
	return v.Elem().Interface(), nil
}
