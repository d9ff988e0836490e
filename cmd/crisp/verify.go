package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/crisp-go/crisp-go/webhook"
	"github.com/spf13/cobra"
)

// verifyFlags are the flags of crisp verify.
type verifyFlags struct {
	secret, timestamp, signature, bodyFile string
	tolerance                              time.Duration
}

func newVerifyCmd(g *globals) *cobra.Command {
	f := &verifyFlags{}
	cmd := &cobra.Command{
		Use:   "verify --secret S --timestamp T --signature SIG < body",
		Short: "Check the signature of a captured web hook",
		Long: `Check a web hook captured from Crisp (or from crisp listen or trigger): the
raw body, read from standard input (or --body-file), its
X-Crisp-Request-Timestamp (--timestamp) and X-Crisp-Signature
(--signature), against the plugin's signing secret (--secret, or
$CRISP_HOOK_SECRET), as package webhook verifies them: the signature is
the hex HMAC-SHA256 of "[" + timestamp + ";" + body + "]", and the
timestamp must be within --tolerance of this machine's clock.

It says why a hook fails: a signature that does not match (and whether
the body has a line break at its end, or would match with another
timestamp), or a stale timestamp (how old it is). It exits with status 0
when the hook verifies, 1 when it does not.`,
		Example: `  crisp verify --secret "$CRISP_HOOK_SECRET" --timestamp 1729162880114 --signature 5f0c...e9 < body.json
  crisp verify --timestamp 1729162880114 --signature 5f0c...e9 --body-file body.json --tolerance 24h`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageErrorf("verify takes no arguments: the body comes on standard input")
			}
			return nil
		},
		RunE: func(_ *cobra.Command, _ []string) error {
			return runVerify(g, f, time.Now())
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.secret, "secret", "", "the web hook signing secret (default $CRISP_HOOK_SECRET)")
	fl.StringVar(&f.timestamp, "timestamp", "", "the X-Crisp-Request-Timestamp header")
	fl.StringVar(&f.signature, "signature", "", "the X-Crisp-Signature header")
	fl.StringVar(&f.bodyFile, "body-file", "", "read the body from this file instead of standard input")
	fl.DurationVar(&f.tolerance, "tolerance", webhook.DefaultTolerance, "how far the timestamp may be from this machine's clock")
	return cmd
}

func runVerify(g *globals, f *verifyFlags, now time.Time) error {
	secret := hookSecret(f.secret)
	switch {
	case secret == "":
		return usageErrorf("verify needs the signing secret: --secret or CRISP_HOOK_SECRET")
	case f.timestamp == "":
		return usageErrorf("verify needs --timestamp (the X-Crisp-Request-Timestamp header)")
	case f.signature == "":
		return usageErrorf("verify needs --signature (the X-Crisp-Signature header)")
	}
	var body []byte
	var err error
	if f.bodyFile != "" {
		body, err = os.ReadFile(f.bodyFile)
	} else {
		body, err = io.ReadAll(g.stdin)
	}
	if err != nil {
		return fmt.Errorf("read the body: %w", err)
	}
	err = webhook.VerifyAt(secret, f.timestamp, body, f.signature, now, f.tolerance)
	if err == nil {
		ts, _ := webhook.ParseTimestamp(f.timestamp)
		_, _ = fmt.Fprintf(g.stdout, "OK: the signature matches the body (%d bytes) and the timestamp (%s old, within %s).\n", len(body), age(now, ts), f.tolerance)
		return nil
	}
	return errors.New(explain(err, secret, f, body, now))
}

// explain says why a web hook failed verification.
func explain(err error, secret string, f *verifyFlags, body []byte, now time.Time) string {
	switch {
	case errors.Is(err, webhook.ErrStaleTimestamp):
		ts, perr := webhook.ParseTimestamp(f.timestamp)
		if perr != nil {
			return fmt.Sprintf("stale timestamp: %q is not a Unix time in seconds or milliseconds (the signature matches it)", f.timestamp)
		}
		return fmt.Sprintf("stale timestamp: the signature matches, but the timestamp (%s) is %s from this machine's clock, more than the tolerance of %s; a replayed hook, or a clock off (--tolerance to accept it)",
			ts.UTC().Format(time.RFC3339), age(now, ts), f.tolerance)
	case errors.Is(err, webhook.ErrBadSignature):
		msg := fmt.Sprintf("bad signature: %s is not the HMAC-SHA256 of \"[%s;<body of %d bytes>]\" under this secret", f.signature, f.timestamp, len(body))
		trimmed := bytes.TrimRight(body, "\r\n")
		switch {
		case len(trimmed) < len(body) && webhook.VerifyAt(secret, f.timestamp, trimmed, f.signature, now, 0) == nil:
			msg += "; it matches the body without its final line break: the body was changed after it was received (an editor or echo adds one; use printf or --body-file with the exact bytes)"
		default:
			msg += "; check the secret (the plugin's web hook secret, not its token key), and that the body is the raw bytes received, not re-encoded JSON"
		}
		return msg
	}
	return err.Error()
}

// age is how far t is from now, as "3m20s" or "2h0m0s in the future".
func age(now, t time.Time) string {
	d := now.Sub(t).Round(time.Second)
	if d < 0 {
		return (-d).String() + " in the future"
	}
	return d.String()
}
