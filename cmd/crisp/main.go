// Command crisp works with the Crisp REST API V1 and its events from the
// command line, as the Stripe CLI does for Stripe:
//
//   - crisp listen forwards the events of Crisp's RTM API to a local URL,
//     signed exactly as Crisp signs web hooks, so that a bot or plugin can
//     be developed without a public URL;
//   - crisp trigger sends a signed sample event (the spec's example of the
//     event's payload) to a local endpoint, or through crisp mock;
//   - crisp call calls any operation of openapi.yaml by its operationId;
//     crisp operations lists them;
//   - crisp mock runs the fake Crisp of package crisptest (REST API and RTM
//     socket) on this machine;
//   - crisp verify checks the signature of a captured web hook.
//
// Install it with
//
//	go install github.com/crisp-go/crisp-go/cmd/crisp@latest
//
// and run crisp --help, or crisp help COMMAND, for the details.
// crisp completion bash|zsh|fish|powershell prints a shell completion
// script (operationIds and their parameters included).
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// After the first Ctrl-C, a second one kills the process at once.
		<-ctx.Done()
		stop()
	}()
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes the command line args and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	msg := strings.TrimPrefix(err.Error(), "crisp: ")
	_, _ = fmt.Fprintln(stderr, "Error:", msg)
	if strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") {
		return exitUsage
	}
	return exitCode(err)
}
