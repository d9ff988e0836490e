package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/spf13/cobra"
)

// triggerFlags are the flags of crisp trigger.
type triggerFlags struct {
	to        string
	secret    string
	sets      []string
	list      bool
	printJSON bool
}

func newTriggerCmd(g *globals) *cobra.Command {
	f := &triggerFlags{}
	cmd := &cobra.Command{
		Use:   "trigger EVENT (--to URL | --mock | --print-json)",
		Short: "Send a signed sample event to a local endpoint",
		Long: `Send a sample of an event, built from the example of its payload schema in
openapi.yaml (Event*), as Crisp delivers it:

  --to URL      POST it to URL as a web hook: the body {website_id, event,
                data, timestamp}, signed with --secret (or $CRISP_HOOK_SECRET)
                in X-Crisp-Signature and X-Crisp-Request-Timestamp; without
                a secret it is sent unsigned, as Crisp sends website hooks.
  --mock        push it through the RTM socket of a running 'crisp mock'
                (at --base-url): every 'crisp listen --mock' subscribed to
                the event receives it and forwards it.
  --print-json  write the web hook body to standard output.

--set path=value changes a field of the body before it is sent, by its
dotted path (data.content, data.user.nickname, data.mentions.0); the value
is read as JSON when it is JSON (42, true, null, "quoted", {...}), else as
text. website_id follows data.website_id unless set itself.

'crisp trigger --list' lists the events.`,
		Example: `  crisp trigger --list
  crisp trigger message:send --to http://localhost:3000/hooks --secret "$CRISP_HOOK_SECRET"
  crisp trigger message:send --to http://localhost:3000/hooks --set data.content="Hello" --set data.from=user
  crisp trigger session:set_state --mock --set data.state=resolved
  crisp trigger people:profile:created --print-json`,
		Args: func(_ *cobra.Command, args []string) error {
			switch {
			case f.list && len(args) > 0:
				return usageErrorf("--list takes no event")
			case !f.list && len(args) != 1:
				return usageErrorf("trigger needs one event name (crisp trigger --list lists them)")
			}
			return nil
		},
		ValidArgsFunction: func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeEvents(toComplete)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if f.list {
				return listEvents(g.stdout)
			}
			return runTrigger(cmd.Context(), g, f, args[0])
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.to, "to", "", "POST the event to this URL as a signed web hook")
	fl.StringVar(&f.secret, "secret", "", "web hook signing secret (default $CRISP_HOOK_SECRET; none sends the hook unsigned)")
	fl.StringArrayVar(&f.sets, "set", nil, "set a field of the body: path=value (repeatable)")
	fl.BoolVar(&f.list, "list", false, "list the events")
	fl.BoolVar(&f.printJSON, "print-json", false, "write the web hook body to standard output")
	return cmd
}

// completeEvents completes an event name.
func completeEvents(toComplete string) ([]string, cobra.ShellCompDirective) {
	s, err := loadSpec()
	if err != nil {
		return nil, cobra.ShellCompDirectiveError
	}
	var out []string
	for _, n := range s.eventNames() {
		if strings.HasPrefix(n, toComplete) {
			out = append(out, n+"\t"+firstLine(s.events[n].Description))
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// listEvents writes the events and their payload schemas.
func listEvents(w io.Writer) error {
	s, err := loadSpec()
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	_, _ = fmt.Fprintln(tw, "EVENT\tPAYLOAD\tDESCRIPTION")
	for _, n := range s.eventNames() {
		e := s.events[n]
		_, _ = fmt.Fprintf(tw, "%s\t%s\t%s\n", n, e.SchemaName, firstLine(e.Description))
	}
	return tw.Flush()
}

// triggerBody builds the web hook body of a sample of event, with the
// --set changes, at now.
func triggerBody(event string, sets []string, now time.Time) ([]byte, map[string]any, error) {
	s, err := loadSpec()
	if err != nil {
		return nil, nil, err
	}
	spec, ok := s.events[event]
	if !ok {
		return nil, nil, usageErrorf("unknown event %q%s (crisp trigger --list lists them)", event, didYouMean(event, s.eventNames()))
	}
	data, err := jsonValue(sample(spec.Schema))
	if err != nil {
		return nil, nil, err
	}
	root := map[string]any{"event": event, "data": data, "timestamp": now.UnixMilli()}
	for _, set := range sets {
		path, raw, ok := strings.Cut(set, "=")
		if !ok {
			return nil, nil, usageErrorf("--set %q is not path=value (such as data.content=hello)", set)
		}
		if err := setPath(root, path, setValue(raw)); err != nil {
			return nil, nil, usageErrorf("--set: %v", err)
		}
	}
	if _, ok := root["website_id"]; !ok {
		root["website_id"] = crisptest.WebsiteID
		if d, ok := root["data"].(map[string]any); ok {
			if w, ok := d["website_id"]; ok {
				root["website_id"] = w
			}
		}
	}
	body, err := encodeObject(hookKeys, root)
	if err != nil {
		return nil, nil, fmt.Errorf("encode the event: %w", err)
	}
	return body, root, nil
}

func runTrigger(ctx context.Context, g *globals, f *triggerFlags, event string) error {
	if f.to == "" && !g.mock && !f.printJSON {
		return usageErrorf("say where to send the event: --to URL (a local web hook endpoint), --mock (through a running crisp mock) or --print-json")
	}
	if f.to != "" {
		if err := checkHookURL("--to", f.to); err != nil {
			return err
		}
	}
	now := time.Now()
	body, root, err := triggerBody(event, f.sets, now)
	if err != nil {
		return err
	}
	if f.printJSON {
		if _, err := fmt.Fprintf(g.stdout, "%s\n", body); err != nil {
			return err
		}
	}
	if g.mock {
		n, err := pushToMock(ctx, g.base(), fmt.Sprint(root["event"]), root["data"])
		if err != nil {
			return err
		}
		_, _ = fmt.Fprintf(g.stderr, "Pushed %s through crisp mock to %d listening socket(s)\n", event, n)
	}
	if f.to == "" {
		return nil
	}
	secret := hookSecret(f.secret)
	d, err := newDeliverer(f.to, secret).deliver(ctx, body, now)
	if err != nil {
		return fmt.Errorf("POST %s: %w", f.to, err)
	}
	signed := "signed"
	if secret == "" {
		signed = "unsigned (no --secret)"
	}
	_, _ = fmt.Fprintf(g.stderr, "Sent %s to %s, %s: %s in %s\n", event, f.to, signed, statusText(d.Status), d.Latency.Round(time.Millisecond))
	if d.Status < 200 || d.Status > 299 {
		return fmt.Errorf("the endpoint answered %s (Crisp would deliver the event again)", statusText(d.Status))
	}
	return nil
}
