// Command revisiondrill performs a small Crisp API revision on a temporary
// copy of the repository, the way docs/revising.md describes it, and fails
// if any step needs a hand edit beyond openapi.yaml and the checklist row
// Crisp publishes with a new route:
//
//  1. a new operation (GET .../conversation/{session_id}/summary),
//  2. a new optional answer field (ConversationMeta.sentiment, an enum),
//  3. a renamed query parameter (listCampaigns filter_status_not_configured
//     becomes filter_status_unconfigured),
//  4. a removed enum value in the middle of an enum (BucketURLNamespace
//     campaign).
//
// Then: make generate, build, vet, every test, and checks that the new
// operation is a typed facade method, documented in docs/operations.md,
// covered by the contract test and served by crisptest; that the new field
// is a value type and the remaining enum constants keep their values; that
// make diff-spec reports the rename and the removal as breaking and make
// apidiff reports the renamed options field.
//
// Run it with `make revision-drill` (from the module root:
// go -C tools run ./revisiondrill -root ..).
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
)

func main() {
	root := flag.String("root", ".", "the module root")
	keep := flag.Bool("keep", false, "keep the temporary copy")
	flag.Parse()
	if err := run(*root, *keep); err != nil {
		fmt.Fprintln(os.Stderr, "revision drill FAILED:", err)
		os.Exit(1)
	}
	fmt.Println("revision drill passed: no hand edit was needed")
}

func run(root string, keep bool) error {
	root, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "crisp-revision-drill-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Println("copy kept in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	step("copy the committed tree")
	if err := sh(root, "sh", "-c", "git archive HEAD | tar -x -C "+tmp); err != nil {
		return err
	}
	// node_modules is not copied: the drill needs no Node tool.
	for _, args := range [][]string{
		{"git", "init", "-q"}, {"git", "add", "-A"},
		{"git", "-c", "user.name=drill", "-c", "user.email=drill@localhost", "commit", "-qm", "base"},
	} {
		if err := sh(tmp, args[0], args[1:]...); err != nil {
			return err
		}
	}

	step("revise openapi.yaml (and the checklist row of the new route)")
	if err := revise(tmp); err != nil {
		return err
	}

	step("make generate")
	if err := sh(tmp, "make", "generate"); err != nil {
		return err
	}
	step("generation is stable")
	if err := sh(tmp, "sh", "-c", "git add -A && make generate >/dev/null && git diff --exit-code"); err != nil {
		return fmt.Errorf("a second make generate changed files: %w", err)
	}
	step("build, vet and every test")
	for _, args := range [][]string{
		{"go", "build", "./..."},
		{"go", "vet", "./..."},
		// The official clients' recorded requests still send the old
		// name of the renamed parameter: checked apart, below.
		{"go", "test", "-short", "-count=1", "-skip", "TestOfficialClientRequestsValidate", "./..."},
	} {
		if err := sh(tmp, args[0], args[1:]...); err != nil {
			return err
		}
	}
	step("the official clients' requests that use the renamed parameter are reported, the others validate")
	out, err := output(tmp, "go", "test", "-count=1", "-run", "TestOfficialClientRequestsValidate", "./test/")
	if err == nil {
		return fmt.Errorf("the official clients' requests with the old parameter name still validate")
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "--- FAIL: TestOfficialClientRequestsValidate/") && !strings.Contains(line, "Campaigns") {
			return fmt.Errorf("an official request unrelated to the rename fails: %s\n%s", line, out)
		}
	}
	if !strings.Contains(out, "filter_status_not_configured") {
		return fmt.Errorf("the failure does not name the renamed parameter:\n%s", out)
	}

	step("the new operation is a typed, documented, tested, served method")
	if err := contains(tmp, "crisp/website_conversation.gen.go",
		"func (s *WebsiteService) GetConversationSummary(ctx context.Context, websiteID string, sessionID string) (*api.ConversationSummary, error)"); err != nil {
		return err
	}
	if err := contains(tmp, "docs/operations.md", "| `getConversationSummary` | `GET /website/{website_id}/conversation/{session_id}/summary` | `Website.GetConversationSummary` |"); err != nil {
		return err
	}
	out, err = output(tmp, "go", "test", "-count=1", "-run", "TestContractEveryGeneratedMethod/getConversationSummary$", "-v", "./test/")
	if err != nil || !strings.Contains(out, "--- PASS: TestContractEveryGeneratedMethod/getConversationSummary") {
		return fmt.Errorf("the contract test does not cover getConversationSummary: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(tmp, "test", "drill_served_test.go"), []byte(servedTest), 0o644); err != nil {
		return err
	}
	if err := sh(tmp, "go", "test", "-count=1", "-run", "TestDrillServed", "./test/"); err != nil {
		return fmt.Errorf("crisptest does not serve the new operation: %w", err)
	}

	step("the new answer field is a value, the enum constants keep their values")
	if err := matches(tmp, "api/api.gen.go", `(?m)^\s+Sentiment ConversationMetaSentiment `+"`"); err != nil {
		return err
	}
	for _, want := range []string{`BucketURLNamespaceHelpdesk\s+BucketURLNamespace = "helpdesk"`, `BucketURLNamespaceStatus\s+BucketURLNamespace = "status"`} {
		if err := matches(tmp, "api/api.gen.go", want); err != nil {
			return err
		}
	}
	if err := contains(tmp, "api/api.gen.go", `BucketURLNamespaceCampaign`); err == nil {
		return fmt.Errorf("BucketURLNamespaceCampaign is still generated")
	}

	step("make diff-spec reports the rename and the removal as breaking")
	out, err = output(tmp, "make", "diff-spec", "BASE=HEAD")
	if err == nil {
		return fmt.Errorf("make diff-spec exited 0 on breaking changes:\n%s", out)
	}
	for _, want := range []string{"filter_status_not_configured", "campaign"} {
		if !strings.Contains(out, want) {
			return fmt.Errorf("make diff-spec does not name %q:\n%s", want, out)
		}
	}
	if !strings.Contains(out, "error") {
		return fmt.Errorf("make diff-spec reports no error-level change:\n%s", out)
	}

	step("make apidiff reports the renamed options field")
	out, err = output(tmp, "make", "apidiff", "BASE=HEAD")
	if err == nil || !strings.Contains(out, "FilterStatusNotConfigured") {
		return fmt.Errorf("make apidiff did not report the renamed field (exit %v):\n%s", err, out)
	}
	return nil
}

