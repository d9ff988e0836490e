// Package rtm is a client for the Crisp RTM API: Crisp pushes events
// (a message sent, a session updated, ...) over a Socket.IO connection,
// and the client dispatches them to an events.Router, the same router
// package webhook uses.
//
//	rest, _ := crisp.New(crisp.WithToken(crisp.TierPlugin, identifier, key))
//	router := events.NewRouter()
//	events.On(router, "message:send", func(ctx context.Context, m api.EventMessageSend, ev *events.Event) error {
//		...
//	})
//	client, err := rtm.New(rest, crisp.TierPlugin, identifier, key, router)
//	if err != nil {
//		return err
//	}
//	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
//	defer stop()
//	return client.Run(ctx)
//
// # Connection
//
// Run asks the REST API for the socket endpoint of the token's tier
// (crisp.Client.RTMEndpoint; WithEndpoint skips it), connects Socket.IO v4
// over WebSocket to it, and sends the authentication event with the token
// and the events to subscribe to (by default the router's, Router.Names).
// Crisp answers authenticated, or unauthorized: then Run returns an error
// matching ErrUnauthorized and does not retry.
//
// When the connection drops, Run reconnects after an exponential backoff
// with jitter (WithBackoff) and authenticates again. Events Crisp sent
// while the client was disconnected are lost: WithOnConnect runs after
// every authentication, to resynchronise. Run returns when its context is
// done, after every goroutine it started has ended.
//
// # Events
//
// Events are dispatched one at a time, in the order they arrived, on one
// goroutine; a slow handler delays the next events (they queue in memory)
// but not the connection. A handler's error goes to WithErrorHandler.
// An event's Data is its JSON payload; WebsiteID is the payload's
// website_id.
//
// # Binding
//
// A plugin's socket receives the events of the websites that had
// installed the plugin when it authenticated. Rebind (socket:bind) asks
// Crisp to re-associate it, for example after a new installation. Bind,
// Push and Pop replace, extend or shrink the subscribed events
// (socket:bind, socket:bind:push, socket:bind:pop); the new set also
// applies to later authentications.
//
// # Credentials
//
// The client never prints or logs the key: String, GoString and Format
// redact it, and the errors and the WithLogger log never include it. The
// key travels in the authentication event; enabling the Socket.IO
// library's own debug log (github.com/zishang520/socket.io/v3/pkg/log
// DEBUG) would print that event.
//
// # Process-wide effects of the Socket.IO library
//
// The Socket.IO client package this package uses
// (github.com/zishang520/socket.io/clients/engine/v3) installs, when
// imported, a handler for SIGINT, SIGTERM and SIGQUIT that swallows the
// first such signal, and starts a goroutine polling the network
// interfaces every 3 seconds. A program that imports rtm should therefore
// handle its signals itself, as above with signal.NotifyContext, or the
// first Ctrl-C or SIGTERM will not stop it.
package rtm
