package main

import (
	"errors"
	"fmt"
)

// Exit codes.
const (
	exitOK = 0
	// exitFailure: the command ran and failed (an error answer of Crisp,
	// a network failure, a web hook that does not verify).
	exitFailure = 1
	// exitUsage: the command line is wrong (an unknown operation,
	// parameter or flag, a missing argument).
	exitUsage = 2
)

// usageError is a mistake in the command line: the process exits with
// exitUsage.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

// usageErrorf returns a usageError with a formatted message.
func usageErrorf(format string, args ...any) error {
	return &usageError{fmt.Errorf(format, args...)}
}

// exitCode returns the exit code for an error a command returned.
func exitCode(err error) int {
	var u *usageError
	if errors.As(err, &u) {
		return exitUsage
	}
	return exitFailure
}
