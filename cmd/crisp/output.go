package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// writeJSON writes one JSON value and a newline: indented when pretty,
// compact otherwise. Numbers are written as they came (integers above
// 2^53 keep their value).
func writeJSON(w io.Writer, raw json.RawMessage, pretty bool) error {
	var buf bytes.Buffer
	var err error
	if pretty {
		err = json.Indent(&buf, raw, "", "  ")
	} else {
		err = json.Compact(&buf, raw)
	}
	if err != nil {
		return fmt.Errorf("the answer is not JSON: %w", err)
	}
	buf.WriteByte('\n')
	_, err = w.Write(buf.Bytes())
	return err
}

// progress writes a progress line that rewrites itself (on a terminal).
type progress struct {
	w       io.Writer
	enabled bool
	shown   bool
}

// update replaces the progress line with text.
func (p *progress) update(format string, args ...any) {
	if !p.enabled {
		return
	}
	p.shown = true
	_, _ = fmt.Fprintf(p.w, "\r\x1b[K"+format, args...)
}

// done erases the progress line.
func (p *progress) done() {
	if p.shown {
		_, _ = io.WriteString(p.w, "\r\x1b[K")
		p.shown = false
	}
}
