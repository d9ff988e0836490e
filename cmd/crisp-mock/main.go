// Command crisp-mock serves the fake Crisp REST API V1 of package crisptest
// on an address, for tests written in other languages.
//
//	go run ./cmd/crisp-mock -addr 127.0.0.1:8080
//
// Point a client at http://127.0.0.1:8080/v1/ with the token
// crisptest-identifier:crisptest-key (any tier). Every request is
// validated against openapi.yaml; websites, conversations, messages and
// people profiles are kept in memory (integers exact, even above 2^53);
// other routes answer the spec's examples. A query parameter the fake does
// not model is named in the X-Crisptest-Unmodelled response header.
//
// The crisp command-line tool (cmd/crisp) serves the same fake with
// crisp mock, plus a fake RTM socket, --seed and a request log; this
// command stays for the scripts that use it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/crisp-go/crisp-go/crisptest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return
		}
		log.Fatal(err)
	}
}

// run serves until ctx is done, after writing the served URL to out.
func run(ctx context.Context, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("crisp-mock", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	identifier := fs.String("identifier", crisptest.Identifier, "token identifier to accept")
	key := fs.String("key", crisptest.Key, "token key to accept")
	stateless := fs.Bool("stateless", false, "answer every route with its example from openapi.yaml")
	if err := fs.Parse(args); err != nil {
		return err
	}

	opts := []crisptest.Option{crisptest.WithCredentials(*identifier, *key)}
	if *stateless {
		opts = append(opts, crisptest.Stateless())
	}
	srv, err := crisptest.Listen(*addr, opts...)
	if err != nil {
		return err
	}
	defer srv.Close()
	if _, err := fmt.Fprintf(out, "crisp-mock: serving %s (website %s)\n", srv.URL(), crisptest.WebsiteID); err != nil {
		return err
	}
	<-ctx.Done()
	return nil
}
