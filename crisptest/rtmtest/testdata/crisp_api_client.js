// The official Crisp Node client (crisp-api) listening to an RTM socket,
// for rtmtest's interop test (node_test.go).
//
// Usage: node crisp_api_client.js <node_modules dir> <RTM socket URL>
// Environment: RTM_IDENTIFIER and RTM_KEY (a plugin token).
//
// The client is set up as a plugin would be: tier, token, events; the RTM
// host override (setRtmHost) replaces the endpoint lookup of the REST API.
// It writes one JSON object a line on stdout:
//   {"ev":"connect"} and {"ev":"disconnect","reason"} (socket.io-client's)
//   {"ev":"message:send","data":...} for every message:send received
//   {"ev":"error","message"} when the client fails
// and exits when stdin closes.
//
// Only one setting differs from the official client's: the reconnection
// delay (5 to 10 s there) is cut to 50-100 ms, to keep the test short. It
// does not change whether the client reconnects.
"use strict";

const path = require("path");

const [modules, url] = process.argv.slice(2);
if (!modules || !url) {
  console.error("usage: node crisp_api_client.js <node_modules dir> <RTM socket URL>");
  process.exit(2);
}
const { Crisp } = require(path.join(modules, "crisp-api"));

function out(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

const crisp = new Crisp();
crisp.setTier("plugin");
crisp.authenticate(process.env.RTM_IDENTIFIER, process.env.RTM_KEY);
crisp.setRtmHost(url);

crisp
  .on("message:send", (data) => out({ ev: "message:send", data }))
  .catch((err) => out({ ev: "error", message: String(err) }));

// The socket exists once the broker is prepared (500 ms after the first
// on()): then watch it and shorten the reconnection delay.
const watch = setInterval(() => {
  const socket = crisp._socket;
  if (!socket) {
    return;
  }
  clearInterval(watch);
  socket.io.reconnectionDelay(50);
  socket.io.reconnectionDelayMax(100);
  socket.on("connect", () => out({ ev: "connect" }));
  socket.on("disconnect", (reason) => out({ ev: "disconnect", reason }));
  if (socket.connected) {
    out({ ev: "connect" });
  }
}, 10);

process.stdin.resume();
process.stdin.on("end", () => process.exit(0));
