package sio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// Engine.IO v4 packet types: the first byte of a WebSocket text frame.
const (
	eioOpen    = '0'
	eioClose   = '1'
	eioPing    = '2'
	eioPong    = '3'
	eioMessage = '4'
	eioNoop    = '6'
)

// PacketType is the type of a Socket.IO v5 packet.
type PacketType byte

// Socket.IO v5 packet types.
const (
	Connect      PacketType = 0
	Disconnect   PacketType = 1
	Event        PacketType = 2
	Ack          PacketType = 3
	ConnectError PacketType = 4
	BinaryEvent  PacketType = 5
	BinaryAck    PacketType = 6
)

// MainNamespace is the default Socket.IO namespace, the only one Crisp's
// RTM API uses.
const MainNamespace = "/"

// ErrMalformed is matched by the error of ParsePacket and Packet.Event
// for a packet that does not follow the Socket.IO v5 format.
var ErrMalformed = errors.New("sio: malformed packet")

// Packet is a Socket.IO v5 packet.
type Packet struct {
	Type PacketType
	// Namespace is the packet's namespace; "" means MainNamespace.
	Namespace string
	// ID is the acknowledgement id, when HasID.
	ID    uint64
	HasID bool
	// Data is the JSON payload: an array for Event and Ack, an object
	// for Connect and ConnectError (which may also be a string), none for
	// Disconnect.
	Data json.RawMessage

	// The elements of the array Data, as ParsePacket found them (slices
	// of Data), when split: the first ones in head (n of them), all of
	// them in more when there are more than head holds. A packet built
	// otherwise is not split.
	split bool
	n     int
	head  [2]json.RawMessage
	more  []json.RawMessage
}

// namespace returns the packet's namespace, "/" when empty.
func (p Packet) namespace() string {
	if p.Namespace == "" {
		return MainNamespace
	}
	return p.Namespace
}

// Encode returns the packet's Socket.IO encoding, for example
// 42["name",{}] or 44/admin,{"message":"x"}.
func (p Packet) Encode() []byte {
	b := make([]byte, 0, 8+len(p.Namespace)+len(p.Data))
	b = append(b, '0'+byte(p.Type))
	if ns := p.namespace(); ns != MainNamespace {
		b = append(b, ns...)
		b = append(b, ',')
	}
	if p.HasID {
		b = strconv.AppendUint(b, p.ID, 10)
	}
	return append(b, p.Data...)
}

// ParsePacket decodes a Socket.IO v5 packet (the data of an Engine.IO
// message packet). Binary packets are refused: Crisp does not use them.
// The packet's Data (and the arguments Event returns) are slices of b,
// which the caller must not change afterwards.
func ParsePacket(b []byte) (Packet, error) {
	if len(b) == 0 || b[0] < '0' || b[0] > '6' {
		return Packet{}, fmt.Errorf("%w: unknown type in %.40q", ErrMalformed, b)
	}
	p := Packet{Type: PacketType(b[0] - '0'), Namespace: MainNamespace}
	if p.Type == BinaryEvent || p.Type == BinaryAck {
		return Packet{}, fmt.Errorf("%w: binary packets are not supported", ErrMalformed)
	}
	i := 1
	if i < len(b) && b[i] == '/' {
		end := bytes.IndexByte(b[i:], ',')
		if end < 0 {
			p.Namespace, i = string(b[i:]), len(b)
		} else {
			p.Namespace, i = string(b[i:i+end]), i+end+1
		}
	}
	start := i
	for i < len(b) && b[i] >= '0' && b[i] <= '9' {
		i++
	}
	if i > start {
		id, err := strconv.ParseUint(string(b[start:i]), 10, 64)
		if err != nil {
			return Packet{}, fmt.Errorf("%w: ack id: %w", ErrMalformed, err)
		}
		p.ID, p.HasID = id, true
	}
	if i < len(b) {
		p.Data = b[i:len(b):len(b)]
		ok := false
		if p.Type == Event || p.Type == Ack {
			// One pass validates the array and finds its elements.
			p.more, p.n, ok = splitArray(p.Data, &p.head)
			p.split = ok
		} else {
			ok = json.Valid(p.Data)
		}
		if !ok {
			return Packet{}, fmt.Errorf("%w: invalid JSON payload in %.40q", ErrMalformed, b)
		}
	}
	if !validPayload(p.Type, p.Data) {
		return Packet{}, fmt.Errorf("%w: invalid payload for type %d: %.40q", ErrMalformed, p.Type, b)
	}
	return p, nil
}

