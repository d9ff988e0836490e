// Command rtmprog is a tiny program that imports packages crisp and rtm
// and runs an RTM client until it is killed (it handles no signal): the
// subject of the binary size and build time figures of docs/benchmarks.md
// ("RTM dependency cost").
//
//	go run ./rtm/testdata/rtmprog http://127.0.0.1:1/p/1/
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
)

func main() {
	endpoint := "http://127.0.0.1:1/p/1/"
	if len(os.Args) > 1 {
		endpoint = os.Args[1]
	}
	rest, err := crisp.New(crisp.WithToken(crisp.TierPlugin, "identifier", "key"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	router := events.NewRouter()
	router.Handle("message:send", func(context.Context, *events.Event) error { return nil })
	client, err := rtm.New(rest, "", "identifier", "key", router, rtm.WithEndpoint(endpoint))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fmt.Println("ready")
	// Run retries for ever against an endpoint that does not answer: only
	// a signal ends the program.
	err = client.Run(context.Background())
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
