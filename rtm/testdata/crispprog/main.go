// Command crispprog imports package crisp and not rtm: the baseline of
// the binary size figures of docs/benchmarks.md ("RTM dependency cost").
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/crisp-go/crisp-go/crisp"
)

func main() {
	rest, err := crisp.New(crisp.WithToken(crisp.TierPlugin, "identifier", "key"), crisp.WithBaseURL("http://127.0.0.1:1/v1/"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	ep, err := rest.RTMEndpoint(context.Background())
	fmt.Println(ep, err)
}
