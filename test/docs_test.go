package test

// TestDocSnippetsCompile compiles every Go snippet of the documentation:
// the ```go blocks of README.md and the code blocks of the package doc
// comments listed in docPackages. A snippet that does not build fails the
// test with its file and line.
//
// How a snippet becomes a program:
//
//   - A snippet that starts with "package" is a complete file and is
//     compiled as it is.
//   - A snippet made of declarations (func, type, var, const) is put in a
//     file of its own.
//   - Any other snippet is a run of statements, put in the body of
//     func snippet() error (so it may `return err`). The variables it
//     declares at its top level are what the rest of the program would use:
//     the harness uses them after the snippet (`_ = v`), so a snippet may
//     show a result without printing it. Variables of inner blocks, and of
//     declaration snippets, must be used as in any Go code.
//
// Placeholders: a snippet may use, without declaring them, the names of
// docPlaceholders (ctx, client, websiteID, sessionID, identifier, key, id,
// hookSecret, router, err, t); the harness declares them at package level,
// so a snippet may also declare its own. Imports are added for the
// packages of docImports that a snippet names (crisp, events, context,
// fmt, ...), as the text around a snippet implies them.
//
// Elisions: a line holding only "..." stands for statements left out (it
// becomes a panic, so a function may end with it); "{ ... }" is a block
// left out; ", ..." before a closing bracket stands for more elements or
// arguments. Comments may of course say anything.

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crisp-go/crisp-go/internal/race"
)

// docPackages are the packages whose doc comment snippets must compile,
// relative to the module root.
var docPackages = []string{"crisp", "events", "webhook", "rtm", "crisptest", "crisptest/rtmtest", "api"}

// docImports are the packages a snippet may use without importing them.
var docImports = map[string]string{
	"api":       "github.com/crisp-go/crisp-go/api",
	"crisp":     "github.com/crisp-go/crisp-go/crisp",
	"crisptest": "github.com/crisp-go/crisp-go/crisptest",
	"events":    "github.com/crisp-go/crisp-go/events",
	"rtm":       "github.com/crisp-go/crisp-go/rtm",
	"rtmtest":   "github.com/crisp-go/crisp-go/crisptest/rtmtest",
	"webhook":   "github.com/crisp-go/crisp-go/webhook",
	"context":   "context",
	"errors":    "errors",
	"fmt":       "fmt",
	"http":      "net/http",
	"log":       "log",
	"os":        "os",
	"signal":    "os/signal",
	"syscall":   "syscall",
	"testing":   "testing",
	"time":      "time",
}

// docPlaceholders are the names a snippet may use without declaring them,
// with their types.
var docPlaceholders = map[string]string{
	"ctx":        "context.Context",
	"client":     "*crisp.Client",
	"websiteID":  "string",
	"sessionID":  "string",
	"identifier": "string",
	"key":        "string",
	"id":         "string",
	"hookSecret": "string",
	"router":     "*events.Router",
	"err":        "error",
	"t":          "*testing.T",
}

// docSnippet is one Go code block of the documentation.
type docSnippet struct {
	file string // relative to the module root
	line int    // of the first line of code
	code string
}

func (s docSnippet) String() string { return fmt.Sprintf("%s:%d", s.file, s.line) }

func TestDocSnippetsCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program per snippet")
	}
	snippets := readmeSnippets(t, "README.md")
	for _, dir := range docPackages {
		snippets = append(snippets, packageDocSnippets(t, dir)...)
	}
	require.NotEmpty(t, snippets)
	for _, bad := range buildSnippets(t, snippets) {
		t.Error(bad)
	}
	t.Logf("%d snippets", len(snippets))
}

// TestDocSnippetsHarness checks that the harness reports what does not
// build, with the right position, and accepts what does.
func TestDocSnippetsHarness(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a program per snippet")
	}
	snippets := []docSnippet{
		{"good.md", 3, "convs, err := client.Website.ListConversations(ctx, websiteID, 1, nil)\nif err != nil {\n\treturn err\n}\n...\n"},
		{"good.md", 10, "router.OnMessageSend(func(ctx context.Context, m api.EventMessageSend, ev *events.Event) error {\n\t...\n})\n"},
		{"good.md", 20, "func TestX(t *testing.T) {\n\tsrv := crisptest.Start(t, crisptest.Stateless())\n\t_ = srv.Client(t)\n}\n"},
		{"bad.md", 7, "fmt.Println(\"a\")\nclient.Website.NoSuchMethod(ctx)\n"},
		{"bad.md", 30, "func TestY(t *testing.T) {\n\tsrv := crisptest.Start(t)\n}\n"},
	}
	bad := buildSnippets(t, snippets)
	require.Len(t, bad, 2, "%q", bad)
	require.Contains(t, bad[0], "bad.md:8:")
	require.Contains(t, bad[0], "NoSuchMethod")
	require.Contains(t, bad[1], "bad.md:31:")
	require.Contains(t, bad[1], "declared and not used")
}

