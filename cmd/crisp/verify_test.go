package main

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/webhook"
	"github.com/stretchr/testify/require"
)

func TestVerify(t *testing.T) {
	body := `{"website_id":"w","event":"message:send","data":{"content":"hi"},"timestamp":1}`
	ts := strconv.FormatInt(time.Now().UnixMilli(), 10)
	sig := webhook.Sign(testSecret, ts, []byte(body))

	res := crispRun(t, nil, body, "verify", "--secret", testSecret, "--timestamp", ts, "--signature", sig)
	require.Equal(t, 0, res.code, res.stderr)
	require.Contains(t, res.stdout, "OK: the signature matches")

	// From a file, with the secret from the environment.
	file := filepath.Join(t.TempDir(), "body.json")
	require.NoError(t, os.WriteFile(file, []byte(body), 0o600))
	res = crispRun(t, []string{"CRISP_HOOK_SECRET=" + testSecret}, "", "verify", "--timestamp", ts, "--signature", sig, "--body-file", file)
	require.Equal(t, 0, res.code, res.stderr)

	res = crispRun(t, nil, body, "verify", "--secret", "wrong", "--timestamp", ts, "--signature", sig)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "bad signature")
	require.Contains(t, res.stderr, "check the secret")

	res = crispRun(t, nil, body+"\n", "verify", "--secret", testSecret, "--timestamp", ts, "--signature", sig)
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "it matches the body without its final line break")

	old := strconv.FormatInt(time.Now().Add(-3*time.Hour).UnixMilli(), 10)
	res = crispRun(t, nil, body, "verify", "--secret", testSecret, "--timestamp", old, "--signature", webhook.Sign(testSecret, old, []byte(body)))
	require.Equal(t, exitFailure, res.code)
	require.Contains(t, res.stderr, "stale timestamp: the signature matches")
	require.Contains(t, res.stderr, "more than the tolerance of 5m0s")
	res = crispRun(t, nil, body, "verify", "--secret", testSecret, "--timestamp", old, "--signature", webhook.Sign(testSecret, old, []byte(body)), "--tolerance", "4h")
	require.Equal(t, 0, res.code, res.stderr)

	res = crispRun(t, nil, body, "verify", "--secret", testSecret, "--timestamp", ts)
	require.Equal(t, exitUsage, res.code)
	require.Contains(t, res.stderr, "--signature")
}
