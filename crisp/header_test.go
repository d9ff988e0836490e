package crisp

import (
	"testing"

	"golang.org/x/net/http/httpguts"
)

// TestHeaderChecksAsHTTPGuts: the header name and value checks of WithHeader
// and WithUserAgent accept exactly what golang.org/x/net/http/httpguts
// accepts, for every byte alone and inside a longer text.
func TestHeaderChecksAsHTTPGuts(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, s := range []string{string([]byte{byte(c)}), "X-" + string([]byte{byte(c)}) + "a"} {
			if got, want := validHeaderName(s), httpguts.ValidHeaderFieldName(s); got != want {
				t.Errorf("validHeaderName(%q) = %v, httpguts says %v", s, got, want)
			}
			if got, want := validHeaderValue(s), httpguts.ValidHeaderFieldValue(s); got != want {
				t.Errorf("validHeaderValue(%q) = %v, httpguts says %v", s, got, want)
			}
		}
	}
	if validHeaderName("") || !validHeaderValue("") {
		t.Error("an empty name is not valid; an empty value is")
	}
}
