package nodetest

import (
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestModuleRoot(t *testing.T) {
	root, err := moduleRoot()
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"))
	require.FileExists(t, filepath.Join(root, "openapi.yaml"))
}

// recorder is a testing.TB that records how a test ends.
type recorder struct {
	testing.TB
	skipped, failed bool
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(string, ...any) {
	r.skipped = true
	panic(r)
}
func (r *recorder) Fatalf(string, ...any) {
	r.failed = true
	panic(r)
}
func (r *recorder) Fatal(...any) {
	r.failed = true
	panic(r)
}

func run(r *recorder, packages ...string) {
	defer func() { _ = recover() }()
	Require(r, "test nodetest", packages...)
}

// TestRequireSkipsOrFails: a missing package skips the test, or fails it
// with CRISP_REQUIRE_NODE=1.
func TestRequireSkipsOrFails(t *testing.T) {
	const missing = "no-such-package-of-crisp-go"
	t.Setenv(RequireEnv, "")
	r := &recorder{TB: t}
	run(r, missing)
	require.True(t, r.skipped)
	require.False(t, r.failed)

	t.Setenv(RequireEnv, "1")
	r = &recorder{TB: t}
	run(r, missing)
	require.True(t, r.failed)

	t.Setenv("PATH", "")
	r = &recorder{TB: t}
	run(r)
	require.True(t, r.failed, "no node on PATH")
}

func TestBufferIsSafeForConcurrentUse(t *testing.T) {
	var b Buffer
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 100 {
				_, _ = b.Write([]byte("x"))
				_ = b.String()
			}
		}()
	}
	wg.Wait()
	require.Len(t, b.String(), 800)
}

// TestStart runs a script with an argument and an environment variable,
// talks to it through Stdin and Lines (numbers stay json.Number, lines
// that are not JSON objects are skipped), and lets the test's cleanup stop
// it.
func TestStart(t *testing.T) {
	node, _ := Require(t, "test nodetest.Start")
	p := Start(t, node, "echo.js", []string{"the-arg"}, []string{"NODETEST_ENV=the-env"})
	ready := <-p.Lines
	require.Equal(t, "ready", ready["ev"])
	require.Equal(t, "the-arg", ready["arg"])
	require.Equal(t, "the-env", ready["env"])
	_, err := p.Stdin.Write([]byte(`{"n":12.5}` + "\n"))
	require.NoError(t, err)
	m := <-p.Lines
	require.Equal(t, true, m["echo"])
	require.Equal(t, json.Number("12.5"), m["n"])
	require.NoError(t, p.Stdin.Close())
	_, open := <-p.Lines
	require.False(t, open, "Lines is closed when the script exits")
}
