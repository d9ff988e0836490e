// Package ogencheck checks openapi.yaml with ogen (pinned in tools/go.mod),
// a strict Go generator: with its default settings it generates a client
// and a server for every operation, and skips none (make ogen-check).
package ogencheck

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// specPath is openapi.yaml, from this package's folder.
const specPath = "../../openapi.yaml"

// TestOgenGeneratesEveryOperation runs ogen with its default settings (no
// configuration file) into a temporary folder and fails on a failed run,
// on any "skip" in its log, and on an operation of openapi.yaml that the
// generated client or server lacks.
func TestOgenGeneratesEveryOperation(t *testing.T) {
	want := operationIDs(t)
	out := t.TempDir()
	cmd := exec.Command("go", "tool", "ogen", "-target", out, "-package", "api", "-clean", specPath)
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Run(); err != nil {
		t.Fatalf("ogen failed: %v\n%s", err, log.String())
	}
	for _, line := range strings.Split(log.String(), "\n") {
		if strings.Contains(strings.ToLower(line), "skip") {
			t.Errorf("ogen skipped something: %s", line)
		}
	}
	// The client names each operation's operationId in its span
	// attributes, and the router sets it for each route it serves.
	client := generated(t, out, "oas_client_gen.go", `otelogen\.OperationID\("([^"]+)"\)`)
	router := generated(t, out, "oas_router_gen.go", `r\.operationID = "([^"]+)"`)
	for _, id := range want {
		if !client[id] {
			t.Errorf("the ogen client has no %s", id)
		}
		if !router[id] {
			t.Errorf("the ogen server routes no %s", id)
		}
	}
	if len(client) != len(want) {
		t.Errorf("the ogen client has %d operations, openapi.yaml %d", len(client), len(want))
	}
}

// operationIDs returns the operationIds of openapi.yaml.
func operationIDs(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(specPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]any `yaml:"paths"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, item := range doc.Paths {
		for _, v := range item {
			if op, ok := v.(map[string]any); ok {
				if id, ok := op["operationId"].(string); ok {
					ids = append(ids, id)
				}
			}
		}
	}
	if len(ids) == 0 {
		t.Fatal("openapi.yaml has no operations")
	}
	slices.Sort(ids)
	return ids
}

// generated returns the first submatches of pattern in file of dir.
func generated(t *testing.T, dir, file, pattern string) map[string]bool {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for _, m := range regexp.MustCompile(pattern).FindAllSubmatch(b, -1) {
		found[string(m[1])] = true
	}
	return found
}
