package sio

import "sync"

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
