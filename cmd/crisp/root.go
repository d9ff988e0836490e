package main

import (
	"cmp"
	"errors"
	"io"
	"os"
	"strings"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/spf13/cobra"
)

// defaultMockURL is the REST base URL of `crisp mock` with its default
// --addr.
const defaultMockURL = "http://127.0.0.1:8080/v1/"

// userAgent identifies the tool to Crisp.
const userAgent = "crisp-go-cli/" + crisp.Version

// globals holds the streams and the flags shared by every command.
type globals struct {
	stdin          io.Reader
	stdout, stderr io.Writer

	identifier, key, tier, baseURL string
	mock                           bool
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	g := &globals{stdin: stdin, stdout: stdout, stderr: stderr}
	root := &cobra.Command{
		Use:   "crisp",
		Short: "Work with the Crisp API from the command line",
		Long: `crisp works with the Crisp REST API V1 and its events from the command line:
it forwards Crisp's events to a local web hook endpoint as Crisp delivers
them (listen, trigger), calls any operation of the REST API (call,
operations), runs a fake Crisp on this machine (mock) and checks web hook
signatures (verify).

Credentials: a Crisp token is a keypair (identifier and key) of a tier
(plugin, website or user). Give them with --identifier, --key and --tier,
or with the environment variables CRISP_IDENTIFIER, CRISP_KEY and
CRISP_TIER (default plugin); prefer the environment, since other users of
the machine can read command lines. --base-url (or CRISP_BASE_URL) sends
every request to another API root; --mock uses a running 'crisp mock' and
its token, so that everything can be tried without a Crisp account.

Exit status: 0 on success, 1 when the command failed (an error answer of
Crisp, a network failure, a web hook that does not verify), 2 when the
command line is wrong.`,
		Example: `  # Try everything without an account: a fake Crisp in one terminal...
  crisp mock
  # ...events forwarded to your app in another...
  crisp listen --mock --forward-to http://localhost:3000/hooks
  # ...and in a third, an event through the fake, and a REST call.
  crisp trigger message:send --mock
  crisp call --mock listConversations website_id=8c842203-7ed8-4e29-a608-7cf78a7d2fcc

  # With a real token.
  export CRISP_IDENTIFIER=... CRISP_KEY=... CRISP_TIER=plugin
  crisp listen --forward-to http://localhost:3000/hooks --events message:send
  crisp call getConversation website_id=... session_id=...`,
		Version:           crisp.Version,
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.identifier, "identifier", "", "token identifier (default $CRISP_IDENTIFIER)")
	pf.StringVar(&g.key, "key", "", "token key (default $CRISP_KEY; prefer the variable: command lines are visible to other users)")
	pf.StringVar(&g.tier, "tier", "", "token tier: plugin, website or user (default $CRISP_TIER, else plugin)")
	pf.StringVar(&g.baseURL, "base-url", "", "REST API root (default $CRISP_BASE_URL, else "+crisp.DefaultBaseURL+"; "+defaultMockURL+" with --mock)")
	pf.BoolVar(&g.mock, "mock", false, "use a running 'crisp mock' (at --base-url) with its token instead of Crisp")
	_ = root.RegisterFlagCompletionFunc("tier", cobra.FixedCompletions([]string{"plugin", "website", "user"}, cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(newListenCmd(g), newTriggerCmd(g), newCallCmd(g), newOperationsCmd(g), newMockCmd(g), newVerifyCmd(g))
	return root
}

// token returns the credentials: the flags, else (without --mock) the
// environment; with --mock, the token of crisp mock.
func (g *globals) token() (tier crisp.Tier, identifier, key string, err error) {
	identifier, key, t := g.identifier, g.key, g.tier
	if g.mock {
		identifier = cmp.Or(identifier, crisptest.Identifier)
		key = cmp.Or(key, crisptest.Key)
	} else {
		identifier = cmp.Or(identifier, os.Getenv("CRISP_IDENTIFIER"))
		key = cmp.Or(key, os.Getenv("CRISP_KEY"))
		t = cmp.Or(t, os.Getenv("CRISP_TIER"))
	}
	if identifier == "" || key == "" {
		return "", "", "", usageErrorf("no Crisp token: set CRISP_IDENTIFIER and CRISP_KEY (or --identifier and --key), or use --mock with a running 'crisp mock'")
	}
	tier = crisp.Tier(cmp.Or(t, string(crisp.TierPlugin)))
	if !tier.Valid() {
		return "", "", "", usageErrorf("unknown token tier %q (plugin, website or user)%s", t, didYouMean(t, []string{"plugin", "website", "user"}))
	}
	return tier, identifier, key, nil
}

// base returns the REST API root: --base-url, else $CRISP_BASE_URL, else
// the default (Crisp's, or crisp mock's with --mock).
func (g *globals) base() string {
	if b := cmp.Or(g.baseURL, os.Getenv("CRISP_BASE_URL")); b != "" {
		return b
	}
	if g.mock {
		return defaultMockURL
	}
	return crisp.DefaultBaseURL
}

// client returns a REST client with the credentials and base URL of the
// flags and environment, and extra options.
func (g *globals) client(timeout time.Duration, extra ...crisp.Option) (*crisp.Client, error) {
	tier, identifier, key, err := g.token()
	if err != nil {
		return nil, err
	}
	opts := append([]crisp.Option{
		crisp.WithToken(tier, identifier, key),
		crisp.WithBaseURL(g.base()),
		crisp.WithUserAgent(userAgent),
		crisp.WithTimeout(timeout),
	}, extra...)
	c, err := crisp.New(opts...)
	if err != nil {
		var e *crisp.Error
		if errors.As(err, &e) {
			return nil, usageErrorf("%s", strings.TrimPrefix(e.Message, "crisp: "))
		}
		return nil, &usageError{err}
	}
	return c, nil
}
