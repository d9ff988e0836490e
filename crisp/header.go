package crisp

// validHeaderName reports whether name is an HTTP header field name: a
// token of RFC 9110, section 5.1 (what golang.org/x/net/http/httpguts
// checks; checked here so that package crisp does not link x/net/idna and
// the x/text tables behind it, about 0.4 MB, for two loops).
func validHeaderName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		if !tokenByte(name[i]) {
			return false
		}
	}
	return true
}

// tokenByte reports whether c is a tchar of RFC 9110, section 5.6.2.
func tokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	switch c {
	case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
		return true
	}
	return false
}

// validHeaderValue reports whether v can be sent as a header field value:
// no control character other than horizontal tab (RFC 9110, section 5.5;
// CR and LF would split the header). Bytes from 0x80 up are obs-text and
// allowed, as net/http allows them.
func validHeaderValue(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if (c < ' ' && c != '\t') || c == 0x7f {
			return false
		}
	}
	return true
}
