package rtm_test

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
)

// A plugin that prints the messages visitors send, on every website that
// installed it.
func Example() {
	identifier, key := os.Getenv("CRISP_IDENTIFIER"), os.Getenv("CRISP_KEY")
	rest, err := crisp.New(crisp.WithToken(crisp.TierPlugin, identifier, key))
	if err != nil {
		fmt.Println(err)
		return
	}
	router := events.NewRouter()
	events.On(router, "message:send", func(_ context.Context, m api.EventMessageSend, ev *events.Event) error {
		fmt.Println(ev.WebsiteID, m.SessionID, m.Type)
		return nil
	})
	client, err := rtm.New(rest, crisp.TierPlugin, identifier, key, router,
		rtm.WithErrorHandler(func(err error) { fmt.Fprintln(os.Stderr, err) }),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	// Stop cleanly (a Socket.IO goodbye to Crisp) on Ctrl-C or SIGTERM.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := client.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Println(err)
	}
}
