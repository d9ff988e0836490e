// Command crispprog imports package crisp only and calls one method: what
// a program that uses crisp-go costs to build (scripts/bench-build).
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/crisp-go/crisp-go/crisp"
)

func main() {
	c, err := crisp.New(crisp.WithTokenFromEnv(), crisp.WithBaseURL("http://127.0.0.1:1/v1/"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	convs, err := c.Website.ListConversations(context.Background(), os.Getenv("CRISP_WEBSITE_ID"), 1, nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, conv := range convs {
		fmt.Println(conv.SessionID)
	}
}