// validPayload checks the payload's JSON kind against the packet type, as
// the reference parser does.
func validPayload(t PacketType, data json.RawMessage) bool {
	kind := byte(0)
	if d := bytes.TrimLeft(data, " \t\r\n"); len(d) > 0 {
		kind = d[0]
	}
	switch t {
	case Connect:
		return kind == 0 || kind == '{'
	case Disconnect:
		return kind == 0
	case ConnectError:
		return kind == '{' || kind == '"'
	case Event:
		return kind == '['
	case Ack:
		return kind == '['
	}
	return false
}

// NewEvent returns the Event packet [name, args...] of the main
// namespace. Each argument is encoded with encoding/json (a
// json.RawMessage is sent as it is), without HTML escaping.
func NewEvent(name string, args ...any) (Packet, error) {
	data, err := marshal(append([]any{name}, args...))
	if err != nil {
		return Packet{}, fmt.Errorf("sio: encoding %s: %w", name, err)
	}
	return Packet{Type: Event, Namespace: MainNamespace, Data: data}, nil
}

// Event returns the name and the arguments of an Event packet. The
// arguments are the exact JSON the peer sent. For a packet ParsePacket
// returned, the args slice may point into p itself: use it while p is
// unchanged (each argument's bytes are the message's and stay valid).
func (p *Packet) Event() (name string, args []json.RawMessage, err error) {
	if p.Type != Event {
		return "", nil, fmt.Errorf("%w: packet type %d is not an event", ErrMalformed, p.Type)
	}
	var list []json.RawMessage
	switch {
	case p.more != nil:
		list = p.more
	case p.split:
		list = p.head[:p.n]
	default:
		list = decodeArray(p.Data)
	}
	if len(list) == 0 {
		return "", nil, fmt.Errorf("%w: an event is a non-empty JSON array", ErrMalformed)
	}
	name, ok := jsonString(list[0])
	if !ok {
		return "", nil, fmt.Errorf("%w: an event's name is a string", ErrMalformed)
	}
	return name, list[1:], nil
}

// decodeArray returns the elements of the JSON array data, or nil.
func decodeArray(data json.RawMessage) []json.RawMessage {
	var list []json.RawMessage
	if json.Unmarshal(data, &list) != nil {
		return nil
	}
	return list
}

// jsonString returns the string a JSON value is, if it is one.
func jsonString(v json.RawMessage) (string, bool) {
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	if s := v[1 : len(v)-1]; bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return names.intern(s), true // valid JSON without escapes: the text itself
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return "", false
	}
	return s, true
}

// ConnectErrorMessage returns the message of a ConnectError packet's
// payload ({"message": ...} or a string).
func (p Packet) ConnectErrorMessage() string {
	var obj struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(p.Data, &obj) == nil && obj.Message != "" {
		return obj.Message
	}
	var s string
	if json.Unmarshal(p.Data, &s) == nil && s != "" {
		return s
	}
	return string(p.Data)
}

// marshal encodes v as JSON without HTML escaping and without the
// trailing newline of json.Encoder.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// frame returns the WebSocket frame of an Engine.IO message packet that
// carries p.
func frame(p Packet) []byte {
	enc := p.Encode()
	b := make([]byte, 0, 1+len(enc))
	b = append(b, eioMessage)
	return append(b, enc...)
}
