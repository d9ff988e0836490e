package crisp_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
)

func ExampleNew() {
	client, err := crisp.New(
		crisp.WithToken(crisp.TierPlugin, "your-identifier", "your-key"),
		crisp.WithTimeout(15*time.Second),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(client.Tier())
	// Output: plugin
}

// fakeCrisp starts the embedded fake Crisp server for the examples.
func fakeCrisp() (*crisptest.Server, *crisp.Client) {
	srv, err := crisptest.NewServer()
	if err != nil {
		log.Fatal(err)
	}
	client, err := srv.NewClient()
	if err != nil {
		log.Fatal(err)
	}
	return srv, client
}

func ExampleWebsiteService_SendTextMessage() {
	srv, client := fakeCrisp()
	defer srv.Close()
	ctx := context.Background()

	sessionID, err := client.Website.CreateNewConversation(ctx, crisptest.WebsiteID)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := client.Website.SendTextMessage(ctx, crisptest.WebsiteID, sessionID, "Hello!"); err != nil {
		log.Fatal(err)
	}
	page, err := client.Website.GetMessagesInConversation(ctx, crisptest.WebsiteID, sessionID, nil)
	if err != nil {
		log.Fatal(err)
	}
	text, _ := crisp.MessageText(&page.Messages[0])
	fmt.Println(page.Messages[0].From, text)
	// Output: operator Hello!
}

func ExampleWebsiteService_ListConversationsIter() {
	srv, client := fakeCrisp()
	defer srv.Close()
	ctx := context.Background()
	for range 3 {
		id, _ := client.Website.CreateNewConversation(ctx, crisptest.WebsiteID)
		_, _ = client.Website.SendTextMessage(ctx, crisptest.WebsiteID, id, "Hi")
	}

	n := 0
	for conv, err := range client.Website.ListConversationsIter(ctx, crisptest.WebsiteID, &crisp.ListConversationsOptions{FilterNotResolved: true}) {
		if err != nil {
			log.Fatal(err)
		}
		_ = conv.SessionID
		n++
	}
	fmt.Println(n, "conversations")
	// Output: 3 conversations
}

func ExampleWebsiteService_ChangeConversationState() {
	srv, client := fakeCrisp()
	defer srv.Close()
	ctx := context.Background()
	id, _ := client.Website.CreateNewConversation(ctx, crisptest.WebsiteID)

	if err := client.Website.ChangeConversationState(ctx, crisptest.WebsiteID, id, &api.ConversationStateChange{State: api.ConversationStateResolved}); err != nil {
		log.Fatal(err)
	}
	state, _ := client.Website.GetConversationState(ctx, crisptest.WebsiteID, id)
	fmt.Println(state.State)
	// Output: resolved
}

func Example_errors() {
	srv, client := fakeCrisp()
	defer srv.Close()

	_, err := client.Website.GetConversation(context.Background(), crisptest.WebsiteID, "session_unknown")
	var apiErr *crisp.Error
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Reason)
	}
	fmt.Println(errors.Is(err, crisp.ErrNotFound))

	_, err = client.Website.GetConversation(context.Background(), crisptest.WebsiteID, "..")
	fmt.Println(errors.Is(err, crisp.ErrInvalidArgument))
	// Output:
	// 404 not_found
	// true
	// true
}
