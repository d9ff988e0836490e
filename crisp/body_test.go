package crisp

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// whitespaceServer answers 200 with up to total bytes of whitespace
// (written in chunks, as a stream) around an empty list: before it when
// lead, after it otherwise. It counts what it wrote.
func whitespaceServer(t *testing.T, total int64, lead bool, written *atomic.Int64) *loopback {
	const value = `{"error":false,"reason":"listed","data":[]}`
	chunk := bytes.Repeat([]byte(" "), 32<<10)
	return startLoopback(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		if !lead {
			_, _ = io.WriteString(w, value)
		}
		for written.Load() < total {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
		if lead {
			_, _ = io.WriteString(w, value)
		}
	}))
}

// TestSuccessBodyIsCapped: a 2xx answer longer than WithMaxResponseSize
// (whitespace before or after the value, 8 MiB of it here) fails at once
// with ErrInvalidResponse, without reading more than the cap plus one
// byte, without retrying, and with the body closed.
func TestSuccessBodyIsCapped(t *testing.T) {
	const limit = 64 << 10
	for _, lead := range []bool{true, false} {
		t.Run("whitespace first="+strconv.FormatBool(lead), func(t *testing.T) {
			var written atomic.Int64
			lb := whitespaceServer(t, 8<<20, lead, &written)
			tr := defaultTransport.Clone()
			t.Cleanup(tr.CloseIdleConnections)
			ct := &countingTransport{rt: tr}
			sleep, waits := noSleep()
			c := lb.clientVia(t, &http.Client{Transport: ct}, sleep, WithMaxResponseSize(limit), WithTimeout(20*time.Second))
			got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
			require.Nil(t, got)
			e := requireError(t, err)
			require.ErrorIs(t, err, ErrInvalidResponse)
			require.Equal(t, 200, e.StatusCode)
			var tl *tooLargeError
			require.ErrorAs(t, err, &tl)
			require.Contains(t, e.Error(), "answer longer than 65536 bytes")
			require.Equal(t, 1, ct.check(t, limit+1), "one attempt, capped and closed")
			require.Empty(t, waits(), "not retried")
			require.Less(t, written.Load(), int64(8<<20), "the rest of the body was not waited for")
		})
	}
}

// TestSuccessBodyAnnouncedTooLong: a Content-Length above the cap fails
// before any byte of the body is read.
func TestSuccessBodyAnnouncedTooLong(t *testing.T) {
	body := `{"error":false,"reason":"listed","data":[]}` + string(bytes.Repeat([]byte(" "), 1000))
	lb := startLoopback(t, &steps{list: []step{jsonStep(200, body)}})
	tr := defaultTransport.Clone()
	t.Cleanup(tr.CloseIdleConnections)
	ct := &countingTransport{rt: tr}
	c := lb.clientVia(t, &http.Client{Transport: ct}, WithMaxResponseSize(int64(len(body)-1)))
	_, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.ErrorIs(t, err, ErrInvalidResponse)
	require.Equal(t, 1, ct.check(t, 0))

	// At the cap exactly, the answer is accepted.
	c = lb.clientVia(t, &http.Client{Transport: ct}, WithMaxResponseSize(int64(len(body))))
	got, err := c.Website.ListConversations(t.Context(), wid, 1, nil)
	require.NoError(t, err)
	require.NotNil(t, got)
}

// TestMaxResponseSizeOption: the default is DefaultMaxResponseSize, and a
// cap must be positive.
func TestMaxResponseSizeOption(t *testing.T) {
	c, err := New(WithToken(TierPlugin, "id", "key"))
	require.NoError(t, err)
	require.EqualValues(t, DefaultMaxResponseSize, c.doer.maxResponse)
	for _, n := range []int64{0, -1} {
		_, err := New(WithToken(TierPlugin, "id", "key"), WithMaxResponseSize(n))
		require.Error(t, err)
	}
}

// TestBufferedBodyAfterClose: a closed buffered body reads as empty and
// never shows a buffer given back to the pool.
func TestBufferedBodyAfterClose(t *testing.T) {
	buf, slot, err := readAll(bytes.NewReader([]byte("hello")), 5, 10)
	require.NoError(t, err)
	b := &bufferedBody{buf: buf, slot: slot}
	p := make([]byte, 2)
	n, err := b.Read(p)
	require.Equal(t, 2, n)
	require.NoError(t, err)
	require.NoError(t, b.Close())
	n, err = b.Read(p)
	require.Zero(t, n)
	require.True(t, errors.Is(err, io.EOF))
	require.NoError(t, b.Close(), "a second Close is harmless")
}