// readmeSnippets returns the ```go blocks of a Markdown file.
func readmeSnippets(t *testing.T, name string) []docSnippet {
	t.Helper()
	f, err := os.Open(filepath.Join("..", name))
	require.NoError(t, err)
	defer f.Close()
	var out []docSnippet
	var cur *docSnippet
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.TrimSpace(line) == "```go":
			cur = &docSnippet{file: name, line: n + 1}
		case cur != nil && strings.TrimSpace(line) == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.code += line + "\n"
		}
	}
	require.NoError(t, sc.Err())
	require.Nil(t, cur, "%s: a ```go block is not closed", name)
	return out
}

// packageDocSnippets returns the code blocks of the package doc comment of
// the package in dir (relative to the module root).
func packageDocSnippets(t *testing.T, dir string) []docSnippet {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", dir, "*.go"))
	require.NoError(t, err)
	var out []docSnippet
	fset := token.NewFileSet()
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.PackageClauseOnly)
		require.NoError(t, err)
		if f.Doc == nil {
			continue
		}
		rel, err := filepath.Rel("..", path)
		require.NoError(t, err)
		// The comment's lines, without "//" and one leading space, as
		// go/doc/comment sees them.
		var lines []string
		for _, c := range f.Doc.List {
			text, ok := strings.CutPrefix(c.Text, "//")
			require.True(t, ok, "%s: use // comments for the package doc", rel)
			text, _ = strings.CutPrefix(text, " ")
			lines = append(lines, text)
		}
		first := fset.Position(f.Doc.Pos()).Line
		var p comment.Parser
		doc := p.Parse(strings.Join(lines, "\n"))
		from := 0
		for _, block := range doc.Content {
			code, ok := block.(*comment.Code)
			if !ok {
				continue
			}
			// Find the block's first line in the comment to name its line.
			head := strings.SplitN(code.Text, "\n", 2)[0]
			at := slices.IndexFunc(lines[from:], func(l string) bool {
				return strings.TrimSpace(l) == strings.TrimSpace(head)
			})
			require.GreaterOrEqual(t, at, 0, "%s: code block %q not found", rel, head)
			out = append(out, docSnippet{file: filepath.ToSlash(rel), line: first + from + at, code: code.Text})
			from += at + strings.Count(code.Text, "\n")
		}
	}
	return out
}

var (
	elidedLine  = regexp.MustCompile(`(?m)^(\s*)\.\.\.\s*$`)
	elidedBlock = regexp.MustCompile(`\{\s*\.\.\.\s*\}`)
	elidedTail  = regexp.MustCompile(`,\s*\.\.\.(\s*[\]})])`)
)

