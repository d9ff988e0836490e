package crisp

import (
	"fmt"
	"io"
	"sync"
)

// DefaultMaxResponseSize is the default cap on the body of a success
// answer (32 MiB), far above any answer Crisp sends; WithMaxResponseSize
// changes it. A longer body fails the call with ErrInvalidResponse as soon
// as the cap is passed.
const DefaultMaxResponseSize = 32 << 20

// tooLargeError is the cause of the error of a success answer longer than
// the cap.
type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("answer longer than %d bytes (see WithMaxResponseSize)", e.limit)
}

// maxPooled is the largest buffer kept for reuse.
const maxPooled = 1 << 20

// bufPool holds the buffers answers are read into, so that a call does not
// allocate (and grow) one of its own.
var bufPool = sync.Pool{New: func() any {
	b := make([]byte, 0, 16<<10)
	return &b
}}

// readAll reads body to its end into a pooled buffer and returns it with
// the pool slot to give back (see release). size is the announced length
// (-1 when unknown). A body longer than limit bytes fails with a
// *tooLargeError as soon as the limit is passed (at once when the
// announced length is above it); a read error is returned as is. On error
// the buffer is already given back.
func readAll(body io.Reader, size, limit int64) ([]byte, *[]byte, error) {
	if size > limit {
		return nil, nil, &tooLargeError{limit}
	}
	slot := bufPool.Get().(*[]byte)
	buf := (*slot)[:0]
	if size > 0 && int64(cap(buf)) <= size {
		// One byte more, for a body that reports its end in a read of
		// its own (net/http reports it with the last bytes).
		buf = make([]byte, 0, size+1)
	}
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		// Never read more than one byte past the limit.
		end := cap(buf)
		if left := limit + 1 - int64(len(buf)); int64(end-len(buf)) > left {
			end = len(buf) + int(left)
		}
		n, err := body.Read(buf[len(buf):end])
		buf = buf[:len(buf)+n]
		switch {
		case int64(len(buf)) > limit:
			release(buf, slot)
			return nil, nil, &tooLargeError{limit}
		case err == io.EOF:
			return buf, slot, nil
		case err != nil:
			release(buf, slot)
			return nil, nil, err
		}
	}
}

// release gives a buffer of readAll back to the pool, unless it grew too
// large to keep. buf must not be used afterwards.
func release(buf []byte, slot *[]byte) {
	if slot != nil && cap(buf) <= maxPooled {
		*slot = buf[:0]
		bufPool.Put(slot)
	}
}

// bufferedBody is a success body the doer has read to its end: reading it
// sends nothing over the network, and closing it gives its buffer back to
// the pool.
type bufferedBody struct {
	buf  []byte
	off  int
	slot *[]byte
}

func (b *bufferedBody) Read(p []byte) (int, error) {
	if b.off >= len(b.buf) {
		return 0, io.EOF
	}
	n := copy(p, b.buf[b.off:])
	b.off += n
	return n, nil
}

// Close gives the buffer back; the body reads as empty afterwards.
func (b *bufferedBody) Close() error {
	buf, slot := b.buf, b.slot
	b.buf, b.slot, b.off = nil, nil, 0
	release(buf, slot)
	return nil
}

// failedBody is a body the doer could not read: every read fails with err.
type failedBody struct{ err error }

func (b failedBody) Read([]byte) (int, error) { return 0, b.err }

func (failedBody) Close() error { return nil }
