//go:build unix

package rtm_test

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"
	"testing"

	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
)

// TestSignalsStopAProgramThatImportsRTM runs a program that imports rtm
// and runs a client (the test binary, re-executed), sends it a signal,
// and expects the Go runtime's default reaction: SIGTERM and SIGINT kill
// the process, SIGQUIT makes it exit with status 2 and a goroutine dump.
// The Socket.IO library rtm used to be built on swallowed the first of
// each.
func TestSignalsStopAProgramThatImportsRTM(t *testing.T) {
	ctx := testContext(t)
	sock := rtmtest.Start(t)
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT, syscall.SIGQUIT} {
		t.Run(sig.String(), func(t *testing.T) {
			if sig == syscall.SIGINT && signal.Ignored(sig) {
				t.Skip("SIGINT is ignored by this process, hence by its children")
			}
			cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), helperEnv+"=1", helperEndpointEnv+"="+sock.URL())
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The client is running and authenticated.
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if err != nil || line != "connected\n" {
				_ = cmd.Process.Kill()
				_ = cmd.Wait()
				t.Fatalf("child said %q, %v; stderr:\n%s", line, err, stderr.String())
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err = cmd.Wait()
			var exit *exec.ExitError
			if !errors.As(err, &exit) {
				t.Fatalf("child exited with %v, want an exit by %v; stderr:\n%s", err, sig, stderr.String())
			}
			ws := exit.Sys().(syscall.WaitStatus)
			switch sig {
			case syscall.SIGQUIT:
				if ws.ExitStatus() != 2 || !strings.Contains(stderr.String(), "SIGQUIT: quit") {
					t.Errorf("child: %v, want exit status 2 and a goroutine dump; stderr:\n%.2000s", err, stderr.String())
				}
			default:
				if !ws.Signaled() || ws.Signal() != sig {
					t.Errorf("child: %v, want killed by %v; stderr:\n%s", err, sig, stderr.String())
				}
			}
		})
	}
}
