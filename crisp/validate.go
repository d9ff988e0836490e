package crisp

// checkPath rejects path parameters that would change the route: empty
// values and the dot segments "." and "..", which servers and proxies
// resolve (the generated client sends them as they are, and escapes every
// other character). pairs holds parameter
// names and values, alternately.
func checkPath(op string, pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		switch v := pairs[i+1]; v {
		case "":
			return invalidArg(op, "%s must not be empty", pairs[i])
		case ".", "..":
			return invalidArg(op, "%s must not be %q", pairs[i], v)
		}
	}
	return nil
}

// checkPage rejects page numbers below 1 (Crisp pages are 1-based).
func checkPage(op string, page int) error {
	if page < 1 {
		return invalidArg(op, "page_number must be 1 or more, got %d", page)
	}
	return nil
}

// errNilBody is the error of a call given a nil request body.
func errNilBody(op string) error {
	return invalidArg(op, "request body must not be nil")
}
