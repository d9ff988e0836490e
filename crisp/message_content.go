package crisp

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/crisp-go/crisp-go/api"
)

// The content of a message is the api.MessageContent union, whose shape
// follows the message type: a string for text and note messages, an
// api.MessageContent<Kind> struct for the others. The generated AsX methods
// decode it into any shape without looking at the type; the functions of
// this file pick the shape from the type and check it.

var (
	// ErrUnknownMessageType matches the error of MessageContentOf for a
	// message type this client does not know (Crisp may add some). The raw
	// content stays readable with m.Content.MarshalJSON().
	ErrUnknownMessageType = errors.New("crisp: unknown message type")
	// ErrInvalidMessageContent matches the error of MessageContentOf for a
	// content whose shape does not match the message type.
	ErrInvalidMessageContent = errors.New("crisp: message content does not match its type")
)

// MessageContentValue is the set of Go types a message content holds: string
// for text and note messages, and one api.MessageContent<Kind> struct for
// each other message type.
type MessageContentValue interface {
	string | api.MessageContentFile | api.MessageContentAnimation | api.MessageContentAudio |
		api.MessageContentPicker | api.MessageContentField | api.MessageContentCarousel | api.MessageContentEvent
}

// NewMessageContent wraps v in the api.MessageContent union, for the Content
// of an api.MessageNew or an api.MessageUpdate. The message type must match
// v (see NewOperatorMessage, which sets it).
func NewMessageContent[T MessageContentValue](v T) api.MessageContent {
	var c api.MessageContent
	// The content types hold only strings, integers, booleans and slices
	// or pointers of structs of them: encoding them cannot fail.
	b, _ := json.Marshal(v)
	_ = c.UnmarshalJSON(b)
	return c
}

// NewOperatorMessage returns a message to send with
// SendMessageInConversation: from an operator, through the chat origin,
// holding content, with the message type that matches content (text for a
// string, file for an api.MessageContentFile, and so on). Change its fields
// before sending it: Type to api.MessageTypeNote for a private note, User to
// show another sender, Origin for another channel.
func NewOperatorMessage[T MessageContentValue](content T) *api.MessageNew {
	return &api.MessageNew{
		Type:    messageTypeOf(content),
		From:    api.MessageFromOperator,
		Origin:  "chat",
		Content: NewMessageContent(content),
	}
}

// messageTypeOf returns the message type whose content is v's type.
func messageTypeOf[T MessageContentValue](v T) api.MessageType {
	switch any(v).(type) {
	case api.MessageContentFile:
		return api.MessageTypeFile
	case api.MessageContentAnimation:
		return api.MessageTypeAnimation
	case api.MessageContentAudio:
		return api.MessageTypeAudio
	case api.MessageContentPicker:
		return api.MessageTypePicker
	case api.MessageContentField:
		return api.MessageTypeField
	case api.MessageContentCarousel:
		return api.MessageTypeCarousel
	case api.MessageContentEvent:
		return api.MessageTypeEvent
	}
	return api.MessageTypeText
}

// MessageText returns the text of a text or note message. It returns false
// for a nil message, another message type, or a content that is not a
// string.
func MessageText(m *api.ConversationMessage) (string, bool) {
	if m == nil || (m.Type != api.MessageTypeText && m.Type != api.MessageTypeNote) {
		return "", false
	}
	v, err := decodeMessageContent(m.Type, m.Content, false)
	if err != nil {
		return "", false
	}
	s, ok := v.(string)
	return s, ok
}

// MessageContentOf decodes the content of m into the Go type of its message
// type: string for text and note, api.MessageContentFile for file,
// api.MessageContentAnimation for animation, api.MessageContentAudio for
// audio, api.MessageContentPicker for picker, api.MessageContentField for
// field, api.MessageContentCarousel for carousel and api.MessageContentEvent
// for event (values, not pointers), ready for a type switch. It checks the
// shape: a string for text and note, an object otherwise, whose fields have
// their types; a field Crisp leaves out reads as its zero value (no source
// says which fields Crisp always sends, see openapi.yaml). A mismatch is an
// error matching ErrInvalidMessageContent, and an unknown message type an
// error matching ErrUnknownMessageType.
func MessageContentOf(m *api.ConversationMessage) (any, error) {
	if m == nil {
		return nil, fmt.Errorf("%w: nil message", ErrInvalidMessageContent)
	}
	return decodeMessageContent(m.Type, m.Content, false)
}

// MessageContentAs returns the content of m as a T when m's type holds a T
// (see MessageContentOf), for example
// MessageContentAs[api.MessageContentFile](m) for a file message. It
// returns false when m is of another type or its content does not match its
// type.
func MessageContentAs[T MessageContentValue](m *api.ConversationMessage) (T, bool) {
	v, err := MessageContentOf(m)
	if err != nil {
		var zero T
		return zero, false
	}
	t, ok := v.(T)
	return t, ok
}

// decodeMessageContent decodes c into the Go type of message type typ. A
// content to send must hold the fields a request requires (openapi.yaml,
// MessageContent<Kind>); one Crisp sent is read without them.
func decodeMessageContent(typ api.MessageType, c api.MessageContent, toSend bool) (any, error) {
	required := func(fields ...string) []string {
		if toSend {
			return fields
		}
		return nil
	}
	// MarshalJSON returns the raw union ("null" when it is unset).
	raw, err := c.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("%w: %s message: %v", ErrInvalidMessageContent, typ, err)
	}
	switch typ {
	case api.MessageTypeText, api.MessageTypeNote:
		var s string
		if json.Unmarshal(raw, &s) != nil || string(raw) == "null" {
			return nil, fmt.Errorf("%w: %s message: content is not a string", ErrInvalidMessageContent, typ)
		}
		return s, nil
	case api.MessageTypeFile:
		return decodeContentObject[api.MessageContentFile](typ, raw, required("name", "url", "type")...)
	case api.MessageTypeAnimation:
		return decodeContentObject[api.MessageContentAnimation](typ, raw, required("url", "type")...)
	case api.MessageTypeAudio:
		return decodeContentObject[api.MessageContentAudio](typ, raw, required("url", "type", "duration")...)
	case api.MessageTypePicker:
		return decodeContentObject[api.MessageContentPicker](typ, raw, required("id", "text", "choices")...)
	case api.MessageTypeField:
		return decodeContentObject[api.MessageContentField](typ, raw, required("id", "text", "explain")...)
	case api.MessageTypeCarousel:
		return decodeContentObject[api.MessageContentCarousel](typ, raw, required("text", "targets")...)
	case api.MessageTypeEvent:
		return decodeContentObject[api.MessageContentEvent](typ, raw, required("namespace")...)
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownMessageType, typ)
}

// decodeContentObject decodes raw into a T after checking that it is an
// object holding the required (non-null) fields.
func decodeContentObject[T any](typ api.MessageType, raw []byte, required ...string) (any, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return nil, fmt.Errorf("%w: %s message: content is not an object", ErrInvalidMessageContent, typ)
	}
	for _, k := range required {
		if v, ok := fields[k]; !ok || string(v) == "null" {
			return nil, fmt.Errorf("%w: %s message: content has no %q", ErrInvalidMessageContent, typ, k)
		}
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("%w: %s message: %v", ErrInvalidMessageContent, typ, err)
	}
	return v, nil
}
