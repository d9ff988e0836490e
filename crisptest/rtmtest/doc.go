// Package rtmtest is a fake Crisp RTM server for tests: a Socket.IO v4
// server on a loopback port that behaves like the socket Crisp gives in
// data.socket.app of the connect endpoints routes.
//
// It lives apart from package crisptest so that tests that need only the
// REST fake do not link the Socket.IO server.
//
//	rest := crisptest.Start(t)          // the REST fake
//	sock := rtmtest.Start(t)            // the RTM fake, closed when the test ends
//	rtmtest.Attach(rest, sock)          // the connect endpoints routes answer sock.URL()
//
//	client, _ := rtm.New(rest.Client(t), "", crisptest.Identifier, crisptest.Key, router)
//	go client.Run(ctx)
//	_ = sock.WaitForClients(ctx, 1)     // authenticated: no sleep needed
//	_ = sock.Push(ctx, "message:send", map[string]any{"website_id": crisptest.WebsiteID, ...})
//
// # Protocol
//
// A client connects to the main namespace and sends the authentication
// event {tier, username, password, events, rooms?, inboxes?}. The server
// answers authenticated when the username and the password are the
// server's credentials (by default crisptest.Identifier and
// crisptest.Key, see WithCredentials) and the tier is one it accepts
// (WithTiers); otherwise it answers unauthorized {message} and
// disconnects the socket.
//
// An authenticated socket is subscribed to the events of its
// authentication; socket:bind {events} replaces them, socket:bind:push
// {events} adds to them and socket:bind:pop {events} removes from them.
// socket:bind without events (a rebind) is recorded and changes nothing.
// When the authentication had rooms (website IDs), the socket receives
// only the events whose data has no website_id or one of those.
//
// Push emits an event to every authenticated socket subscribed to it.
// Events pushed to one socket arrive in the order pushed, after its
// authenticated answer.
//
// # Waiting
//
// Authentications and binds arrive on the server's goroutines. Instead of
// sleeping, tests wait for the state they expect: WaitForClients,
// WaitForSubscribers, or Wait with any condition. Every change of the
// server's state (an authentication, a bind, a disconnection) wakes the
// waiters.
//
// # Credentials
//
// The server never keeps the password a client sent: Authentications
// records only whether it matched (KeyValid).
//
// # A quirk of the Socket.IO server
//
// The Go Socket.IO server (github.com/zishang520/socket.io/servers/socket
// v3.0.6) sends the namespace CONNECT packet before it registers the
// socket; an event the client sends in that short window (its
// authentication) is refused as "invalid state" and the connection is
// closed. Package rtm then reconnects after its backoff, so a test client
// should use a short rtm.WithBackoff, and tests should count
// authentications (Wait, WaitForClients) rather than connections.
package rtmtest
