package sio

import (
	"bytes"
	"encoding/json"
	"io"
	"sync"

	"github.com/go-json-experiment/json/jsontext"
)

// splitArray returns the elements of the JSON array data (slices of it,
// whitespace trimmed) and true, or false when data is not exactly one
// valid JSON array (surrounding whitespace aside). It accepts what
// json.Valid accepts: duplicate object names and invalid UTF-8 in strings
// included. One pass over data, with the decoder of
// github.com/go-json-experiment/json (which the client's codec already
// links), from a pool.
func splitArray(data []byte) ([]json.RawMessage, bool) {
	s := splitters.Get().(*splitter)
	defer splitters.Put(s)
	s.buf = *bytes.NewBuffer(data)
	s.dec.Reset(&s.buf, jsontext.AllowDuplicateNames(true), jsontext.AllowInvalidUTF8(true))
	defer s.dec.Reset(&s.empty) // the pool keeps no reference to data
	if tok, err := s.dec.ReadToken(); err != nil || tok.Kind() != '[' {
		return nil, false
	}
	elems := make([]json.RawMessage, 0, 2)
	for s.dec.PeekKind() != ']' {
		v, err := s.dec.ReadValue()
		if err != nil {
			return nil, false
		}
		end := int(s.dec.InputOffset())
		elems = append(elems, json.RawMessage(data[end-len(v):end:end]))
	}
	if _, err := s.dec.ReadToken(); err != nil { // the ']'
		return nil, false
	}
	if _, err := s.dec.ReadToken(); err != io.EOF {
		return nil, false
	}
	return elems, true
}

// splitter is a decoder of splitArray with its input.
type splitter struct {
	dec   jsontext.Decoder
	buf   bytes.Buffer
	empty bytes.Buffer
}

var splitters = sync.Pool{New: func() any { return new(splitter) }}

// nameCache interns the event names of incoming packets, so that a name
// seen before costs no allocation. It holds at most maxNames names (Crisp
// sends about a hundred); others are allocated each time.
type nameCache struct {
	mu sync.RWMutex
	m  map[string]string
}

const maxNames = 512

var names nameCache

// intern returns b as a string, the same string for the same bytes.
func (c *nameCache) intern(b []byte) string {
	c.mu.RLock()
	s, ok := c.m[string(b)]
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = string(b)
	c.mu.Lock()
	if c.m == nil {
		c.m = make(map[string]string)
	}
	if len(c.m) < maxNames {
		c.m[s] = s
	}
	c.mu.Unlock()
	return s
}