// snippetSource turns a snippet into a Go file of package main.
func snippetSource(s docSnippet) (string, error) {
	code := elidedLine.ReplaceAllString(s.code, `${1}panic("elided")`)
	code = elidedBlock.ReplaceAllString(code, "{}")
	code = elidedTail.ReplaceAllString(code, "$1")
	directive := fmt.Sprintf("//line %s:%d\n", s.file, s.line)
	if strings.HasPrefix(strings.TrimSpace(code), "package ") {
		return directive + code, nil
	}

	// Declarations, or statements?
	fset := token.NewFileSet()
	var src, body string
	if f, err := parser.ParseFile(fset, "", "package main\n"+code, 0); err == nil && len(f.Decls) > 0 {
		src = "\n" + directive + code + "//line snippet-harness:1\n"
		body = src
	} else {
		body = "func snippet() error {\n" + directive + code + "//line snippet-harness:1\n"
		f, err := parser.ParseFile(fset, "", "package main\n"+body+"}\n", 0)
		if err != nil {
			return "", fmt.Errorf("%s: %v", s, err)
		}
		fn := f.Decls[0].(*ast.FuncDecl)
		seen := map[string]bool{}
		for _, name := range topLevelVars(fn.Body.List) {
			if !seen[name] {
				seen[name] = true
				body += "\t_ = " + name + "\n"
			}
		}
		body += "\treturn nil\n}\n\nvar _ = snippet\n"
		src = body
	}

	// What the snippet uses without declaring it.
	f, err := parser.ParseFile(fset, "", "package main\n"+src, 0)
	if err != nil {
		return "", fmt.Errorf("%s: %v", s, err)
	}
	unresolved := map[string]bool{}
	for _, id := range f.Unresolved {
		unresolved[id.Name] = true
	}
	var decls []string
	for name, typ := range docPlaceholders {
		if unresolved[name] {
			decls = append(decls, fmt.Sprintf("var %s %s", name, typ))
			for pkg := range docImports {
				if strings.Contains(typ, pkg+".") {
					unresolved[pkg] = true
				}
			}
		}
	}
	sort.Strings(decls)
	var imports []string
	for name, path := range docImports {
		if unresolved[name] {
			imports = append(imports, fmt.Sprintf("%q", path))
		}
	}
	sort.Strings(imports)

	var b strings.Builder
	b.WriteString("package main\n\n")
	if len(imports) > 0 {
		b.WriteString("import (\n\t" + strings.Join(imports, "\n\t") + "\n)\n\n")
	}
	for _, d := range decls {
		b.WriteString(d + "\n")
	}
	b.WriteString("\nfunc main() {}\n")
	b.WriteString(body)
	return b.String(), nil
}

// topLevelVars lists the variables the statements declare (not those of
// inner blocks).
func topLevelVars(list []ast.Stmt) []string {
	var names []string
	for _, st := range list {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok != token.DEFINE {
				continue
			}
			for _, e := range st.Lhs {
				if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
					names = append(names, id.Name)
				}
			}
		case *ast.DeclStmt:
			gen, ok := st.Decl.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				for _, id := range spec.(*ast.ValueSpec).Names {
					if id.Name != "_" {
						names = append(names, id.Name)
					}
				}
			}
		}
	}
	return names
}

// buildSnippets compiles each snippet as a package main of its own, in a
// temporary directory of the module (ignored by ./... patterns: its name
// starts with "_"), and returns one message per snippet that fails.
func buildSnippets(t *testing.T, snippets []docSnippet) []string {
	t.Helper()
	root, err := os.MkdirTemp(".", "_docsnippets")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(root) })

	var bad []string
	var pkgs []string
	byPkg := map[string]docSnippet{}
	for i, s := range snippets {
		src, err := snippetSource(s)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		dir := filepath.Join(root, fmt.Sprintf("s%03d", i))
		require.NoError(t, os.Mkdir(dir, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644))
		pkg := "./" + filepath.ToSlash(dir)
		pkgs = append(pkgs, pkg)
		byPkg["github.com/crisp-go/crisp-go/test/"+filepath.ToSlash(dir)] = s
	}
	if len(pkgs) == 0 {
		return bad
	}

	args := []string{"build", "-buildvcs=false"}
	if race.Enabled {
		args = append(args, "-race") // reuse the packages built for this test
	}
	cmd := exec.Command("go", append(args, pkgs...)...)
	cmd.Env = append(os.Environ(), "GOPROXY=off") // no network: modules come from the cache
	out, err := cmd.CombinedOutput()
	if err == nil {
		return bad
	}
	// go build prints "# <import path>" before the errors of each package.
	var cur string
	failed := map[string][]string{}
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if pkg, ok := strings.CutPrefix(line, "# "); ok {
			cur = pkg
			continue
		}
		failed[cur] = append(failed[cur], line)
	}
	for _, pkg := range pkgs {
		path := "github.com/crisp-go/crisp-go/test/" + strings.TrimPrefix(pkg, "./")
		if lines, ok := failed[path]; ok {
			bad = append(bad, fmt.Sprintf("snippet at %s does not build:\n%s", byPkg[path], strings.Join(lines, "\n")))
			delete(failed, path)
		}
	}
	for _, lines := range failed { // errors not about one snippet
		bad = append(bad, "go build: "+strings.Join(lines, "\n"))
	}
	return bad
}
