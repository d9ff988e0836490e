// Command bot is the Go version of Crisp's "create your own bot" example:
// it answers every message a user (visitor) sends with "I'm a bot".
//
// Crisp tells the bot about new messages with the message:send event,
// delivered either as a web hook (-mode webhook, the default: Crisp POSTs
// events to http://<-addr>/crisp/hooks) or over the RTM API (-mode rtm).
// The bot answers through the REST API, as an operator.
//
// Without CRISP_IDENTIFIER and CRISP_KEY it runs a demonstration against
// the embedded fake Crisp server (package crisptest): it opens a
// conversation, delivers a signed message:send web hook to the bot and
// prints the conversation, the bot's reply included. With them it serves
// real events: set CRISP_TIER (default plugin) and, for plugin hooks,
// CRISP_HOOK_SECRET to verify their signatures.
//
//	go run ./examples/bot
//	CRISP_IDENTIFIER=... CRISP_KEY=... CRISP_HOOK_SECRET=... go run ./examples/bot -addr :8080
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/crisp-go/crisp-go/api"
	"github.com/crisp-go/crisp-go/crisp"
	"github.com/crisp-go/crisp-go/crisptest"
	"github.com/crisp-go/crisp-go/events"
	"github.com/crisp-go/crisp-go/webhook"
)

// reply is what the bot answers.
const reply = "I'm a bot"

// hookPath is where the bot receives web hooks.
const hookPath = "/crisp/hooks"

// errRTMUnavailable is returned for -mode rtm until package rtm lands.
var errRTMUnavailable = errors.New("bot: -mode rtm is not available yet (package rtm is not ready); use -mode webhook")

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
	if os.Getenv("CRISP_IDENTIFIER") == "" || os.Getenv("CRISP_KEY") == "" {
		if mode == "rtm" {
			return errRTMUnavailable
		}
		return demo(ctx)
	}

	client, err := crisp.New(crisp.WithTokenFromEnv())
	if err != nil {
		return err
	}
	router := newRouter(client)
	if mode == "rtm" {
		return errRTMUnavailable
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

// demo runs the bot against the embedded fake Crisp server: a visitor
// writes, Crisp delivers the message:send web hook, the bot replies.
func demo(ctx context.Context) error {
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

	// A visitor opens a conversation and writes (through the chatbox on
	// Crisp; through the API here).
	websiteID := crisptest.WebsiteID
	sessionID, err := client.Website.CreateNewConversation(ctx, websiteID)
	if err != nil {
		return err
	}
	const text = "Hello, is anybody there?"
	visitor := &api.MessageNew{Type: api.MessageTypeText, From: api.MessageFromUser, Origin: "chat", Content: crisp.NewMessageContent(text)}
	fp, err := client.Website.SendMessageInConversation(ctx, websiteID, sessionID, visitor)
	if err != nil {
		return err
	}
	fmt.Printf("Visitor wrote in %s\n", sessionID)

	// Crisp tells the bot.
	status, err := srv.SendWebhook(ctx, hooks.URL+hookPath, secret, "message:send", map[string]any{
		"website_id":  websiteID,
		"session_id":  sessionID,
		"type":        "text",
		"from":        "user",
		"origin":      "chat",
		"content":     text,
		"fingerprint": fp,
		"timestamp":   time.Now().UnixMilli(),
	})
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return fmt.Errorf("bot: the web hook was answered %d", status)
	}

	// The conversation now holds the bot's reply.
	page, err := client.Website.GetMessagesInConversation(ctx, websiteID, sessionID, nil)
	if err != nil {
		return err
	}
	fmt.Println("Conversation:")
	for i := range page.Messages {
		m := &page.Messages[i]
		t, _ := crisp.MessageText(m)
		fmt.Printf("  %-9s %q\n", m.From+":", t)
	}
	return nil
}
