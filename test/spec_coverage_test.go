package test

import (
	"encoding/csv"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"
)

// checklistPath is the REST V1 checklist: one row per operation of the API
// (spec/README.md describes its columns).
const checklistPath = "../spec/checklist.tsv"

// checklistRow is one operation of the REST V1 checklist.
type checklistRow struct {
	line         int
	method, path string
	label        string
	tiers        []string // empty where no source gives them
	status       string   // current, new or deprecated
	// sources are the official clients that have the route (node10,
	// node11, go); none for a route only Crisp's reference lists.
	sources []string
}

// loadChecklist reads spec/checklist.tsv.
func loadChecklist(t *testing.T) []checklistRow {
	t.Helper()
	f, err := os.Open(checklistPath)
	require.NoError(t, err)
	defer f.Close()
	r := csv.NewReader(f)
	r.Comma = '\t'
	records, err := r.ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, records, "checklist has no header")
	col := map[string]int{}
	for i, name := range records[0] {
		col[name] = i
	}
	for _, name := range []string{"method", "path", "label", "tiers", "status"} {
		_, ok := col[name]
		require.True(t, ok, "checklist has no %q column", name)
	}
	var rows []checklistRow
	for i, rec := range records[1:] {
		row := checklistRow{
			line:   i + 2,
			method: strings.ToUpper(rec[col["method"]]),
			path:   rec[col["path"]],
			label:  rec[col["label"]],
			status: rec[col["status"]],
		}
		if s := rec[col["tiers"]]; s != "" {
			row.tiers = strings.Split(s, ",")
		}
		if c, ok := col["sources"]; ok && rec[c] != "" {
			row.sources = strings.Split(rec[c], ",")
		}
		rows = append(rows, row)
	}
	return rows
}

// coverageProblems compares the operations of doc with the checklist: every
// row is exactly one operation (method and path), deprecated exactly where
// the row is, with the row's tiers where the row has them, and doc has no
// operation the checklist lacks.
func coverageProblems(doc *openapi3.T, rows []checklistRow) []string {
	var problems []string
	ops := map[string]*openapi3.Operation{}
	for _, o := range specOps(doc) {
		ops[o.method+" "+o.path] = o.op
	}
	seen := map[string]int{}
	for _, row := range rows {
		key := row.method + " " + row.path
		where := fmt.Sprintf("checklist line %d (%s, %s)", row.line, key, row.label)
		if prev, dup := seen[key]; dup {
			problems = append(problems, fmt.Sprintf("%s: same operation as line %d", where, prev))
			continue
		}
		seen[key] = row.line
		op := ops[key]
		if op == nil {
			problems = append(problems, where+": missing from openapi.yaml")
			continue
		}
		if want := row.status == "deprecated"; op.Deprecated != want {
			problems = append(problems, fmt.Sprintf("%s: deprecated is %v, the row's status is %q", where, op.Deprecated, row.status))
		}
		if len(row.tiers) > 0 {
			got := specTiers(op)
			want := slices.Sorted(slices.Values(row.tiers))
			if !slices.Equal(got, want) {
				problems = append(problems, fmt.Sprintf("%s: x-crisp-tiers %v, the checklist says %v", where, got, want))
			}
		}
	}
	var extra []string
	for key, op := range ops {
		if _, ok := seen[key]; !ok {
			extra = append(extra, fmt.Sprintf("openapi.yaml %s (%s): not in the checklist", key, op.OperationID))
		}
	}
	sort.Strings(extra)
	return append(problems, extra...)
}

// specTiers returns the sorted x-crisp-tiers of op.
func specTiers(op *openapi3.Operation) []string {
	list, _ := op.Extensions["x-crisp-tiers"].([]any)
	var out []string
	for _, v := range list {
		out = append(out, fmt.Sprint(v))
	}
	sort.Strings(out)
	return out
}

func TestSpecCoverage(t *testing.T) {
	rows := loadChecklist(t)
	doc := loadSpec(t)
	for _, p := range coverageProblems(doc, rows) {
		t.Error(p)
	}
	t.Logf("spec coverage: %d checklist rows, %d operations in openapi.yaml", len(rows), len(specOps(doc)))
}

// TestSpecCoverageFindsDrift mutates a copy of the spec and checks that
// coverageProblems reports each change.
func TestSpecCoverageFindsDrift(t *testing.T) {
	rows := loadChecklist(t)
	var current, deprecated, tiered checklistRow
	for _, r := range rows {
		switch {
		case r.status == "deprecated" && deprecated.path == "":
			deprecated = r
		case r.status != "deprecated" && len(r.tiers) > 0 && r.method == "GET" && current.path == "":
			current = r
		case r.status != "deprecated" && len(r.tiers) > 1 && tiered.path == "" && r.path != current.path:
			tiered = r
		}
	}
	require.NotEmpty(t, current.path)
	require.NotEmpty(t, deprecated.path)
	require.NotEmpty(t, tiered.path)

	tests := []struct {
		name   string
		mutate func(doc *openapi3.T)
		want   string
	}{
		{"missing operation", func(doc *openapi3.T) {
			doc.Paths.Value(current.path).Get = nil
		}, fmt.Sprintf("checklist line %d (GET %s, %s): missing from openapi.yaml", current.line, current.path, current.label)},
		{"extra operation", func(doc *openapi3.T) {
			doc.Paths.Set("/website/{website_id}/extra", &openapi3.PathItem{
				Get: &openapi3.Operation{OperationID: "getExtra"},
			})
		}, "openapi.yaml GET /website/{website_id}/extra (getExtra): not in the checklist"},
		{"extra method on a checklist path", func(doc *openapi3.T) {
			doc.Paths.Value(current.path).Options = &openapi3.Operation{OperationID: "optionsExtra"}
		}, fmt.Sprintf("openapi.yaml OPTIONS %s (optionsExtra): not in the checklist", current.path)},
		{"deprecated route not marked", func(doc *openapi3.T) {
			doc.Paths.Value(deprecated.path).GetOperation(deprecated.method).Deprecated = false
		}, fmt.Sprintf("checklist line %d (%s %s, %s): deprecated is false", deprecated.line, deprecated.method, deprecated.path, deprecated.label)},
		{"current route marked deprecated", func(doc *openapi3.T) {
			doc.Paths.Value(current.path).Get.Deprecated = true
		}, fmt.Sprintf("checklist line %d (GET %s, %s): deprecated is true", current.line, current.path, current.label)},
		{"tier dropped", func(doc *openapi3.T) {
			op := doc.Paths.Value(tiered.path).GetOperation(tiered.method)
			op.Extensions["x-crisp-tiers"] = []any{tiered.tiers[0]}
		}, fmt.Sprintf("checklist line %d (%s %s, %s): x-crisp-tiers [%s]", tiered.line, tiered.method, tiered.path, tiered.label, tiered.tiers[0])},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := loadSpec(t) // a fresh copy
			tc.mutate(doc)
			problems := coverageProblems(doc, rows)
			require.Len(t, problems, 1, "problems: %q", problems)
			require.True(t, strings.HasPrefix(problems[0], tc.want), "got %q, want prefix %q", problems[0], tc.want)
		})
	}

	t.Run("duplicate checklist row", func(t *testing.T) {
		dup := current
		dup.line = len(rows) + 2
		problems := coverageProblems(loadSpec(t), append(slices.Clone(rows), dup))
		require.Len(t, problems, 1, "problems: %q", problems)
		require.Contains(t, problems[0], fmt.Sprintf("same operation as line %d", current.line))
	})
}
