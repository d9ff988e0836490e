// Package nodetest finds Node and the repository's pinned Node packages
// (tools/node/node_modules, installed by make npm) for the tests that run
// JavaScript: the official Crisp client, a real socket.io server, the
// AsyncAPI tools. It is for tests only.
package nodetest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// RequireEnv is the environment variable that turns a missing Node into a
// failure instead of a skip (CI sets it to 1).
const RequireEnv = "CRISP_REQUIRE_NODE"

// Require returns the node command and the absolute path of
// tools/node/node_modules, holding every package named. When one is
// missing it skips the test, saying why (purpose says what the test
// checks), or fails it when CRISP_REQUIRE_NODE=1.
func Require(t testing.TB, purpose string, packages ...string) (node, modules string) {
	t.Helper()
	unavailable := func(format string, args ...any) {
		t.Helper()
		msg := fmt.Sprintf(format, args...)
		if os.Getenv(RequireEnv) == "1" {
			t.Fatalf("%s (%s=1)", msg, RequireEnv)
		}
		t.Skipf("%s; set %s=1 to fail instead", msg, RequireEnv)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		unavailable("node is not installed: cannot %s", purpose)
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	modules = filepath.Join(root, "tools", "node", "node_modules")
	for _, p := range packages {
		if _, err := os.Stat(filepath.Join(modules, p, "package.json")); err != nil {
			unavailable("%s has no %s (run make npm): cannot %s", modules, p, purpose)
		}
	}
	return node, modules
}

// moduleRoot is the nearest folder above the working directory that holds
// go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("nodetest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Buffer is a bytes.Buffer safe for concurrent use: a child process's
// stderr, written by os/exec while the test reads it.
type Buffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *Buffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns what was written.
func (b *Buffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
