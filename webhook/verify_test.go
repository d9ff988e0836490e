package webhook

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

const (
	testSecret = "plugin-secret"
	// vectorBody is signed below with values computed independently:
	//
	//	python3 -c 'import hmac,hashlib; print(hmac.new(b"plugin-secret",
	//	    b"[1700000000000;" + body + b"]", hashlib.sha256).hexdigest())'
	vectorBody = `{"website_id":"8c842203-7ed8-4e29-a608-7cf78a7d2fcc","event":"message:send","data":{"session_id":"session_1","content":"hi"},"timestamp":1700000000000}`
	vectorMS   = "1700000000000"
	vectorSigM = "002ec62446371b0d4acf01be96553cc01a272923a0510218755a6735e3f3a15f"
	vectorS    = "1700000000"
	vectorSigS = "7cf306218e6900e8167ac7ec4178037c6c2be75c89161635a025d1e102af3d2f"
)

var vectorTime = time.UnixMilli(1700000000000)

func TestSignPinnedVectors(t *testing.T) {
	require.Equal(t, vectorSigM, Sign(testSecret, vectorMS, []byte(vectorBody)))
	require.Equal(t, vectorSigS, Sign(testSecret, vectorS, []byte(vectorBody)))
	// crisptest signs on its own; both must agree.
	require.Equal(t, crisptest.SignWebhook(testSecret, vectorMS, []byte(vectorBody)), Sign(testSecret, vectorMS, []byte(vectorBody)))
	// The vector crisptest pins too.
	body := []byte(`{"website_id":"42286ab3-b29a-4fde-8538-da0ae501d825","event":"message:send","data":{},"timestamp":1506985696616}`)
	require.Equal(t, "8794329764783f69b64df1353d3b41307795caaf7253017d05cdb41a3a51cd13", Sign("secret", "1506985696616", body))
}

func TestVerifyAt(t *testing.T) {
	body := []byte(vectorBody)
	tampered := []byte(strings.Replace(vectorBody, `"hi"`, `"ho"`, 1))
	tests := []struct {
		name            string
		secret, ts, sig string
		body            []byte
		now             time.Time
		tolerance       time.Duration
		want            error
	}{
		{"good ms", testSecret, vectorMS, vectorSigM, body, vectorTime, DefaultTolerance, nil},
		{"good s", testSecret, vectorS, vectorSigS, body, vectorTime, DefaultTolerance, nil},
		{"upper-case hex", testSecret, vectorMS, strings.ToUpper(vectorSigM), body, vectorTime, DefaultTolerance, nil},
		{"ms within tolerance, past", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(DefaultTolerance), DefaultTolerance, nil},
		{"ms within tolerance, future", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(-DefaultTolerance), DefaultTolerance, nil},
		{"s within tolerance", testSecret, vectorS, vectorSigS, body, vectorTime.Add(4 * time.Minute), DefaultTolerance, nil},
		{"bad signature", testSecret, vectorMS, strings.Repeat("0", 64), body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"not hex", testSecret, vectorMS, "not-a-signature", body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"truncated signature", testSecret, vectorMS, vectorSigM[:62], body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"sha256= prefix is another scheme", testSecret, vectorMS, "sha256=" + vectorSigM, body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"tampered body", testSecret, vectorMS, vectorSigM, tampered, vectorTime, DefaultTolerance, ErrBadSignature},
		{"wrong secret", "other-secret", vectorMS, vectorSigM, body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"empty secret", "", vectorMS, Sign("", vectorMS, body), body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"other timestamp", testSecret, "1700000000001", vectorSigM, body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"s signature with ms timestamp", testSecret, vectorMS, vectorSigS, body, vectorTime, DefaultTolerance, ErrBadSignature},
		{"stale ms, past", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(DefaultTolerance + time.Millisecond), DefaultTolerance, ErrStaleTimestamp},
		{"stale ms, future", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(-DefaultTolerance - time.Millisecond), DefaultTolerance, ErrStaleTimestamp},
		{"stale s, past", testSecret, vectorS, vectorSigS, body, vectorTime.Add(6 * time.Minute), DefaultTolerance, ErrStaleTimestamp},
		{"stale s, future", testSecret, vectorS, vectorSigS, body, vectorTime.Add(-6 * time.Minute), DefaultTolerance, ErrStaleTimestamp},
		{"custom tolerance", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(2 * time.Second), time.Second, ErrStaleTimestamp},
		{"tolerance 0 disables", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(1000 * time.Hour), 0, nil},
		{"negative tolerance disables", testSecret, vectorMS, vectorSigM, body, vectorTime.Add(-1000 * time.Hour), -1, nil},
		{"timestamp not a number", testSecret, "yesterday", Sign(testSecret, "yesterday", body), body, vectorTime, DefaultTolerance, ErrStaleTimestamp},
		{"negative timestamp", testSecret, "-1700000000", Sign(testSecret, "-1700000000", body), body, vectorTime, DefaultTolerance, ErrStaleTimestamp},
		{"plus-signed timestamp", testSecret, "+1700000000", Sign(testSecret, "+1700000000", body), body, vectorTime, DefaultTolerance, ErrStaleTimestamp},
		{"missing signature", testSecret, vectorMS, "", body, vectorTime, DefaultTolerance, ErrMissingSignature},
		{"missing timestamp", testSecret, "", Sign(testSecret, "", body), body, vectorTime, DefaultTolerance, ErrMissingSignature},
		{"missing both", testSecret, "", "", body, vectorTime, DefaultTolerance, ErrMissingSignature},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := VerifyAt(tt.secret, tt.ts, tt.body, tt.sig, tt.now, tt.tolerance)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
			for _, other := range []error{ErrMissingSignature, ErrBadSignature, ErrStaleTimestamp} {
				if other != tt.want {
					require.NotErrorIs(t, err, other)
				}
			}
		})
	}
}

