package nodetest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// Process is a Node script a test runs: it reads commands on Stdin and
// writes one JSON object per line on its standard output, which Lines
// delivers (numbers as json.Number). Lines is closed when the script's
// output ends.
type Process struct {
	Stdin  io.WriteCloser
	Lines  <-chan map[string]any
	Stderr *Buffer
}

// Start runs node on testdata/<script> with args and the extra
// environment variables env ("NAME=value"), and stops it when the test
// ends: it closes Stdin (the scripts exit then), waits up to 5 seconds,
// then kills it. When the test failed, the script's standard error is
// logged.
func Start(t testing.TB, node, script string, args, env []string) *Process {
	t.Helper()
	cmd := exec.Command(node, append([]string{filepath.Join("testdata", script)}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &Process{Stdin: stdin, Stderr: &Buffer{}}
	cmd.Stderr = p.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan map[string]any, 1000)
	p.Lines = lines
	var reader sync.WaitGroup
	reader.Go(func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			var m map[string]any
			dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
			dec.UseNumber()
			if dec.Decode(&m) == nil {
				lines <- m
			}
		}
	})
	t.Cleanup(func() {
		_ = stdin.Close()
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			_ = cmd.Process.Kill()
			<-done
		}
		reader.Wait()
		if t.Failed() && p.Stderr.String() != "" {
			t.Logf("%s stderr:\n%s", script, p.Stderr.String())
		}
	})
	return p
}
