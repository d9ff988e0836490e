package sio

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/internal/race"
)

// splitCases are payloads of every kind: arrays, other values, broken
// JSON, and what json.Valid accepts that strict parsers refuse.
var splitCases = []string{
	`[]`, ` [ ] `, `["a"]`, `["message:send",{"website_id":"w","n":[1,2,{"x":null}]}]`,
	"\t[\"a\" ,\n 1 , true,false,null, -1.5e3 , \"\\u00e9\\\"\" ]\r\n",
	`["a",{"k":1,"k":2}]`,         // duplicate names
	"[\"a\xff\xfe\",\"\xc3\"]",    // invalid UTF-8
	`[[[[[]]]],{"a":{"b":[{}]}}]`, // nesting
	`["a"] x`, `["a"][]`, `["a",]`, `[,"a"]`, `["a"`, `[`, `]`, ``, ` `,
	`{"a":1}`, `"a"`, `1`, `null`, `[01]`, `["\x01"]`, `["a\u"]`, `[1 2]`, `[NaN]`,
	strings.Repeat("[", 10001) + strings.Repeat("]", 10001),
}

// TestSplitArrayAsEncodingJSON: splitArray accepts exactly the payloads
// json.Valid accepts whose value is an array, and finds the elements
// json.Unmarshal finds, byte for byte.
func TestSplitArrayAsEncodingJSON(t *testing.T) {
	for _, c := range splitCases {
		checkSplit(t, []byte(c))
	}
}

func FuzzSplitArray(f *testing.F) {
	for _, c := range splitCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkSplit(t, data) })
}

func checkSplit(t *testing.T, data []byte) {
	t.Helper()
	var want []json.RawMessage
	wantOK := json.Valid(data) && strings.HasPrefix(strings.TrimLeft(string(data), " \t\r\n"), "[")
	if wantOK && json.Unmarshal(data, &want) != nil {
		wantOK = false
	}
	var head [2]json.RawMessage
	more, n, ok := splitArray(data, &head)
	if ok != wantOK {
		t.Fatalf("splitArray(%.80q) ok = %v, encoding/json says %v", data, ok, wantOK)
	}
	if !ok {
		return
	}
	got := more
	if n <= len(head) {
		if more != nil {
			t.Fatalf("splitArray(%.80q): %d elements, and a slice of them", data, n)
		}
		got = head[:n]
	}
	if n != len(got) || len(got) != len(want) {
		t.Fatalf("splitArray(%.80q) = %d elements, want %d", data, len(got), len(want))
	}
	for i := range got {
		if string(got[i]) != string(want[i]) {
			t.Fatalf("splitArray(%.80q)[%d] = %q, want %q", data, i, got[i], want[i])
		}
	}
}

// TestEventNames: a name without escapes is the text itself, interned (no
// allocation once seen); an escaped or invalid one is decoded as
// json.Unmarshal decodes it.
func TestEventNames(t *testing.T) {
	for wire, want := range map[string]string{
		`2["message:send",{}]`:        "message:send",
		`2["message\u003asend"]`:      "message:send",
		`2["a\"b"]`:                   `a"b`,
		"2[\"bad\xffutf8\"]":          "bad\ufffdutf8",
		`2[ "spaced" , 1 ]`:           "spaced",
		`2["session:set_state",null]`: "session:set_state",
	} {
		p, err := ParsePacket([]byte(wire))
		if err != nil {
			t.Fatalf("ParsePacket(%q): %v", wire, err)
		}
		name, _, err := p.Event()
		if err != nil || name != want {
			t.Errorf("Event() of %q = %q, %v; want %q", wire, name, err, want)
		}
	}
	p, err := ParsePacket([]byte(`2["message:send",{"website_id":"w"}]`))
	if err != nil {
		t.Fatal(err)
	}
	if allocs := testing.AllocsPerRun(100, func() {
		if name, args, err := p.Event(); err != nil || name != "message:send" || len(args) != 1 {
			t.Fatalf("Event() = %q, %v, %v", name, args, err)
		}
	}); allocs != 0 {
		t.Errorf("Event() of a parsed packet allocates %.1f times, want 0", allocs)
	}
}

// TestParsingAnEventAllocatesNothing: ParsePacket and Event of an event
// with no argument or one (a name seen before; Crisp's events have one)
// allocate nothing: the
// packet's data is the message's bytes, the arguments are kept in the
// packet and the decoder comes from a pool. Not under -race, whose
// sync.Pool drops items at random.
func TestParsingAnEventAllocatesNothing(t *testing.T) {
	if race.Enabled {
		t.Skip("sync.Pool drops items at random under -race")
	}
	for _, wire := range []string{`2["message:send",{"website_id":"w","content":"hi"}]`, `2["session:set_state"]`} {
		b := []byte(wire)
		allocs := testing.AllocsPerRun(100, func() {
			p, err := ParsePacket(b)
			if err != nil {
				t.Fatal(err)
			}
			if name, args, err := p.Event(); err != nil || name == "" || len(args) > 1 {
				t.Fatalf("Event() = %q, %d arguments, %v", name, len(args), err)
			}
		})
		if allocs != 0 {
			t.Errorf("ParsePacket and Event of %s: %.1f allocations, want 0", wire, allocs)
		}
	}
}

// TestSplitterKeepsNoData: a splitter back in the pool holds no reference
// to the packet it read (a pool would keep the last message of each P
// alive).
func TestSplitterKeepsNoData(t *testing.T) {
	s := new(splitter)
	s.buf = *bytes.NewBuffer([]byte(`["a",1]`))
	s.dec.Reset(&s.buf)
	if _, err := s.dec.ReadValue(); err != nil {
		t.Fatal(err)
	}
	s.release()
	if s.buf.Cap() != 0 || s.dec.InputOffset() != 0 {
		t.Errorf("the released splitter still holds its input: cap %d, offset %d", s.buf.Cap(), s.dec.InputOffset())
	}
}
