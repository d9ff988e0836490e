// Command bot is the Go version of Crisp's "create your own bot" example:
// it answers every message a user (visitor) sends with "I'm a bot".
//
// Crisp tells the bot about new messages with the message:send event,
// delivered either as a web hook (-mode webhook, the default: Crisp POSTs
// events to http://<-addr>/crisp/hooks) or over the RTM API (-mode rtm).
// The bot answers through the REST API, as an operator.
//
// Without CRISP_IDENTIFIER and CRISP_KEY it runs a demonstration against
// the embedded fake Crisp servers: a visitor opens a conversation and
// writes, Crisp tells the bot (a signed message:send web hook from package
// crisptest, or, with -mode rtm, a message:send event pushed over the
// socket of package crisptest/rtmtest), and the demo prints the
// conversation, the bot's reply included. With them it serves real
// events: set CRISP_TIER (default plugin) and, for plugin hooks,
// CRISP_HOOK_SECRET to verify their signatures. In RTM mode the bot
// connects to the socket of the token's tier and subscribes to
// message:send; it reconnects by itself when the connection drops.
//
//	go run ./examples/bot
//	go run ./examples/bot -mode rtm
//	CRISP_IDENTIFIER=... CRISP_KEY=... CRISP_HOOK_SECRET=... go run ./examples/bot -addr :8080
//	CRISP_IDENTIFIER=... CRISP_KEY=... go run ./examples/bot -mode rtm
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/crisptest/rtmtest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/rtm"
	"github.com/crisp-go/crisp-go/webhook"
)

// reply is what the bot answers.
const reply = "I'm a bot"

// hookPath is where the bot receives web hooks.
const hookPath = "/crisp/hooks"

// demoTimeout bounds the demonstrations.
const demoTimeout = 30 * time.Second

// message is the part of a message:send event the bot reads.
type message struct {
	WebsiteID string          `json:"website_id"`
	SessionID string          `json:"session_id"`
	From      api.MessageFrom `json:"from"`
	Type      api.MessageType `json:"type"`
	// Content is a string for text messages and an object for the other
	// types: keep it raw.
	Content json.RawMessage `json:"content"`
}

// newRouter returns the bot: a router that answers each message:send from
// a user with "I'm a bot", sent through client. Messages from operators
// (the bot's own replies among them) are ignored, so the bot never talks
// to itself.
func newRouter(client *crisp.Client) *events.Router {
	r := events.NewRouter()
	events.On(r, "message:send", func(ctx context.Context, m message, ev *events.Event) error {
		if m.From != api.MessageFromUser {
			return nil
		}
		websiteID := m.WebsiteID
		if websiteID == "" {
			websiteID = ev.WebsiteID // web hooks also carry it at the top level
		}
		if websiteID == "" || m.SessionID == "" {
			return fmt.Errorf("bot: message:send without website_id or session_id")
		}
		log.Printf("bot: %s sent a %s message: %s", m.SessionID, m.Type, m.Content)
		_, err := client.Website.SendMessageInConversation(ctx, websiteID, m.SessionID, crisp.NewOperatorMessage(reply))
		if err != nil {
			return fmt.Errorf("bot: reply in %s: %w", m.SessionID, err)
		}
		return nil
	})
	return r
}

// hookHandler serves the bot's web hooks; with a secret it accepts only
// signed ones (plugin hooks).
func hookHandler(router *events.Router, secret string) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(hookPath, webhook.NewHandler(router, webhook.WithSecret(secret)))
	return mux
}

func main() {
	mode := flag.String("mode", "webhook", "how Crisp delivers events: webhook or rtm")
	addr := flag.String("addr", ":8080", "address to receive web hooks on (webhook mode)")
	flag.Parse()

	// Stop cleanly (the RTM socket says goodbye) on Ctrl-C or SIGTERM.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *mode, *addr); err != nil {
		log.Fatal(err)
	}
}

