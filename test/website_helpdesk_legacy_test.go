package test

import (
	"go/ast"
	"go/doc/comment"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/stretchr/testify/require"
)

// IDs of the old helpdesk tests; some carry characters that must be
// escaped in a path.
const (
	legacyLocale     = "zh/Hant ?"
	legacyArticleID  = "article/1 ?@x"
	legacyCategoryID = "category/1 ?"
	legacySectionID  = "section/1 ?"
)

// legacyPages scripts a paged list: page 1 answers items, page 2 an empty
// page, which ends the walk; it returns the number of calls made.
func legacyPages[T any](srv *crisptest.Server, op string, items []T) *int {
	calls := 0
	srv.Handle(op, func(r *crisptest.Call) (int, any) {
		calls++
		data := []T{}
		if r.PathParams["page_number"] == "1" {
			data = items
		}
		return 200, map[string]any{"error": false, "reason": "listed", "data": data}
	})
	return &calls
}

// ---- Articles ----

func TestUpdateHelpdeskLocaleArticleCategory(t *testing.T) {
	const op = "updateHelpdeskLocaleArticleCategory"
	srv, c := setupFor(t, op)
	section := "14886b8c-faf6-4967-af0a-2d90b3419263"
	body := &api.HelpdeskLegacyArticleCategoryUpdate{CategoryID: "00d344a3-8948-45b5-9bc4-82ec249fcd44", SectionID: &section}
	require.NoError(t, c.Website.UpdateHelpdeskLocaleArticleCategory(t.Context(), websiteID, legacyLocale, legacyArticleID, body))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "helpdesk", "locale", legacyLocale, "article", legacyArticleID, "category")
	requireBody(t, req, `{"category_id":"00d344a3-8948-45b5-9bc4-82ec249fcd44","section_id":"14886b8c-faf6-4967-af0a-2d90b3419263"}`)
}

// ---- Sections ----

func TestUpdateHelpdeskLocaleSection(t *testing.T) {
	const op = "updateHelpdeskLocaleSection"
	srv, c := setupFor(t, op)
	name := "Customize the chatbox"
	require.NoError(t, c.Website.UpdateHelpdeskLocaleSection(t.Context(), websiteID, legacyLocale, legacyCategoryID, legacySectionID, &api.HelpdeskLegacySectionUpdate{Name: &name}))
	req := requireSent(t, srv, op, "PATCH", "website", websiteID, "helpdesk", "locale", legacyLocale, "category", legacyCategoryID, "section", legacySectionID)
	requireBody(t, req, `{"name":"Customize the chatbox"}`)
}

// ---- Feedbacks (old shapes) ----

func TestMapHelpdeskLocaleFeedbackRatingsLegacy(t *testing.T) {
	const op = "mapHelpdeskLocaleFeedbackRatingsLegacy"
	srv, c := setupFor(t, op)
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2024, 4, 30, 23, 59, 59, 0, time.UTC)
	got, err := c.Website.MapHelpdeskLocaleFeedbackRatingsLegacy(t.Context(), websiteID, legacyLocale, &crisp.MapHelpdeskLocaleFeedbackRatingsLegacyOptions{FilterDateStart: start, FilterDateEnd: end})
	require.NoError(t, err)
	require.Equal(t, exampleData[api.HelpdeskLegacyFeedbackRatings](t, srv, op), *got)
	req := requireSent(t, srv, op, "GET", "website", websiteID, "helpdesk", "locale", legacyLocale, "feedback", "ratings")
	require.Equal(t, "2024-04-01T00:00:00Z", req.Query.Get("filter_date_start"))
	require.Equal(t, "2024-04-30T23:59:59Z", req.Query.Get("filter_date_end"))

	_, err = c.Website.MapHelpdeskLocaleFeedbackRatingsLegacy(t.Context(), websiteID, legacyLocale, nil)
	require.NoError(t, err)
	require.Empty(t, lastRequest(t, srv, op).Query)
}

