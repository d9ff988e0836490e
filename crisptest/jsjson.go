package crisptest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MarshalJS encodes v as JSON the way JavaScript writes it: the bytes
// JSON.stringify(JSON.parse(json.Marshal(v))) gives. Crisp's Node client
// verifies a web hook signature over that re-serialization, so a body
// signed by the fake must already be in that form:
//
//   - no HTML escaping; U+2028 and U+2029 are written as they are; other
//     control characters as \b, \t, \n, \f, \r or \u00xx (lowercase);
//   - object keys that are array indexes ("0" to "4294967294", canonical)
//     come first in ascending numeric order, then the others in their
//     order; a repeated key keeps its first place and its last value;
//   - numbers as JavaScript's Number#toString writes their double value
//     (1e21 is "1e+21", 1.0 is "1", -0 is "0").
//
// A number JavaScript would read as another value is an error, since the
// receiver would see another value (and Node reject the signature): an
// integer above 2^53 that is not a double, such as 9007199254740993, or a
// number out of the double range.
func MarshalJS(v any) ([]byte, error) {
	var raw bytes.Buffer
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return reencodeJS(raw.Bytes())
}

// reencodeJS re-serializes one JSON text the way JavaScript does.
func reencodeJS(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	val, err := parseJS(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("crisptest: MarshalJS: trailing data after the JSON value")
	}
	var out bytes.Buffer
	if err := writeJS(&out, val); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// jsObject is a JSON object with its keys in the order they were first
// seen.
type jsObject struct {
	keys []string
	vals map[string]any
}

// parseJS reads one value: nil, bool, string, json.Number, []any or
// *jsObject.
func parseJS(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, isDelim := tok.(json.Delim)
	if !isDelim {
		return tok, nil
	}
	switch d {
	case '[':
		list := []any{}
		for dec.More() {
			v, err := parseJS(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token() // ]
		return list, err
	case '{':
		o := &jsObject{vals: map[string]any{}}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			k, _ := kt.(string)
			v, err := parseJS(dec)
			if err != nil {
				return nil, err
			}
			if _, seen := o.vals[k]; !seen {
				o.keys = append(o.keys, k)
			}
			o.vals[k] = v
		}
		_, err := dec.Token() // }
		return o, err
	}
	return nil, fmt.Errorf("crisptest: MarshalJS: unexpected %v", d)
}

func writeJS(out *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case nil:
		out.WriteString("null")
	case bool:
		out.WriteString(strconv.FormatBool(x))
	case string:
		writeJSString(out, x)
	case json.Number:
		s, err := jsNumber(string(x))
		if err != nil {
			return err
		}
		out.WriteString(s)
	case []any:
		out.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				out.WriteByte(',')
			}
			if err := writeJS(out, e); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case *jsObject:
		out.WriteByte('{')
		for i, k := range jsKeyOrder(x.keys) {
			if i > 0 {
				out.WriteByte(',')
			}
			writeJSString(out, k)
			out.WriteByte(':')
			if err := writeJS(out, x.vals[k]); err != nil {
				return err
			}
		}
		out.WriteByte('}')
	default:
		return fmt.Errorf("crisptest: MarshalJS: unexpected %T", v)
	}
	return nil
}

// jsKeyOrder orders keys as JavaScript enumerates an object's own
// properties: array indexes ascending, then the other keys in order.
func jsKeyOrder(keys []string) []string {
	var indexes, others []string
	for _, k := range keys {
		if _, isIndex := arrayIndex(k); isIndex {
			indexes = append(indexes, k)
		} else {
			others = append(others, k)
		}
	}
	sort.Slice(indexes, func(i, j int) bool {
		a, _ := arrayIndex(indexes[i])
		b, _ := arrayIndex(indexes[j])
		return a < b
	})
	return append(indexes, others...)
}

// arrayIndex reports whether k is an ECMAScript array index: the canonical
// decimal form of an integer from 0 to 2^32-2.
func arrayIndex(k string) (uint64, bool) {
	if k == "" || len(k) > 10 || (len(k) > 1 && k[0] == '0') {
		return 0, false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(k, 10, 64)
	if err != nil || n > math.MaxUint32-1 {
		return 0, false
	}
	return n, true
}

// writeJSString writes s quoted as JSON.stringify does.
func writeJSString(out *bytes.Buffer, s string) {
	out.WriteByte('"')
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == '"':
			out.WriteString(`\"`)
		case r == '\\':
			out.WriteString(`\\`)
		case r == '\b':
			out.WriteString(`\b`)
		case r == '\t':
			out.WriteString(`\t`)
		case r == '\n':
			out.WriteString(`\n`)
		case r == '\f':
			out.WriteString(`\f`)
		case r == '\r':
			out.WriteString(`\r`)
		case r < 0x20:
			fmt.Fprintf(out, `\u%04x`, r)
		default:
			// Go's decoder already turned invalid UTF-8 and lone
			// surrogates into U+FFFD, which JavaScript writes as is.
			out.WriteString(s[:size])
		}
		s = s[size:]
	}
	out.WriteByte('"')
}

// jsNumber writes a JSON number literal as JavaScript writes the double it
// parses to, and fails when that is another value (9007199254740993 reads
// as 9007199254740992, 1e-400 as 0).
func jsNumber(lit string) (string, error) {
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(f, 0) {
		return "", fmt.Errorf("crisptest: MarshalJS: %s is out of JavaScript's number range", lit)
	}
	out := formatJSNumber(f)
	if out != lit {
		want, okWant := new(big.Rat).SetString(lit)
		got, okGot := new(big.Rat).SetString(out)
		if !okWant || !okGot || want.Cmp(got) != 0 {
			return "", fmt.Errorf("crisptest: MarshalJS: JavaScript would read the number %s as %s", lit, out)
		}
	}
	return out, nil
}

// formatJSNumber is ECMAScript's Number::toString(x) for a finite x: the
// shortest digits that read back as x, in fixed notation from 1e-7 up to
// 1e21 (excluded), else in exponent notation.
func formatJSNumber(x float64) string {
	if x == 0 {
		return "0" // and -0
	}
	sign := ""
	if x < 0 {
		sign, x = "-", -x
	}
	// d.ddddde±XX: the shortest digits s (k of them) and n = XX + 1, so
	// that x = s × 10^(n-k).
	e := strconv.FormatFloat(x, 'e', -1, 64)
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	p, _ := strconv.Atoi(exp)
	k, n := len(digits), p+1
	var b strings.Builder
	b.WriteString(sign)
	switch {
	case k <= n && n <= 21:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", n-k))
	case 0 < n && n <= 21:
		b.WriteString(digits[:n])
		b.WriteByte('.')
		b.WriteString(digits[n:])
	case -6 < n && n <= 0:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -n))
		b.WriteString(digits)
	default:
		b.WriteString(digits[:1])
		if k > 1 {
			b.WriteByte('.')
			b.WriteString(digits[1:])
		}
		b.WriteByte('e')
		if n-1 >= 0 {
			b.WriteByte('+')
		}
		b.WriteString(strconv.Itoa(n - 1))
	}
	return b.String()
}
