package sio

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseAndEncodePackets(t *testing.T) {
	for _, tc := range []struct {
		wire string
		want Packet
	}{
		{"0", Packet{Type: Connect, Namespace: "/"}},
		{`0{"token":"x"}`, Packet{Type: Connect, Namespace: "/", Data: json.RawMessage(`{"token":"x"}`)}},
		{"0/admin,", Packet{Type: Connect, Namespace: "/admin"}},
		{`0/admin,{"sid":"a"}`, Packet{Type: Connect, Namespace: "/admin", Data: json.RawMessage(`{"sid":"a"}`)}},
		{"1", Packet{Type: Disconnect, Namespace: "/"}},
		{`2["hello",1]`, Packet{Type: Event, Namespace: "/", Data: json.RawMessage(`["hello",1]`)}},
		{`212["hello"]`, Packet{Type: Event, Namespace: "/", ID: 12, HasID: true, Data: json.RawMessage(`["hello"]`)}},
		{`2/chat,7["a"]`, Packet{Type: Event, Namespace: "/chat", ID: 7, HasID: true, Data: json.RawMessage(`["a"]`)}},
		{`30[]`, Packet{Type: Ack, Namespace: "/", ID: 0, HasID: true, Data: json.RawMessage(`[]`)}},
		{`4{"message":"no"}`, Packet{Type: ConnectError, Namespace: "/", Data: json.RawMessage(`{"message":"no"}`)}},
		{`4"no"`, Packet{Type: ConnectError, Namespace: "/", Data: json.RawMessage(`"no"`)}},
	} {
		got, err := ParsePacket([]byte(tc.wire))
		if err != nil {
			t.Errorf("ParsePacket(%q): %v", tc.wire, err)
			continue
		}
		if got.Type != tc.want.Type || got.Namespace != tc.want.Namespace || got.ID != tc.want.ID ||
			got.HasID != tc.want.HasID || string(got.Data) != string(tc.want.Data) {
			t.Errorf("ParsePacket(%q) = %+v, want %+v", tc.wire, got, tc.want)
		}
		if enc := string(got.Encode()); enc != tc.wire {
			t.Errorf("Encode(%+v) = %q, want %q", got, enc, tc.wire)
		}
	}
}

func TestParseRefusesMalformedPackets(t *testing.T) {
	for _, wire := range []string{
		"", "7", "x", "9[]",
		`51-["a",{"_placeholder":true,"num":0}]`, // binary
		`2`, `2{}`, `2"a"`,                       // an event is an array
		`1{}`,   // a disconnect has no payload
		`0[]`,   // a connect's payload is an object
		`3{}`,   // an ack's payload is an array
		`4[]`,   // a connect error's is an object or a string
		`2["a"`, // invalid JSON
		`299999999999999999999["a"]`,
	} {
		if p, err := ParsePacket([]byte(wire)); !errors.Is(err, ErrMalformed) {
			t.Errorf("ParsePacket(%q) = %+v, %v; want ErrMalformed", wire, p, err)
		}
	}
}

func TestEventKeepsExactArguments(t *testing.T) {
	const big = `{"fingerprint":9007199254740993,"text":"<b>&</b>"}`
	p, err := NewEvent("message:send", json.RawMessage(big), true)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(p.Encode()), `2["message:send",`+big+`,true]`; got != want {
		t.Errorf("Encode = %s, want %s", got, want)
	}
	parsed, err := ParsePacket(p.Encode())
	if err != nil {
		t.Fatal(err)
	}
	name, args, err := parsed.Event()
	if err != nil {
		t.Fatal(err)
	}
	if name != "message:send" || len(args) != 2 || string(args[0]) != big || string(args[1]) != "true" {
		t.Errorf("Event() = %q, %s", name, args)
	}
	var m struct {
		Fingerprint int64 `json:"fingerprint"`
	}
	if err := json.Unmarshal(args[0], &m); err != nil || m.Fingerprint != 9007199254740993 {
		t.Errorf("fingerprint = %d, %v; want 9007199254740993", m.Fingerprint, err)
	}

	for _, data := range []string{`[]`, `[1]`, `[null]`} {
		p := Packet{Type: Event, Data: json.RawMessage(data)}
		if _, _, err := p.Event(); !errors.Is(err, ErrMalformed) {
			t.Errorf("Event() of %s = %v, want ErrMalformed", data, err)
		}
	}
	ack := Packet{Type: Ack, Data: json.RawMessage(`["a"]`)}
	if _, _, err := ack.Event(); !errors.Is(err, ErrMalformed) {
		t.Errorf("Event() of an ack = %v, want ErrMalformed", err)
	}
	if _, err := NewEvent("x", make(chan int)); err == nil {
		t.Error("NewEvent encoded a channel")
	}
}

func TestConnectErrorMessage(t *testing.T) {
	for data, want := range map[string]string{
		`{"message":"Invalid namespace"}`: "Invalid namespace",
		`"refused"`:                       "refused",
		`{"data":1}`:                      `{"data":1}`,
	} {
		if got := (Packet{Type: ConnectError, Data: json.RawMessage(data)}).ConnectErrorMessage(); got != want {
			t.Errorf("ConnectErrorMessage(%s) = %q, want %q", data, got, want)
		}
	}
}

func TestURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://plugin.relay.crisp.chat/p/2/": "wss://plugin.relay.crisp.chat/p/2/?EIO=4&transport=websocket",
		"http://127.0.0.1:8080/p/1":            "ws://127.0.0.1:8080/p/1/?EIO=4&transport=websocket",
		"wss://app.relay.crisp.chat":           "wss://app.relay.crisp.chat/?EIO=4&transport=websocket",
		"ws://u:p@host/x/?a=b#frag":            "ws://host/x/?EIO=4&transport=websocket",
	} {
		got, err := URL(in)
		if err != nil || got != want {
			t.Errorf("URL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"ftp://host/", "/p/1/", "http:///p/1/", "http://[::1"} {
		if got, err := URL(in); err == nil {
			t.Errorf("URL(%q) = %q, want an error", in, got)
		}
	}
}