func run(ctx context.Context, mode, addr string) error {
	if mode != "webhook" && mode != "rtm" {
		return fmt.Errorf("bot: unknown -mode %q (webhook or rtm)", mode)
	}
	identifier, key := os.Getenv("CRISP_IDENTIFIER"), os.Getenv("CRISP_KEY")
	if identifier == "" || key == "" {
		if mode == "rtm" {
			return demoRTM(ctx)
		}
		return demoWebhook(ctx)
	}

	client, err := crisp.New(crisp.WithTokenFromEnv())
	if err != nil {
		return err
	}
	router := newRouter(client)
	if mode == "rtm" {
		return serveRTM(ctx, client, identifier, key, router, rtm.WithLogger(slog.Default()))
	}
	secret := os.Getenv("CRISP_HOOK_SECRET")
	if secret == "" {
		log.Printf("bot: CRISP_HOOK_SECRET is not set: web hooks are not verified")
	}
	srv := &http.Server{Addr: addr, Handler: hookHandler(router, secret), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	log.Printf("bot: receiving web hooks on http://%s%s", addr, hookPath)
	if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// serveRTM runs the bot over the RTM API until ctx is done (then it
// returns nil), or until Crisp refuses the token. The socket endpoint is
// the one of client's tier, from the REST API.
func serveRTM(ctx context.Context, client *crisp.Client, identifier, key string, router *events.Router, opts ...rtm.Option) error {
	bot, err := rtm.New(client, "", identifier, key, router, opts...)
	if err != nil {
		return err
	}
	log.Printf("bot: receiving %v over the RTM API as %s", bot.Events(), identifier)
	if err := bot.Run(ctx); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}

// demoWebhook runs the bot against the embedded fake Crisp server: a
// visitor writes, Crisp delivers the message:send web hook, the bot
// replies.
func demoWebhook(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, demoTimeout)
	defer cancel()
	fmt.Println("No CRISP_IDENTIFIER/CRISP_KEY set: running against the embedded fake Crisp server.")
	srv, err := crisptest.NewServer()
	if err != nil {
		return err
	}
	defer srv.Close()
	client, err := srv.NewClient()
	if err != nil {
		return err
	}

	// The bot, receiving signed web hooks as a plugin does.
	const secret = "demo-hook-secret"
	hooks := httptest.NewServer(hookHandler(newRouter(client), secret))
	defer hooks.Close()
	fmt.Printf("Bot receiving web hooks on %s%s\n", hooks.URL, hookPath)

	sessionID, event, err := visitorWrites(ctx, client)
	if err != nil {
		return err
	}

	// Crisp tells the bot.
	status, err := srv.SendWebhook(ctx, hooks.URL+hookPath, secret, "message:send", event)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("bot: the web hook was answered %d", status)
	}
	return printConversation(ctx, client, sessionID)
}

