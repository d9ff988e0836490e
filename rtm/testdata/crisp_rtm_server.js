// A Node socket.io 4.8 server that emulates Crisp's RTM socket, for
// rtm's interop test (node_test.go).
//
// Usage: node crisp_rtm_server.js <node_modules dir>
// Environment: RTM_IDENTIFIER and RTM_KEY (the accepted token),
// RTM_PING_INTERVAL and RTM_PING_TIMEOUT (ms).
//
// It listens on 127.0.0.1:0, serves Socket.IO on /p/1/ (WebSocket only,
// as Crisp) and writes one JSON object a line on stdout:
//   {"ev":"listening","port":N}
//   {"ev":"connection","id","path","ua"}
//   {"ev":"authentication","id","ok","tier","username","events","rooms","inboxes"}
//     (never the password); it answers authenticated true, or
//     unauthorized {message} and ends the session
//   {"ev":"socket:bind"|"socket:bind:push"|"socket:bind:pop","id","data"}
//   {"ev":"disconnect","id","reason"}  (socket.io's reason)
// and answers the commands it reads on stdin, one JSON object a line:
//   {"cmd":"emit","event":E,"data":D}  emits E to every authenticated
//     socket, then writes {"ev":"emitted","event":E,"count":N}
//   {"cmd":"restart"}  closes every TCP connection at once and stops
//     listening, as a crashed process, then listens again on the same
//     port and writes {"ev":"restarted"}
//   {"cmd":"freeze"}  hangs on every open connection: no more pings, and
//     nothing read; writes {"ev":"frozen","count":N}
// It exits when stdin closes.
"use strict";

const path = require("path");
const http = require("http");
const readline = require("readline");

const modules = process.argv[2];
const { Server } = require(path.join(modules, "socket.io"));

const identifier = process.env.RTM_IDENTIFIER;
const key = process.env.RTM_KEY;
const pingInterval = Number(process.env.RTM_PING_INTERVAL || 25000);
const pingTimeout = Number(process.env.RTM_PING_TIMEOUT || 20000);

function out(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

const httpServer = http.createServer();
const tcp = new Set();
httpServer.on("connection", (s) => {
  tcp.add(s);
  s.on("close", () => tcp.delete(s));
});

const io = new Server(httpServer, {
  path: "/p/1/",
  transports: ["websocket"],
  serveClient: false,
  pingInterval,
  pingTimeout,
});

const authenticated = new Map(); // socket id -> socket

io.on("connection", (socket) => {
  const id = socket.id;
  out({
    ev: "connection",
    id,
    path: socket.request.url.split("?")[0],
    ua: socket.handshake.headers["user-agent"] || "",
  });
  socket.on("authentication", (auth) => {
    auth = auth || {};
    const ok =
      auth.username === identifier &&
      auth.password === key &&
      ["plugin", "website", "user"].includes(auth.tier);
    out({
      ev: "authentication",
      id,
      ok,
      tier: auth.tier,
      username: auth.username,
      events: auth.events,
      rooms: auth.rooms,
      inboxes: auth.inboxes,
    });
    if (!ok) {
      socket.emit("unauthorized", { message: "invalid credentials" });
      socket.disconnect(true);
      return;
    }
    authenticated.set(id, socket);
    socket.emit("authenticated", true);
  });
  for (const ev of ["socket:bind", "socket:bind:push", "socket:bind:pop"]) {
    socket.on(ev, (data) => out({ ev, id, data }));
  }
  socket.on("disconnect", (reason) => {
    authenticated.delete(id);
    out({ ev: "disconnect", id, reason });
  });
});

const commands = {
  emit(cmd) {
    let count = 0;
    for (const socket of authenticated.values()) {
      socket.emit(cmd.event, cmd.data);
      count++;
    }
    out({ ev: "emitted", event: cmd.event, count });
  },
  restart() {
    const { port } = httpServer.address();
    authenticated.clear();
    httpServer.close(() => {
      setTimeout(() => {
        httpServer.listen(port, "127.0.0.1", () => out({ ev: "restarted" }));
      }, 200);
    });
    for (const s of tcp) {
      s.destroy();
    }
  },
  freeze() {
    let count = 0;
    for (const conn of Object.values(io.engine.clients)) {
      // Stop the heartbeat (engine.io's Socket timers) and the reads.
      conn.schedulePing = () => {};
      conn.resetPingTimeout = () => {};
      clearTimeout(conn.pingIntervalTimer);
      clearTimeout(conn.pingTimeoutTimer);
      conn.transport.socket.pause();
      count++;
    }
    authenticated.clear();
    out({ ev: "frozen", count });
  },
};

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.trim() === "") return;
  const cmd = JSON.parse(line);
  commands[cmd.cmd](cmd);
});
process.stdin.on("end", () => process.exit(0));

httpServer.listen(0, "127.0.0.1", () => out({ ev: "listening", port: httpServer.address().port }));
