package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/spf13/cobra"
)

func newOperationsCmd(g *globals) *cobra.Command {
	var tag string
	cmd := &cobra.Command{
		Use:   "operations [OPERATION_ID]",
		Short: "List the operations of the REST API, or describe one",
		Long: `List the operations of the Crisp REST API V1 (openapi.yaml, embedded in the
tool) with their operationId, HTTP method, path and the token tiers they
accept, ordered by path; --tag keeps those of one tag (group of the
reference). With an operationId, describe that operation: its parameters
with their types, and the example of its request body.`,
		Example: `  crisp operations
  crisp operations --tag "Website Conversations"
  crisp operations sendMessageInConversation`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usageErrorf("operations takes at most one operationId")
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeCall(nil, nil, toComplete)
		},
		RunE: func(_ *cobra.Command, args []string) error {
			s, err := loadSpec()
			if err != nil {
				return err
			}
			if len(args) == 1 {
				op, err := s.operation(args[0])
				if err != nil {
					return err
				}
				return describe(g.stdout, op)
			}
			return listOperations(g.stdout, s, tag)
		},
	}
	cmd.Flags().StringVar(&tag, "tag", "", "list only the operations of this tag (case-insensitive)")
	_ = cmd.RegisterFlagCompletionFunc("tag", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		s, err := loadSpec()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return s.tags(), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// methodOrder orders the operations of one path.
var methodOrder = []string{"HEAD", "GET", "POST", "PUT", "PATCH", "DELETE"}

// listOperations writes a table of the operations (of tag, when not
// empty).
func listOperations(w io.Writer, s *apiSpec, tag string) error {
	if tag != "" {
		found := false
		for _, t := range s.tags() {
			if strings.EqualFold(t, tag) {
				tag, found = t, true
			}
		}
		if !found {
			return usageErrorf("unknown tag %q%s", tag, didYouMean(tag, s.tags()))
		}
	}
	ops := slices.Clone(s.ops)
	sort.SliceStable(ops, func(i, j int) bool {
		if ops[i].Path != ops[j].Path {
			return ops[i].Path < ops[j].Path
		}
		return slices.Index(methodOrder, ops[i].Method) < slices.Index(methodOrder, ops[j].Method)
	})
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	_, _ = fmt.Fprintln(tw, "OPERATION\tMETHOD\tPATH\tTIERS")
	for _, o := range ops {
		if tag != "" && !slices.Contains(o.Tags, tag) {
			continue
		}
		tiers := strings.Join(o.Tiers, ",")
		if o.Deprecated {
			tiers += " (deprecated)"
		}
		_, _ = fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", o.ID, o.Method, o.Path, tiers)
	}
	return tw.Flush()
}

// describe writes what crisp call needs to know about op.
func describe(w io.Writer, op *operation) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n", op.ID, op.Summary)
	fmt.Fprintf(&b, "  %s %s\n", op.Method, op.Path)
	fmt.Fprintf(&b, "  tiers: %s\n", strings.Join(op.Tiers, ", "))
	if len(op.Tags) > 0 {
		fmt.Fprintf(&b, "  tag: %s\n", strings.Join(op.Tags, ", "))
	}
	if op.Deprecated {
		b.WriteString("  deprecated\n")
	}
	if len(op.Params) > 0 {
		b.WriteString("\nParameters (name=value):\n")
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, p := range op.Params {
			req := "optional"
			if p.Required {
				req = "required"
			}
			if p.Name == "page_number" {
				req = "default 1"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s, %s\t%s\n", p.Name, typeName(p), p.In, req, firstLine(p.Description))
		}
		_ = tw.Flush()
	}
	if op.Body != nil {
		req := "optional"
		if op.Body.Required {
			req = "required"
		}
		fmt.Fprintf(&b, "\nRequest body (--data, %s): %s\n", req, op.Body.Schema)
		if op.Body.Example != nil {
			ex, err := json.MarshalIndent(op.Body.Example, "  ", "  ")
			if err == nil {
				fmt.Fprintf(&b, "  %s\n", ex)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// typeName describes the type of a parameter.
func typeName(p *param) string {
	if p.JSON {
		return "JSON"
	}
	return schemaType(p.Schema)
}

// schemaType describes a scalar or array schema.
func schemaType(s *openapi3.Schema) string {
	if s == nil {
		return "string"
	}
	t := "string"
	for _, k := range []string{"integer", "number", "boolean", "array", "object"} {
		if s.Type.Is(k) {
			t = k
		}
	}
	switch {
	case t == "array" && s.Items != nil:
		return "array of " + schemaType(s.Items.Value)
	case len(s.Enum) > 0:
		var vals []string
		for _, e := range s.Enum {
			vals = append(vals, fmt.Sprint(e))
		}
		return t + " (" + strings.Join(vals, "|") + ")"
	case s.Format != "":
		return t + " (" + s.Format + ")"
	}
	return t
}