func TestListHelpdeskLocaleFeedbacksLegacy(t *testing.T) {
	const op = "listHelpdeskLocaleFeedbacksLegacy"
	srv, c := setupFor(t, op)
	start := time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	got, err := c.Website.ListHelpdeskLocaleFeedbacksLegacy(t.Context(), websiteID, legacyLocale, 2, &crisp.ListHelpdeskLocaleFeedbacksLegacyOptions{FilterDateStart: start})
	require.NoError(t, err)
	require.NotEmpty(t, got)
	require.Equal(t, exampleData[[]api.HelpdeskLegacyFeedback](t, srv, op), got)
	req := lastRequest(t, srv, op)
	requirePath(t, req, "website", websiteID, "helpdesk", "locale", legacyLocale, "feedback", "list", "2")
	require.Equal(t, "2024-04-01T00:00:00Z", req.Query.Get("filter_date_start"))
	require.False(t, req.Query.Has("filter_date_end"))
}

func TestListHelpdeskLocaleFeedbacksLegacyIter(t *testing.T) {
	const op = "listHelpdeskLocaleFeedbacksLegacy"
	srv, c := setupFor(t, op)
	page := exampleData[[]api.HelpdeskLegacyFeedback](t, srv, op)
	calls := legacyPages(srv, op, page)
	end := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	var got []api.HelpdeskLegacyFeedback
	for f, err := range c.Website.ListHelpdeskLocaleFeedbacksLegacyIter(t.Context(), websiteID, legacyLocale, &crisp.ListHelpdeskLocaleFeedbacksLegacyOptions{FilterDateEnd: end}) {
		require.NoError(t, err)
		got = append(got, f)
	}
	require.Equal(t, page, got)
	require.Equal(t, 2, *calls)
	for _, r := range srv.RequestsFor(op) {
		require.Equal(t, "2024-05-01T00:00:00Z", r.Query.Get("filter_date_end"), "every page keeps the filters")
	}
}

// ---- Deprecation markers ----

// legacyFacadeFile is the facade file of the old helpdesk routes, relative
// to this package.
// legacyFacadeFiles are the files of package crisp (generated or not).
const legacyFacadeFiles = "../crisp/*.go"

// legacyMethod reports whether fn wraps a deprecated helpdesk operation,
// or walks the pages of one.
func legacyMethod(fn *ast.FuncDecl, ops map[string]specOp) bool {
	name := strings.TrimSuffix(fn.Name.Name, "Iter")
	for id, o := range ops {
		if o.op.Deprecated && len(o.op.Tags) == 1 && o.op.Tags[0] == "Website Helpdesk" && legacyPascal(id) == name {
			return true
		}
	}
	return false
}

// legacyOpIDWord matches the words of a description that may be operationIds.
var legacyOpIDWord = regexp.MustCompile(`\b[a-z][A-Za-z0-9]+\b`)

