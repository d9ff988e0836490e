package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
	"github.com/spf13/cobra"
)

// listenFlags are the flags of crisp listen.
type listenFlags struct {
	forwardTo string
	events    []string
	secret    string
	printJSON bool
	websites  []string
}

func newListenCmd(g *globals) *cobra.Command {
	f := &listenFlags{}
	cmd := &cobra.Command{
		Use:   "listen [--forward-to URL]",
		Short: "Forward the events of Crisp's RTM API to a local web hook endpoint",
		Long: `Connect to Crisp's RTM API (a Socket.IO connection that the tool opens, so
no public URL is needed) with the token, subscribe to the events of
--events (default: all of them) and deliver each one to --forward-to
exactly as Crisp delivers a web hook: a POST of the JSON body
{website_id, event, data, timestamp} (data as Crisp sent it), signed in
X-Crisp-Signature and X-Crisp-Request-Timestamp with --secret (or
$CRISP_HOOK_SECRET; without either, a secret is generated and printed).
Give your endpoint that secret (webhook.WithSecret in Go).

One line per event tells the time, the event, the website, the session
and, when forwarding, the status your endpoint answered and its latency.
--print-json writes each web hook body to standard output as one JSON
line (the event lines then go to standard error).

The connection is kept as package rtm keeps it: it reconnects with
backoff when it drops, and stops when Crisp refuses the token. Events sent
while it was disconnected are lost, as with Crisp's RTM API. Ctrl-C stops
it cleanly.

--mock connects to a running 'crisp mock' instead of Crisp; 'crisp trigger
EVENT --mock' then sends events through it.`,
		Example: `  crisp listen --forward-to http://localhost:3000/hooks
  crisp listen --forward-to http://localhost:3000/hooks --events message:send,session:set_state --secret "$CRISP_HOOK_SECRET"
  crisp listen --events 'message:*' --print-json | jq .data.content
  crisp listen --mock --forward-to http://localhost:3000/hooks`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("listen takes no arguments (did you mean --forward-to %s?)", args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runListen(cmd.Context(), g, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.forwardTo, "forward-to", "", "URL to POST each event to as a signed web hook")
	fl.StringSliceVar(&f.events, "events", nil, "events to subscribe to, comma-separated; a trailing * matches a prefix (message:*); default all")
	fl.StringVar(&f.secret, "secret", "", "web hook signing secret (default $CRISP_HOOK_SECRET, else a generated one)")
	fl.BoolVar(&f.printJSON, "print-json", false, "write each web hook body to standard output, one JSON per line")
	fl.StringSliceVar(&f.websites, "websites", nil, "receive only the events of these website IDs (comma-separated)")
	_ = cmd.RegisterFlagCompletionFunc("events", func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		done, last := "", toComplete
		if i := strings.LastIndex(toComplete, ","); i >= 0 {
			done, last = toComplete[:i+1], toComplete[i+1:]
		}
		var out []string
		for _, n := range events.All() {
			if strings.HasPrefix(string(n), last) {
				out = append(out, done+string(n))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	})
	return cmd
}

// eventNames resolves --events: names of events.All, or prefixes ending
// in *; none means all.
func eventNames(list []string) ([]events.Name, error) {
	all := events.All()
	if len(list) == 0 {
		return all, nil
	}
	names := make([]string, len(all))
	for i, n := range all {
		names[i] = string(n)
	}
	seen := map[events.Name]bool{}
	var out []events.Name
	add := func(n events.Name) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, want := range list {
		want = strings.TrimSpace(want)
		if prefix, ok := strings.CutSuffix(want, "*"); ok {
			matched := false
			for _, n := range all {
				if strings.HasPrefix(string(n), prefix) {
					add(n)
					matched = true
				}
			}
			if !matched {
				return nil, usageErrorf("--events: no event matches %q", want)
			}
			continue
		}
		if _, ok := events.PayloadType(events.Name(want)); !ok {
			return nil, usageErrorf("--events: unknown event %q%s (crisp trigger --list lists them)", want, didYouMean(want, names))
		}
		add(events.Name(want))
	}
	return out, nil
}

func runListen(ctx context.Context, g *globals, f *listenFlags) error {
	names, err := eventNames(f.events)
	if err != nil {
		return err
	}
	if f.forwardTo != "" {
		if err := checkHookURL("--forward-to", f.forwardTo); err != nil {
			return err
		}
	}
	tier, identifier, key, err := g.token()
	if err != nil {
		return err
	}
	client, err := g.client(30 * time.Second)
	if err != nil {
		return err
	}
	// Event lines go to stdout, unless stdout carries the JSON.
	lines := g.stdout
	if f.printJSON {
		lines = g.stderr
	}
	l := &listener{out: g.stdout, lines: lines, printJSON: f.printJSON}
	secret := hookSecret(f.secret)
	if f.forwardTo != "" {
		if secret == "" {
			secret = newSecret()
			_, _ = fmt.Fprintf(g.stderr, "Your web hook signing secret is %s (give --secret or set CRISP_HOOK_SECRET to choose it)\n", secret)
		}
		l.deliver = newDeliverer(f.forwardTo, secret)
	}
	router := events.NewRouter()
	router.HandleUnknown(l.handle)
	var connects int
	opts := []rtm.Option{
		rtm.WithEvents(names...),
		rtm.WithOnConnect(func() {
			connects++
			if connects == 1 {
				where := "printing them"
				if f.forwardTo != "" {
					where = "forwarding them to " + f.forwardTo
				}
				_, _ = fmt.Fprintf(g.stderr, "Ready! Listening to %d event(s) on Crisp's RTM API as a %s token, %s (Ctrl-C to quit)\n", len(names), tier, where)
			} else {
				_, _ = fmt.Fprintln(g.stderr, "Reconnected (events sent meanwhile are lost)")
			}
		}),
		rtm.WithErrorHandler(func(err error) {
			_, _ = fmt.Fprintf(g.stderr, "rtm: %v (reconnecting)\n", err)
		}),
	}
	if len(f.websites) > 0 {
		opts = append(opts, rtm.WithRooms(f.websites...))
	}
	rc, err := rtm.New(client, tier, identifier, key, router, opts...)
	if err != nil {
		return usageErrorf("%v", err)
	}
	err = rc.Run(ctx)
	if ctx.Err() != nil {
		_, _ = fmt.Fprintln(g.stderr, "Stopped.")
		return nil
	}
	if errors.Is(err, rtm.ErrUnauthorized) {
		return fmt.Errorf("%w: check the token (its identifier, key and tier)", err)
	}
	return err
}

// listener handles the events of crisp listen.
type listener struct {
	mu        sync.Mutex
	out       io.Writer
	lines     io.Writer
	printJSON bool
	deliver   *deliverer
}

// handle prints and forwards one event. A delivery failure is printed,
// not returned: listening goes on.
func (l *listener) handle(ctx context.Context, ev *events.Event) error {
	now := time.Now()
	body, err := hookBody(ev.WebsiteID, string(ev.Name), ev.Data, now.UnixMilli())
	if err != nil {
		l.printf("%s  %s  cannot encode the event: %v\n", now.Format("15:04:05"), ev.Name, err)
		return nil
	}
	if l.printJSON {
		l.mu.Lock()
		_, _ = fmt.Fprintf(l.out, "%s\n", body)
		l.mu.Unlock()
	}
	var ids struct {
		SessionID string `json:"session_id"`
	}
	_ = json.Unmarshal(ev.Data, &ids)
	line := fmt.Sprintf("%s  %-34s  website %s  session %s", now.Format("15:04:05"), ev.Name, cmpDash(ev.WebsiteID), cmpDash(ids.SessionID))
	if l.deliver != nil {
		d, err := l.deliver.deliver(ctx, body, now)
		switch {
		case err != nil && ctx.Err() != nil:
			line += "  -> not delivered: stopping"
		case err != nil:
			line += "  -> failed: " + err.Error()
		default:
			line += fmt.Sprintf("  -> %s  %s", statusText(d.Status), d.Latency.Round(time.Millisecond))
		}
	}
	l.printf("%s\n", line)
	return nil
}

// printf writes an event line.
func (l *listener) printf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, _ = fmt.Fprintf(l.lines, format, args...)
}

// cmpDash returns s, or "-" when it is empty.
func cmpDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
