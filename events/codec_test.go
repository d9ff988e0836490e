package events

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strconv"
	"testing"

	"github.com/crisp-go/crisp-go/internal/jsonx"
	"github.com/stretchr/testify/require"
)

// Event data is decoded with the fast codec (events/codec.go): every
// example payload of the spec, and mutations of them, give exactly what
// encoding/json gives, values and errors.
func TestEventDataDecodesAsEncodingJSON(t *testing.T) {
	if !jsonx.Fast {
		t.Skip("built with crisp_stdjson: encoding/json alone")
	}
	schemas := eventSchemas(t, loadSpec(t))
	examples := exactExamples(t)
	r := rand.New(rand.NewPCG(3, 5))
	n, failed := 0, 0
	for name, schema := range schemas {
		typ, ok := PayloadType(name)
		require.True(t, ok, name)
		example, ok := examples[schema]
		require.True(t, ok, schema)
		inputs := [][]byte{example}
		for range 20 {
			inputs = append(inputs, mutate(r, example))
		}
		for _, in := range inputs {
			n++
			std := reflect.New(typ)
			stdErr := json.Unmarshal(in, std.Interface())

			fast := reflect.New(typ)
			fastErr := jsonx.UnmarshalAny(in, fast.Interface())
			if stdErr == nil {
				require.NoErrorf(t, fastErr, "%s: %s", name, in)
				require.Truef(t, reflect.DeepEqual(std.Interface(), fast.Interface()), "%s: %s decoded differently", name, in)
			} else {
				failed++
			}

			// What the router and Decode return.
			got, err := Decode(&Event{Name: name, Data: in})
			if stdErr != nil {
				require.ErrorIs(t, err, ErrMalformed)
				require.ErrorContainsf(t, err, stdErr.Error(), "%s: the error of encoding/json", in)
				continue
			}
			require.NoError(t, err)
			require.Equal(t, std.Elem().Interface(), got)
		}
	}
	require.Positive(t, failed, "some mutations are refused")
	t.Logf("%d payloads, %d refused alike", n, failed)
}

// mutate changes one thing in a JSON document: a type, a number, a
// string, a truncation.
func mutate(r *rand.Rand, b []byte) []byte {
	c := bytes.Clone(b)
	switch r.IntN(6) {
	case 0:
		return c[:r.IntN(len(c))]
	case 1:
		return bytes.Replace(c, []byte(`":"`), []byte(`":1`), 1)
	case 2:
		return bytes.Replace(c, []byte(`":1`), []byte(`":`+strconv.FormatUint(r.Uint64(), 10)+`9`), 1)
	case 3:
		return bytes.Replace(c, []byte(`":true`), []byte(`":"true"`), 1)
	case 4:
		return bytes.Replace(c, []byte(`"`), []byte(`"\u00e9\ud800`), 1)
	default:
		return bytes.Replace(c, []byte(`{`), []byte(`{"extra":[null,{}],`), 1)
	}
}