// TestHelpdeskLegacyMethodsAreDeprecated reads the facade file of the old
// helpdesk routes and checks that every method wrapping a deprecated
// operation carries Go's "Deprecated:" paragraph, naming (as methods) the
// replacement operations the specification names, and that every Iter
// method of such a list is deprecated too.
func TestHelpdeskLegacyMethodsAreDeprecated(t *testing.T) {
	doc := loadSpec(t)
	ops := map[string]specOp{}
	for _, o := range specOps(doc) {
		ops[o.op.OperationID] = o
	}

	fset := token.NewFileSet()
	paths, err := filepath.Glob(legacyFacadeFiles)
	require.NoError(t, err)
	var decls []ast.Decl
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		require.NoError(t, err)
		decls = append(decls, file.Decls...)
	}

	websiteService := reflect.TypeOf((*crisp.WebsiteService)(nil))
	wrapped := map[string]string{}    // operationId -> method
	deprecated := map[string]string{} // method -> its Deprecated paragraph
	var iters []string
	for _, decl := range decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || !fn.Name.IsExported() || !legacyMethod(fn, ops) {
			continue
		}
		name := fn.Name.Name
		if p, ok := legacyDeprecatedParagraph(fn.Doc); ok {
			deprecated[name] = p
		}
		if strings.HasSuffix(name, "Iter") {
			iters = append(iters, name)
		}
		if fn.Doc == nil {
			continue
		}
		for _, c := range fn.Doc.List {
			id, ok := strings.CutPrefix(c.Text, "//crisp:operation ")
			if !ok {
				continue
			}
			id = strings.TrimSpace(id)
			require.NotContainsf(t, wrapped, id, "%s: operation %s wrapped twice", name, id)
			wrapped[id] = name
		}
	}

	// The file wraps exactly the deprecated operations of the helpdesk.
	var want, got []string
	for id, o := range ops {
		if o.op.Deprecated && len(o.op.Tags) == 1 && o.op.Tags[0] == "Website Helpdesk" {
			want = append(want, id)
		}
	}
	for id := range wrapped {
		got = append(got, id)
	}
	sort.Strings(want)
	sort.Strings(got)
	require.Equal(t, want, got)
	require.Len(t, got, 35)

	for id, method := range wrapped {
		o, ok := ops[id]
		require.Truef(t, ok, "%s: unknown operation %s", method, id)
		require.Equalf(t, legacyPascal(id), method, "%s: method name", id)
		if !o.op.Deprecated {
			continue
		}
		para, ok := deprecated[method]
		if !legacyAssert(t, ok, "%s (%s) has no \"Deprecated:\" paragraph", method, id) {
			continue
		}
		// Every operation the description names after "deprecated" is a
		// replacement: the paragraph must name its method.
		_, after, found := strings.Cut(o.op.Description, "deprecated")
		require.Truef(t, found, "%s: description does not say it is deprecated", id)
		var replacements []string
		for _, w := range legacyOpIDWord.FindAllString(after, -1) {
			if _, isOp := ops[w]; isOp && w != id {
				replacements = append(replacements, w)
			}
		}
		require.NotEmptyf(t, replacements, "%s: description names no replacement", id)
		require.Truef(t, strings.HasPrefix(para, "Deprecated: use "+legacyPascal(replacements[0])), "%s: %q should start with \"Deprecated: use %s\"", method, para, legacyPascal(replacements[0]))
		for _, r := range replacements {
			require.Containsf(t, para, legacyPascal(r), "%s: Deprecated paragraph should name %s", method, legacyPascal(r))
			_, ok := websiteService.MethodByName(legacyPascal(r))
			require.Truef(t, ok, "%s: replacement method %s does not exist", method, legacyPascal(r))
		}
	}

	require.Len(t, iters, 4)
	for _, name := range iters {
		base := strings.TrimSuffix(name, "Iter")
		require.Containsf(t, deprecated, base, "%s walks no deprecated method", name)
		para, ok := deprecated[name]
		require.Truef(t, ok, "%s has no \"Deprecated:\" paragraph", name)
		m := regexp.MustCompile(`^Deprecated: use (\w+Iter)\b`).FindStringSubmatch(para)
		require.NotNilf(t, m, "%s: %q should name an Iter method", name, para)
		_, ok = websiteService.MethodByName(m[1])
		require.Truef(t, ok, "%s: replacement method %s does not exist", name, m[1])
	}
}

// legacyDeprecatedParagraph returns the paragraph of a doc comment that starts
// with "Deprecated: ", as go doc and gopls recognize it (not the first
// paragraph, which is the summary).
func legacyDeprecatedParagraph(cg *ast.CommentGroup) (string, bool) {
	if cg == nil {
		return "", false
	}
	var p comment.Parser
	d := p.Parse(cg.Text())
	for i, b := range d.Content {
		para, ok := b.(*comment.Paragraph)
		if !ok || i == 0 {
			continue
		}
		var sb strings.Builder
		for _, tx := range para.Text {
			switch v := tx.(type) {
			case comment.Plain:
				sb.WriteString(string(v))
			case comment.Italic:
				sb.WriteString(string(v))
			}
		}
		text := strings.Join(strings.Fields(sb.String()), " ")
		if strings.HasPrefix(text, "Deprecated: ") {
			return text, true
		}
	}
	return "", false
}

// legacyPascal turns an operationId into its method name.
func legacyPascal(id string) string {
	return strings.ToUpper(id[:1]) + id[1:]
}

// legacyAssert reports a failure without stopping the test.
func legacyAssert(t *testing.T, ok bool, format string, args ...any) bool {
	t.Helper()
	if !ok {
		t.Errorf(format, args...)
	}
	return ok
}
