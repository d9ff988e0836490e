package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/spf13/cobra"
)

// callFlags are the flags of crisp call.
type callFlags struct {
	data     string
	allPages bool
	pretty   bool
	timeout  time.Duration
}

func newCallCmd(g *globals) *cobra.Command {
	f := &callFlags{}
	cmd := &cobra.Command{
		Use:   "call OPERATION_ID [name=value ...]",
		Short: "Call any operation of the REST API by its operationId",
		Long: `Call one operation of the Crisp REST API V1 by its operationId (as in
openapi.yaml and docs/operations.md; 'crisp operations' lists them).

Path and query parameters are given as name=value, by their names in the
specification, and checked against it: an unknown name, a value of the
wrong type or outside its enum is refused before anything is sent.
Integers, numbers, booleans (and 1/0 flags, which also take true and
false), dates (2024-10-17 or RFC 3339) and enums are read as their
schema says; an array parameter may be repeated or comma-separated; a
parameter sent as JSON (search_filter) takes a JSON document. A missing
page_number is 1.

The request body is JSON: --data @file.json reads a file, --data - reads
standard input, anything else is the JSON itself.

The request goes through the same client as the Go library: the token and
its tier, retries of GET, HEAD, PUT and DELETE on network errors, 429/420
and 5xx, the --timeout over all attempts. The answer's data is printed as
JSON (indented on a terminal or with --pretty); a HEAD route prints true
or false (404). An error answer prints Crisp's reason and message and
exits with status 1.

--all-pages walks a page-numbered list (an operation with a page_number
path parameter) from page_number (default 1) until an empty or short page,
and prints the items one per line (NDJSON), with a progress line on
standard error when it is a terminal.`,
		Example: `  crisp call listConversations website_id=$WEBSITE filter_unread=1 per_page=50
  crisp call getConversation website_id=$WEBSITE session_id=session_700c65e1-85e2-465a-b9ac-ecb5ec2c9881
  crisp call checkConversationExists website_id=$WEBSITE session_id=...    # prints true or false
  crisp call sendMessageInConversation website_id=$WEBSITE session_id=... \
      --data '{"type":"text","from":"operator","origin":"chat","content":"Hello!"}'
  crisp call updatePeopleProfile website_id=$WEBSITE people_id=jane@example.com --data @profile.json
  crisp call listPeopleProfiles website_id=$WEBSITE --all-pages | jq -r .email
  crisp call --mock listConversations website_id=8c842203-7ed8-4e29-a608-7cf78a7d2fcc`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageErrorf("call needs an operationId (crisp operations lists them)")
			}
			return nil
		},
		ValidArgsFunction: completeCall,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCall(cmd.Context(), g, f, args)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.data, "data", "d", "", "JSON request body: @file.json, - for standard input, or the JSON itself")
	fl.BoolVar(&f.allPages, "all-pages", false, "walk every page of a page-numbered list and print its items as NDJSON")
	fl.BoolVar(&f.pretty, "pretty", false, "indent the JSON answer (the default on a terminal)")
	fl.DurationVar(&f.timeout, "timeout", crisp.DefaultTimeout, "bound on each call, retries included")
	return cmd
}

func runCall(ctx context.Context, g *globals, f *callFlags, args []string) error {
	s, err := loadSpec()
	if err != nil {
		return err
	}
	op, err := s.operation(args[0])
	if err != nil {
		return err
	}
	values, err := parseArgs(op, args[1:])
	if err != nil {
		return err
	}
	pageParam := op.param("page_number")
	if _, given := values["page_number"]; pageParam != nil && !given {
		values["page_number"] = int64(1)
	}
	for _, p := range op.pathParams() {
		if _, ok := values[p.Name]; !ok {
			return usageErrorf("%s needs the path parameter %s (%s=...)", op.ID, p.Name, p.Name)
		}
	}
	req := apiRequest{op: op, values: values}
	if f.data != "" {
		if req.body, err = readData(f.data, g.stdin); err != nil {
			return err
		}
	} else if op.Body != nil && op.Body.Required {
		return usageErrorf("%s needs a JSON request body (%s): give --data @file.json, --data - or --data '{...}' (crisp operations %s shows an example)", op.ID, op.Body.Schema, op.ID)
	}
	if f.allPages && pageParam == nil {
		return usageErrorf("--all-pages walks page-numbered lists, and %s has no page_number parameter", op.ID)
	}
	client, err := g.client(f.timeout)
	if err != nil {
		return err
	}
	if f.allPages {
		return walkPages(ctx, client, req, g.stdout, &progress{w: g.stderr, enabled: isTerminal(g.stderr)})
	}
	ans, err := invoke(ctx, client, req)
	if err != nil {
		return err
	}
	if op.Method == "HEAD" {
		_, err := fmt.Fprintln(g.stdout, ans.Exists)
		return err
	}
	if ans.Data == nil {
		return nil
	}
	return writeJSON(g.stdout, ans.Data, f.pretty || isTerminal(g.stdout))
}

