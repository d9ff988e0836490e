// Command quickstart lists a website's conversations and sends a message
// with the crisp client.
//
// Without CRISP_IDENTIFIER and CRISP_KEY it starts the embedded fake Crisp
// server (package crisptest) and runs against it, creating a conversation
// first. With them it talks to the real API: set CRISP_WEBSITE_ID, and
// CRISP_SESSION_ID to also send a message to that conversation (CRISP_TIER
// defaults to plugin).
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := run(ctx); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context) error {
	var client *crisp.Client
	websiteID, sessionID := os.Getenv("CRISP_WEBSITE_ID"), os.Getenv("CRISP_SESSION_ID")
	if os.Getenv("CRISP_IDENTIFIER") == "" || os.Getenv("CRISP_KEY") == "" {
		fmt.Println("No CRISP_IDENTIFIER/CRISP_KEY set: running against the embedded fake Crisp server.")
		srv, err := crisptest.NewServer()
		if err != nil {
			return err
		}
		defer srv.Close()
		if client, err = srv.NewClient(); err != nil {
			return err
		}
		websiteID = crisptest.WebsiteID
		// The fake server starts empty: open a conversation to talk in.
		if sessionID, err = client.Website.CreateNewConversation(ctx, websiteID); err != nil {
			return err
		}
		fmt.Printf("Created conversation %s on %s\n", sessionID, srv.URL())
	} else {
		var err error
		if client, err = crisp.New(crisp.WithTokenFromEnv()); err != nil {
			return err
		}
		if websiteID == "" {
			return fmt.Errorf("set CRISP_WEBSITE_ID to the website to list")
		}
	}

	if sessionID != "" {
		fp, err := client.Website.SendTextMessage(ctx, websiteID, sessionID, "Hello from crisp-go!")
		if err != nil {
			return err
		}
		fmt.Printf("Sent a message to %s (fingerprint %d)\n", sessionID, fp)
	}

	n := 0
	for conv, err := range client.Website.ListConversationsIter(ctx, websiteID, nil) {
		if err != nil {
			return err
		}
		fmt.Printf("- %s [%s] %q\n", conv.SessionID, conv.State, conv.LastMessage)
		if n++; n == 20 {
			break
		}
	}
	fmt.Printf("Listed %d conversation(s).\n", n)
	return nil
}