// demoRTM runs the bot against the embedded fake Crisp servers, REST and
// RTM: the bot connects to the socket, a visitor writes, Crisp pushes the
// message:send event, the bot replies.
func demoRTM(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, demoTimeout)
	defer cancel()
	fmt.Println("No CRISP_IDENTIFIER/CRISP_KEY set: running against the embedded fake Crisp servers (REST and RTM).")
	srv, err := crisptest.NewServer()
	if err != nil {
		return err
	}
	defer srv.Close()
	sock, err := rtmtest.NewServer()
	if err != nil {
		return err
	}
	defer sock.Close()
	rtmtest.Attach(srv, sock) // the REST API gives the bot sock.URL() to connect to
	client, err := srv.NewClient()
	if err != nil {
		return err
	}

	// The bot. A second handler of message:send runs once the bot's has
	// returned: it tells the demo the event was handled.
	router := newRouter(client)
	handled := make(chan struct{}, 1)
	router.Handle("message:send", func(context.Context, *events.Event) error {
		select {
		case handled <- struct{}{}:
		default:
		}
		return nil
	})
	var (
		mu     sync.Mutex
		errs   []error // what the bot recovered from, to explain a missing reply
		runErr error
	)
	botCtx, stopBot := context.WithCancel(ctx)
	defer stopBot()
	exited := make(chan struct{})
	go func() {
		defer close(exited)
		// A short backoff: the demo should not wait seconds should the
		// connection drop.
		runErr = serveRTM(botCtx, client, crisptest.Identifier, crisptest.Key, router,
			rtm.WithBackoff(10*time.Millisecond, 100*time.Millisecond),
			rtm.WithErrorHandler(func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }),
		)
	}()
	// stop stops the bot and returns why it failed, if it did. Run
	// returns once the handlers are done and their errors reported.
	stop := func() error {
		stopBot()
		<-exited
		mu.Lock()
		defer mu.Unlock()
		return errors.Join(append([]error{runErr}, errs...)...)
	}
	defer stop()

	// Wait for the bot to authenticate, or to give up.
	waitCtx, cancelWait := context.WithCancel(ctx)
	go func() {
		select {
		case <-exited:
		case <-waitCtx.Done():
		}
		cancelWait()
	}()
	err = sock.WaitForClients(waitCtx, 1)
	cancelWait()
	if err != nil {
		return fmt.Errorf("bot: the bot did not connect to %s: %w", sock.URL(), errors.Join(err, stop()))
	}
	fmt.Printf("Bot connected to the RTM socket %s\n", sock.URL())

	sessionID, event, err := visitorWrites(ctx, client)
	if err != nil {
		return err
	}
	// Crisp tells the bot.
	if err := sock.Push(ctx, "message:send", event); err != nil {
		return err
	}
	select {
	case <-handled:
	case <-ctx.Done():
		return fmt.Errorf("bot: the bot did not handle the event: %w", errors.Join(ctx.Err(), stop()))
	}
	recovered := stop()
	if err := printConversation(ctx, client, sessionID); err != nil {
		return errors.Join(err, recovered)
	}
	return nil
}

// visitorWrites opens a conversation on the demo website in which a
// visitor writes (through the chatbox on Crisp; through the API here). It
// returns the session and the message:send event Crisp then sends.
func visitorWrites(ctx context.Context, client *crisp.Client) (sessionID string, event map[string]any, err error) {
	websiteID := crisptest.WebsiteID
	sessionID, err = client.Website.CreateNewConversation(ctx, websiteID)
	if err != nil {
		return "", nil, err
	}
	const text = "Hello, is anybody there?"
	visitor := &api.MessageNew{Type: api.MessageTypeText, From: api.MessageFromUser, Origin: "chat", Content: crisp.NewMessageContent(text)}
	fp, err := client.Website.SendMessageInConversation(ctx, websiteID, sessionID, visitor)
	if err != nil {
		return "", nil, err
	}
	fmt.Printf("Visitor wrote in %s\n", sessionID)
	return sessionID, map[string]any{
		"website_id":  websiteID,
		"session_id":  sessionID,
		"type":        "text",
		"from":        "user",
		"origin":      "chat",
		"content":     text,
		"fingerprint": fp,
		"timestamp":   time.Now().UnixMilli(),
	}, nil
}

// printConversation prints the messages of the demo conversation, the
// bot's reply among them, or fails when there is no reply.
func printConversation(ctx context.Context, client *crisp.Client, sessionID string) error {
	page, err := client.Website.GetMessagesInConversation(ctx, crisptest.WebsiteID, sessionID, nil)
	if err != nil {
		return err
	}
	fmt.Println("Conversation:")
	replied := false
	for i := range page.Messages {
		m := &page.Messages[i]
		t, _ := crisp.MessageText(m)
		fmt.Printf("  %-9s %q\n", m.From+":", t)
		replied = replied || (m.From == api.MessageFromOperator && t == reply)
	}
	if !replied {
		return errors.New("bot: the bot did not reply")
	}
	return nil
}
