package sio

import (
	"strconv"
	"strings"
	"testing"
)

// TestNameCacheIsBounded: names past maxNames are still returned, but not
// kept.
func TestNameCacheIsBounded(t *testing.T) {
	var c nameCache
	for i := range maxNames + 10 {
		s := c.intern([]byte("name-" + strconv.Itoa(i)))
		if !strings.HasPrefix(s, "name-") {
			t.Fatalf("intern = %q", s)
		}
	}
	if len(c.m) != maxNames {
		t.Errorf("the cache holds %d names, want %d", len(c.m), maxNames)
	}
}
