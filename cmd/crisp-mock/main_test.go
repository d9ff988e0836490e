package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// start runs crisp-mock on a free loopback port and returns its base URL.
func start(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), pw)
		_ = pw.CloseWithError(io.EOF)
		done <- err
	}()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	m := regexp.MustCompile(`serving (http://127\.0\.0\.1:\d+/v1/)`).FindStringSubmatch(line)
	require.NotNil(t, m, line)
	return m[1]
}

func call(t *testing.T, base, method, path, body string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, base+path, r)
	require.NoError(t, err)
	req.SetBasicAuth(crisptest.Identifier, crisptest.Key)
	req.Header.Set("X-Crisp-Tier", "plugin")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// TestIntegersStayExact sends a fingerprint above 2^53 to crisp-mock and
// reads it back unchanged.
func TestIntegersStayExact(t *testing.T) {
	base := start(t)
	conv := "website/" + crisptest.WebsiteID + "/conversation"
	status, out := call(t, base, "POST", conv, "")
	require.Equal(t, 200, status, out)
	sid := regexp.MustCompile(`session_[0-9a-f-]+`).FindString(out)
	require.NotEmpty(t, sid, out)

	status, out = call(t, base, "POST", conv+"/"+sid+"/message", `{"type":"text","from":"operator","origin":"chat","content":"hi","fingerprint":9007199254740993}`)
	require.Equal(t, 200, status, out)
	require.Contains(t, out, `"fingerprint":9007199254740993`)
	status, out = call(t, base, "GET", conv+"/"+sid+"/message/9007199254740993", "")
	require.Equal(t, 200, status, out)
	require.Contains(t, out, `"fingerprint":9007199254740993`)
}

func TestCredentialsFlag(t *testing.T) {
	base := start(t, "-identifier", "other", "-key", "secret")
	status, _ := call(t, base, "GET", "website/"+crisptest.WebsiteID+"/conversations/1", "")
	require.Equal(t, 401, status, "the default token is refused")
}

func TestBadFlag(t *testing.T) {
	err := run(t.Context(), []string{"-nope"}, io.Discard)
	require.Error(t, err)
}
