package main

// The tests run the tool as a user does: TestMain builds the crisp binary
// and the tests run it against the fake servers of crisptest and
// crisptest/rtmtest on loopback.
//
// The binary is built without -race, even when the tests run with it: a
// race-enabled build spends seconds loading openapi.yaml on each of the
// hundred commands the tests run. Set CRISP_CLI_RACE=1 to build it with
// -race. The tool's concurrency is mostly that of packages rtm, sio,
// crisptest and rtmtest, race-tested in their own packages.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
)

// crispBin is the path of the built tool.
var crispBin string

// commandTimeout bounds a command the tests run to completion, and
// waitTimeout any wait for a running command's output: generous bounds,
// for a loaded machine, never timing assertions.
const (
	commandTimeout = 2 * time.Minute
	waitTimeout    = time.Minute
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "crisp-cli-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	crispBin = filepath.Join(dir, "crisp")
	args := []string{"build", "-o", crispBin}
	if os.Getenv("CRISP_CLI_RACE") == "1" {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, ".")...)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build the crisp command:", err)
		_ = os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// result is what a finished command printed and its exit code.
type result struct {
	stdout, stderr string
	code           int
}

// cliEnv returns the environment of the commands: the test's, without
// any CRISP_ variable, plus env.
func cliEnv(env []string) []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CRISP_") {
			out = append(out, kv)
		}
	}
	return append(out, env...)
}

// crispRun runs the tool to completion with args, stdin and extra
// environment variables.
func crispRun(t *testing.T, env []string, stdin string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, crispBin, args...)
	cmd.Env = cliEnv(env)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("crisp %s: %v", strings.Join(args, " "), err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: code}
}

// restArgs are the flags that point a command at a crisptest server.
func restArgs(srv *crisptest.Server) []string {
	return []string{"--base-url", srv.URL(), "--identifier", crisptest.Identifier, "--key", crisptest.Key}
}

// syncBuffer is an output of a running command that tests can wait on.
type syncBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newSyncBuffer() *syncBuffer { return &syncBuffer{changed: make(chan struct{})} }

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	close(b.changed)
	b.changed = make(chan struct{})
	return n, err
}

// String returns what was written so far.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor blocks until the output holds substr and returns it; it fails
// the test after waitTimeout.
func (b *syncBuffer) waitFor(t *testing.T, substr string) string {
	t.Helper()
	deadline := time.NewTimer(waitTimeout)
	defer deadline.Stop()
	for {
		b.mu.Lock()
		s, changed := b.buf.String(), b.changed
		b.mu.Unlock()
		if strings.Contains(s, substr) {
			return s
		}
		select {
		case <-changed:
		case <-deadline.C:
			t.Fatalf("no %q in the output after %s:\n%s", substr, waitTimeout, s)
		}
	}
}

// running is a command started in the background.
type running struct {
	cmd            *exec.Cmd
	stdout, stderr *syncBuffer
	done           chan struct{}
	err            error
}

// crispStart starts the tool with args; it is killed when the test ends
// if it is still running.
func crispStart(t *testing.T, env []string, args ...string) *running {
	t.Helper()
	cmd := exec.Command(crispBin, args...)
	cmd.Env = cliEnv(env)
	r := &running{cmd: cmd, stdout: newSyncBuffer(), stderr: newSyncBuffer(), done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = r.stdout, r.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		r.err = cmd.Wait()
		close(r.done)
	}()
	t.Cleanup(func() {
		select {
		case <-r.done:
		default:
			_ = cmd.Process.Kill()
			<-r.done
		}
	})
	return r
}

// interrupt sends SIGINT (Ctrl-C) and waits, within a generous bound, for
// the command to end; it returns its exit code.
func (r *running) interrupt(t *testing.T) int {
	t.Helper()
	if err := r.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case <-r.done:
	case <-time.After(waitTimeout):
		t.Fatalf("the command did not stop after SIGINT\nstdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	var exit *exec.ExitError
	if errors.As(r.err, &exit) {
		return exit.ExitCode()
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	return 0
}

// readAll reads a request body in a handler of a test.
func readAll(t *testing.T, r io.Reader) []byte {
	t.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Error(err)
	}
	return b
}
