package nodetest

import (
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