// readData reads --data: @file, - (stdin) or the JSON itself. It must be
// JSON.
func readData(arg string, stdin io.Reader) ([]byte, error) {
	var b []byte
	var err error
	switch {
	case arg == "-":
		b, err = io.ReadAll(stdin)
	case strings.HasPrefix(arg, "@"):
		b, err = os.ReadFile(arg[1:])
	default:
		b = []byte(arg)
	}
	if err != nil {
		return nil, fmt.Errorf("--data: %w", err)
	}
	if !json.Valid(b) {
		return nil, usageErrorf("--data is not valid JSON")
	}
	return bytes.TrimSpace(b), nil
}

// walkPages calls req for its page and the next ones, and writes their
// items one per line, until an empty page or one shorter than per_page
// (its value, or its default). It stops with a pagination_loop error at
// a page equal to the previous one, or after crisp.MaxPages pages, as the
// library's ...Iter methods do.
func walkPages(ctx context.Context, client *crisp.Client, req apiRequest, out io.Writer, prog *progress) error {
	defer prog.done()
	perPage := perPageOf(req)
	first, _ := req.values["page_number"].(int64)
	var prev []byte
	count := 0
	for page := first; ; page++ {
		if page-first >= crisp.MaxPages {
			return &crisp.Error{Operation: req.op.ID, Reason: crisp.ReasonPaginationLoop, Message: fmt.Sprintf("stopped after %d pages (crisp.MaxPages)", crisp.MaxPages)}
		}
		req.values["page_number"] = page
		ans, err := invoke(ctx, client, req)
		if err != nil {
			return err
		}
		var items []json.RawMessage
		if err := json.Unmarshal(ans.Data, &items); err != nil {
			return &crisp.Error{Operation: req.op.ID, Method: req.op.Method, StatusCode: ans.Status, Reason: crisp.ReasonInvalidResponse, Message: fmt.Sprintf("page %d: the data is not a list", page)}
		}
		if len(items) > 0 && bytes.Equal(ans.Data, prev) {
			return &crisp.Error{Operation: req.op.ID, Reason: crisp.ReasonPaginationLoop, Message: fmt.Sprintf("page %d is the same as page %d: the server ignores the page number", page, page-1)}
		}
		for _, it := range items {
			if err := writeJSON(out, it, false); err != nil {
				return err
			}
		}
		count += len(items)
		prog.update("%s: page %d, %d items", req.op.ID, page, count)
		if len(items) == 0 || (perPage > 0 && int64(len(items)) < perPage) {
			return nil
		}
		prev = ans.Data
	}
}

// perPageOf returns the page size of a list call: its per_page value, or
// the default of the per_page parameter; 0 when unknown.
func perPageOf(req apiRequest) int64 {
	if n, ok := req.values["per_page"].(int64); ok {
		return n
	}
	if p := req.op.param("per_page"); p != nil && p.Schema != nil {
		if d, ok := p.Schema.Default.(float64); ok {
			return int64(d)
		}
	}
	return 0
}

// completeCall completes the operationId, then name= for the parameters
// not given yet, then the values of an enum parameter.
func completeCall(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	s, err := loadSpec()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	if len(args) == 0 {
		var out []string
		for _, o := range s.ops {
			if strings.HasPrefix(o.ID, toComplete) {
				out = append(out, o.ID+"\t"+o.Summary)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	op := s.byID[args[0]]
	if op == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	if name, prefix, ok := strings.Cut(toComplete, "="); ok {
		p := op.param(name)
		if p == nil || p.Schema == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		for _, e := range p.Schema.Enum {
			if v := fmt.Sprint(e); strings.HasPrefix(v, prefix) {
				out = append(out, name+"="+v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
	given := map[string]bool{}
	for _, a := range args[1:] {
		name, _, _ := strings.Cut(a, "=")
		given[name] = true
	}
	var out []string
	for _, p := range op.Params {
		if given[p.Name] || !strings.HasPrefix(p.Name, toComplete) {
			continue
		}
		desc := p.In
		if p.Required {
			desc += ", required"
		}
		out = append(out, p.Name+"=\t"+desc+": "+firstLine(p.Description))
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// firstLine returns the first line of s.
func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
