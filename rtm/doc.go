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
// (crisp.Client.RTMEndpoint; WithEndpoint skips it), connects Socket.IO
// (protocol v5, Engine.IO v4, WebSocket transport only, as the official
// Node client) to it, and sends the authentication event with the token
// and the events to subscribe to (by default the router's, Router.Names).
// Crisp answers authenticated (with true, or nothing), or unauthorized:
// then Run returns an error matching ErrUnauthorized and does not retry.
// Any other answer to the authentication (authenticated false) is a
// refusal too.
//
// The connection follows the server's heartbeat: Crisp pings every
// pingInterval (announced when the connection opens) and the client
// answers; a server that sent no ping for pingInterval+pingTimeout is
// frozen, and the client drops the connection and reconnects.
//
// When the connection drops, Run reconnects after an exponential backoff
// with jitter (WithBackoff) and authenticates again. When Crisp ends the
// session on purpose (a Socket.IO disconnect packet), Run reconnects too,
// but the backoff keeps growing, and after MaxKicks such sessions in a
// row it returns an error matching ErrKicked. Events Crisp sent while the
// client was disconnected are lost: WithOnConnect runs after every
// authentication, to resynchronise.
//
// When its context is done, Run sends Crisp a Socket.IO disconnect packet,
// closes the connection (waiting at most a second for Crisp's side of the
// WebSocket close) and returns, after every goroutine it started has
// ended.
//
// # Events
//
// Events are dispatched one at a time, in the order they arrived, on one
// goroutine; a slow handler delays the next events (they queue in memory)
// but not the connection. A handler's error goes to WithErrorHandler.
// An event's Data is its JSON payload exactly as Crisp sent it (integers
// above 2^53 keep their value); WebsiteID is the payload's website_id.
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
// key travels only in the authentication event.
//
// # Process
//
// The package has no global state, starts no goroutine outside Run and
// installs no signal handler: the program decides how to stop, as above
// with signal.NotifyContext.
package rtm
