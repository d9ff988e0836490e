// Package rtmtest is a fake Crisp RTM server for tests: a Socket.IO v4
// server (Engine.IO v4 over WebSocket) on a loopback port that behaves
// like the socket Crisp gives in data.socket.app of the connect endpoints
// routes. Package rtm and the official Node client (crisp-api) connect to
// it.
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
// answers authenticated true when the username and the password are the
// server's credentials (by default crisptest.Identifier and
// crisptest.Key, see WithCredentials) and the tier is one it accepts
// (WithTiers); otherwise it answers unauthorized {message} and ends the
// session (a Socket.IO disconnect packet, then the connection closes).
//
// An authenticated socket is subscribed to the events of its
// authentication; socket:bind {events} replaces them, socket:bind:push
// {events} adds to them and socket:bind:pop {events} removes from them.
// socket:bind without events (a rebind) is recorded and changes nothing.
// When the authentication had rooms (website IDs), the socket receives
// only the events whose data has no website_id or one of those. The
// events of one socket are handled in the order it sent them.
//
// Push emits an event to every authenticated socket subscribed to it.
// Events pushed to one socket arrive in the order pushed, after its
// authenticated answer.
//
// # Failures
//
// DisconnectAll closes every connection as a Crisp restart does (the
// clients reconnect), KickAll ends every session with a Socket.IO
// disconnect packet (the server's decision: socket.io-client does not
// reconnect), FreezeAll makes the server hang (no more pings: the clients
// notice by their heartbeat, shortened with WithHeartbeat). Connections
// tells how each connection ended.
//
// # Waiting
//
// Authentications and binds arrive on the server's goroutines. Instead of
// sleeping, tests wait for the state they expect: WaitForClients,
// WaitForSubscribers, or Wait with any condition. Every change of the
// server's state (a connection, an authentication, a bind, a
// disconnection) wakes the waiters.
//
// # Credentials
//
// The server never keeps the password a client sent: Authentications
// records only whether it matched (KeyValid).
package rtmtest