func TestVerifyChecksAgainstNow(t *testing.T) {
	body := []byte(vectorBody)
	// The pinned vector is from 2023: authentic but stale now.
	require.ErrorIs(t, Verify(testSecret, vectorMS, body, vectorSigM), ErrStaleTimestamp)
	for _, ts := range []string{
		strconv.FormatInt(time.Now().UnixMilli(), 10),
		strconv.FormatInt(time.Now().Unix(), 10),
	} {
		require.NoError(t, Verify(testSecret, ts, body, Sign(testSecret, ts, body)), ts)
		require.ErrorIs(t, Verify(testSecret, ts, body, Sign("wrong", ts, body)), ErrBadSignature, ts)
	}
	old := strconv.FormatInt(time.Now().Add(-time.Hour).UnixMilli(), 10)
	require.ErrorIs(t, Verify(testSecret, old, body, Sign(testSecret, old, body)), ErrStaleTimestamp)
	future := strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10)
	require.ErrorIs(t, Verify(testSecret, future, body, Sign(testSecret, future, body)), ErrStaleTimestamp)
}

func TestVerifyWidget(t *testing.T) {
	body := []byte(`{"origin":{"website_id":"w"},"action":"export","data":{}}`)
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	require.NoError(t, VerifyWidget(testSecret, ts, body, Sign(testSecret, ts, body)))
	require.ErrorIs(t, VerifyWidget(testSecret, ts, body, Sign("other", ts, body)), ErrBadSignature)
	require.ErrorIs(t, VerifyWidget(testSecret, ts, body, ""), ErrMissingSignature)
	require.ErrorIs(t, VerifyWidget(testSecret, vectorMS, []byte(vectorBody), vectorSigM), ErrStaleTimestamp)
}

func TestParseTimestamp(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want time.Time
	}{
		{"1700000000", time.Unix(1700000000, 0)},
		{"1700000000000", time.UnixMilli(1700000000000)},
		{"0", time.Unix(0, 0)},
		{"99999999999", time.Unix(99999999999, 0)},
		{"100000000000", time.UnixMilli(100000000000)},
		{"9223372036854775807", time.UnixMilli(9223372036854775807)},
	} {
		got, err := ParseTimestamp(tt.in)
		require.NoError(t, err, tt.in)
		require.True(t, tt.want.Equal(got), "%s: %v != %v", tt.in, got, tt.want)
	}
	for _, bad := range []string{"", "-1", "+1", "1.5", "1e12", " 1", "0x10", "9223372036854775808", "abc"} {
		_, err := ParseTimestamp(bad)
		require.Error(t, err, bad)
	}
}
