package crisptest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

// The expected bytes below are what Node 20 prints for
// JSON.stringify(JSON.parse(input)).

func TestMarshalJSStringsAndKeys(t *testing.T) {
	in := json.RawMessage(`{"b":1,"a":"<a href=\"x\">&amp;</a>","10":"ten","2":"two","01":"zero-one",` +
		`"4294967294":"max","4294967295":"not index","-1":"neg","1.5":"float","line":"\u2028\u2029",` +
		`"ctl":"\u0001\u001f\b\f\n\r\t\"\\\/\u007f","dup":1,"nested":{"z":[{"3":0,"c":0,"1":0}]},"dup":2}`)
	got, err := MarshalJS(in)
	require.NoError(t, err)
	want := `{"2":"two","10":"ten","4294967294":"max","b":1,"a":"<a href=\"x\">&amp;</a>","01":"zero-one",` +
		`"4294967295":"not index","-1":"neg","1.5":"float","line":"` + "\u2028\u2029" + `",` +
		`"ctl":"\u0001\u001f\b\f\n\r\t\"\\/` + "\x7f" + `","dup":2,"nested":{"z":[{"1":0,"3":0,"c":0}]}}`
	require.Equal(t, want, string(got))
}

func TestMarshalJSGoValues(t *testing.T) {
	// encoding/json sorts map keys as strings ("10" before "2") and escapes
	// <, >, &, U+2028 and U+2029; JavaScript does neither.
	got, err := MarshalJS(Webhook{WebsiteID: "w", Event: "message:send", Timestamp: 1506985696616, Data: map[string]any{
		"content": "<b>Tom & Jerry</b>\u2028next\u2029",
		"10":      "ten",
		"2":       "two",
		"user":    map[string]any{"nickname": "é😀", "bad": "\xff"},
	}})
	require.NoError(t, err)
	require.Equal(t, `{"website_id":"w","event":"message:send","data":{"2":"two","10":"ten",`+
		`"content":"<b>Tom & Jerry</b>`+"\u2028next\u2029"+`","user":{"bad":"`+"\ufffd"+`","nickname":"é😀"}},"timestamp":1506985696616}`, string(got))
}

func TestMarshalJSNumbers(t *testing.T) {
	in := json.RawMessage(`[1.0,-0,1e21,1e20,123456789012345680000,0.000001,1e-7,1.5e-7,5e-324,1.7976931348623157e308,` +
		`9007199254740992,9007199254740994,0.1,100,123e-20,-1.5,2.5e-6,1234.5678e10,-1e-7,4.35,0.3]`)
	got, err := MarshalJS(in)
	require.NoError(t, err)
	require.Equal(t, `[1,0,1e+21,100000000000000000000,123456789012345680000,0.000001,1e-7,1.5e-7,5e-324,1.7976931348623157e+308,`+
		`9007199254740992,9007199254740994,0.1,100,1.23e-18,-1.5,0.0000025,12345678000000,-1e-7,4.35,0.3]`, string(got))
}

func TestMarshalJSRefusesWhatJavaScriptWouldChange(t *testing.T) {
	for _, in := range []string{
		`{"fingerprint":9007199254740993}`, `[-9007199254740995]`,
		`[18446744073709551616]`, // 2^64, which JavaScript writes 18446744073709552000
		`[1e400]`, `[1e-400]`, `[0.1000000000000000000001]`,
	} {
		_, err := MarshalJS(json.RawMessage(in))
		require.Errorf(t, err, "%s", in)
	}
	_, err := MarshalJS(map[string]any{"fingerprint": int64(9007199254740993)})
	require.ErrorContains(t, err, "JavaScript would read the number 9007199254740993 as 9007199254740992")
}

func TestArrayIndex(t *testing.T) {
	for k, want := range map[string]bool{
		"0": true, "7": true, "4294967294": true,
		"": false, "00": false, "01": false, "-0": false, "-1": false, "1.0": false, "1e3": false, " 1": false,
		"4294967295": false, "99999999999": false, "a": false,
	} {
		_, got := arrayIndex(k)
		require.Equalf(t, want, got, "%q", k)
	}
}
