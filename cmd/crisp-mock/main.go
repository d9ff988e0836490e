// Command crisp-mock serves the fake Crisp REST API V1 of package crisptest
// on an address, for tests written in other languages.
//
//	go run ./cmd/crisp-mock -addr 127.0.0.1:8080
//
// Point a client at http://127.0.0.1:8080/v1/ with the token
// crisptest-identifier:crisptest-key (any tier). Every request is
// validated against openapi.yaml; conversations, messages and people
// profiles are kept in memory; other routes answer the spec's examples.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/crisp-go/crisp-go/crisptest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	identifier := flag.String("identifier", crisptest.Identifier, "token identifier to accept")
	key := flag.String("key", crisptest.Key, "token key to accept")
	stateless := flag.Bool("stateless", false, "answer every route with its example from openapi.yaml")
	flag.Parse()

	opts := []crisptest.Option{crisptest.WithCredentials(*identifier, *key)}
	if *stateless {
		opts = append(opts, crisptest.Stateless())
	}
	srv, err := crisptest.Listen(*addr, opts...)
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	fmt.Printf("crisp-mock: serving %s (website %s)\n", srv.URL(), crisptest.WebsiteID)
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
}
