// Package sio is a small Engine.IO v4 / Socket.IO v5 implementation, over
// WebSocket only, with the client side package rtm needs and the server
// side the fake Crisp RTM server (crisptest/rtmtest) needs. It speaks what
// socket.io-client 4.x speaks with transports: ["websocket"] (the official
// Crisp Node client's setting): no HTTP long-polling, no upgrade, no binary
// packets, the main namespace only.
//
// # Wire format
//
// A WebSocket text frame is one Engine.IO packet: a type digit (0 open,
// 1 close, 2 ping, 3 pong, 4 message, 6 noop) and its data. The server
// opens with 0{"sid","upgrades","pingInterval","pingTimeout","maxPayload"}
// and then pings every pingInterval; the client answers each ping with a
// pong and treats a server that sent no ping for pingInterval+pingTimeout
// as gone. A message packet carries a Socket.IO packet: a type digit
// (0 connect, 1 disconnect, 2 event, 3 ack, 4 connect error), an optional
// namespace ("/other,"), an optional ack id and JSON data, for example
// 42["message:send",{...}].
//
// JSON arguments stay json.RawMessage down to the caller's typed decode,
// so integers above 2^53 keep their exact value.
//
// The package has no global state and installs no signal handler; every
// goroutine it starts ends before Close returns.
package sio
