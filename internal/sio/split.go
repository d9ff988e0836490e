package sio

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// splitArray finds the elements of the JSON array data (slices of it,
// whitespace trimmed): the first ones go to head, and all of them are
// returned in a new slice only when head cannot hold them; n is their
// count. ok is false when data is not exactly one valid JSON array
// (surrounding whitespace aside). It accepts what
// json.Valid accepts: duplicate object names and invalid UTF-8 in strings
// included. One pass over data, with the decoder of
// github.com/go-json-experiment/json (which the client's codec already
// links), from a pool.
func splitArray(data []byte, head *[2]json.RawMessage) (more []json.RawMessage, n int, ok bool) {
	s := splitters.Get().(*splitter)
	s.buf = *bytes.NewBuffer(data)
	s.dec.Reset(&s.buf, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	defer s.release()
	if tok, err := s.dec.ReadToken(); err != nil || tok.Kind() != '[' {
		return nil, 0, false
	}
	for s.dec.PeekKind() != ']' {
		v, err := s.dec.ReadValue()
		if err != nil {
			return nil, 0, false
		}
		end := int(s.dec.InputOffset())
		elem := json.RawMessage(data[end-len(v) : end : end])
		switch {
		case n < len(head):
			head[n] = elem
		case n == len(head):
			more = append(append(make([]json.RawMessage, 0, 2*len(head)), head[:]...), elem)
		default:
			more = append(more, elem)
		}
		n++
	}
	if _, err := s.dec.ReadToken(); err != nil { // the ']'
		return nil, 0, false
	}
	if _, err := s.dec.ReadToken(); err != io.EOF {
		return nil, 0, false
	}
	return more, n, true
}

// splitter is a decoder of splitArray with its input.
type splitter struct {
	dec   jsontext.Decoder
	buf   bytes.Buffer
	empty bytes.Buffer
}

var splitters = sync.Pool{New: func() any { return new(splitter) }}

// release puts s back in the pool without a reference to the data it read.
func (s *splitter) release() {
	s.dec.Reset(&s.empty)
	s.buf = bytes.Buffer{}
	splitters.Put(s)
}
