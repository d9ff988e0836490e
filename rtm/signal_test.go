package rtm_test

import (
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
)

// helperEnv makes the test binary the child of the signal tests: a
// program that runs an RTM client (connected to the endpoint of
// helperEndpointEnv) and handles no signal.
const (
	helperEnv         = "RTM_TEST_SIGNAL_CHILD"
	helperEndpointEnv = "RTM_TEST_SIGNAL_ENDPOINT"
)

// helperProcess runs the child when the test binary is started as one;
// it never returns then.
func helperProcess() bool {
	if os.Getenv(helperEnv) != "1" {
		return false
	}
	router := events.NewRouter()
	router.Handle("message:send", func(context.Context, *events.Event) error { return nil })
	c, err := rtm.New(nil, "plugin", crisptest.Identifier, crisptest.Key, router,
		rtm.WithEndpoint(os.Getenv(helperEndpointEnv)),
		rtm.WithOnConnect(func() { fmt.Println("connected") }))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	err = c.Run(context.Background())
	fmt.Fprintln(os.Stderr, "Run returned:", err)
	os.Exit(3)
	return true
}

// TestNoPackageHandlesSignals checks that no library package of the
// module imports os/signal: only a program may decide how its process
// reacts to signals.
func TestNoPackageHandlesSignals(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".")) {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); path != root && err == nil {
				return filepath.SkipDir // another module
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		if f.Name.Name == "main" {
			return nil
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "os/signal" {
				t.Errorf("%s: package %s imports os/signal", path, f.Name.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Errorf("checked only %d files under %s", checked, root)
	}
}