// revise applies the revision to openapi.yaml and the checklist, as text.
func revise(dir string) error {
	path := filepath.Join(dir, "openapi.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	spec := string(b)
	edits := []struct{ what, old, new string }{
		{"a new operation", "  /website/{website_id}/conversation/{session_id}/state:\n", newPath + "  /website/{website_id}/conversation/{session_id}/state:\n"},
		{"new schemas", "    ConversationMeta:\n", newSchemas + "    ConversationMeta:\n"},
		{"a new optional field", "    ConversationMeta:\n      type: object\n      description: The metas of a conversation, what is known about its visitor.\n      properties:\n",
			"    ConversationMeta:\n      type: object\n      description: The metas of a conversation, what is known about its visitor.\n      properties:\n" + sentiment},
		{"a renamed query parameter", "      - name: filter_status_not_configured\n", "      - name: filter_status_unconfigured\n"},
		{"a removed enum value", "      - website\n      - campaign\n      - helpdesk\n", "      - website\n      - helpdesk\n"},
	}
	for _, e := range edits {
		if strings.Count(spec, e.old) != 1 {
			return fmt.Errorf("%s: the anchor is not in openapi.yaml exactly once (update the drill to the spec)", e.what)
		}
		spec = strings.Replace(spec, e.old, e.new, 1)
	}
	if err := os.WriteFile(path, []byte(spec), 0o644); err != nil {
		return err
	}
	f, err := os.OpenFile(filepath.Join(dir, "spec", "checklist.tsv"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString("Website Conversation\tGET\t/website/{website_id}/conversation/{session_id}/summary\tGet Conversation Summary\tgetConversationSummary\tGetConversationSummary\tuser,plugin\t\t\t\tcurrent\tdrill\n")
	return err
}

const newPath = `  /website/{website_id}/conversation/{session_id}/summary:
    parameters:
    - $ref: '#/components/parameters/WebsiteID'
    - $ref: '#/components/parameters/SessionID'
    get:
      operationId: getConversationSummary
      summary: Get Conversation Summary
      description: Gets the summary Crisp wrote of a conversation.
      tags:
      - Website Conversation
      x-crisp-tiers:
      - user
      - plugin
      responses:
        '200':
          description: The summary of the conversation.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/ConversationSummaryEnvelope'
              example:
                error: false
                reason: resolved
                data:
                  summary: The visitor asked for an invoice; it was sent.
                  updated_at: 1714485600000
        '404':
          $ref: '#/components/responses/NotFound'
        default:
          $ref: '#/components/responses/Error'
`

const newSchemas = `    ConversationSummary:
      type: object
      description: The summary Crisp wrote of a conversation.
      properties:
        summary:
          type: string
          description: The summary text.
        updated_at:
          type: integer
          format: int64
          description: When the summary was last written, in milliseconds since the epoch.
    ConversationSummaryEnvelope:
      description: A response envelope holding the summary of a conversation.
      allOf:
      - $ref: '#/components/schemas/Envelope'
      - type: object
        required:
        - data
        x-crisp-source: 'docs.crisp.chat REST API Reference (V1): every Response Data has error, reason and data'
        properties:
          data:
            $ref: '#/components/schemas/ConversationSummary'
`

const sentiment = `        sentiment:
          type: string
          description: The mood of the visitor, as Crisp reads it. Crisp may send other values.
          x-extensible-enum:
          - positive
          - neutral
          - negative
`

const servedTest = `package test

import (
	"testing"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

func TestDrillServed(t *testing.T) {
	srv := crisptest.Start(t)
	got, err := srv.Client(t).Website.GetConversationSummary(t.Context(), "8c842203-7ed8-4e29-a608-7cf78a7d2fcc", "session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881")
	require.NoError(t, err)
	require.Equal(t, "The visitor asked for an invoice; it was sent.", got.Summary)
}
`

func step(s string) { fmt.Println("== " + s) }

// env is the environment of the drill's commands: the copy has no
// tools/node/node_modules, so the tests that need Node skip there (the
// main test run has them) instead of failing under CRISP_REQUIRE_NODE=1.
func env() []string {
	var out []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CRISP_REQUIRE_NODE=") {
			out = append(out, kv)
		}
	}
	return out
}

func sh(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env()
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err)
	}
	return nil
}

func output(dir, name string, args ...string) (string, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env()
	var buf bytes.Buffer
	cmd.Stdout, cmd.Stderr = &buf, &buf
	err := cmd.Run()
	return buf.String(), err
}

func contains(dir, file, want string) error {
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return err
	}
	if !strings.Contains(string(b), want) {
		return fmt.Errorf("%s does not contain %q", file, want)
	}
	return nil
}

func matches(dir, file, pattern string) error {
	b, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		return err
	}
	if !regexp.MustCompile(pattern).Match(b) {
		return fmt.Errorf("%s does not match %s", file, pattern)
	}
	return nil
}
