// Receives web hooks on a loopback port and checks them with the official
// Crisp Node client (crisp-api), for crisptest's interop test.
//
//   node verify_hook.js <node_modules dir> <hook secret>
//
// Prints {"ev":"listening","port":<port>} once ready, and exits when stdin
// closes.
//   POST /hook       200 when verifyHook and verifyWidget accept the
//                    signature and receiveHook takes the payload; 403 on a
//                    bad signature; 400 on a payload receiveHook refuses.
//   POST /roundtrip  answers JSON.stringify(JSON.parse(body)).
"use strict";

const http = require("http");
const path = require("path");

const [modules, secret] = process.argv.slice(2);
if (!modules || !secret) {
  console.error("usage: node verify_hook.js <node_modules dir> <hook secret>");
  process.exit(2);
}
const { Crisp } = require(path.join(modules, "crisp-api"));

const crisp = new Crisp();
crisp.setRtmMode(Crisp.RTM_MODES.WebHooks);

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const server = http.createServer(async (req, res) => {
  try {
    const text = await readBody(req);
    const body = JSON.parse(text);
    if (req.url === "/roundtrip") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
      return;
    }
    const timestamp = req.headers["x-crisp-request-timestamp"];
    const signature = req.headers["x-crisp-signature"];
    const hook = crisp.verifyHook(secret, body, timestamp, signature);
    const widget = crisp.verifyWidget(secret, body, timestamp, signature);
    if (!hook || !widget) {
      res.writeHead(403);
      res.end(`verifyHook ${hook}, verifyWidget ${widget}`);
      return;
    }
    const err = crisp.receiveHook(body);
    if (err) {
      res.writeHead(400);
      res.end(String(err));
      return;
    }
    res.writeHead(200);
    res.end("ok");
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
});

// verifyHook accepts nothing until the web hook loopback is bound, which
// happens once an event listener is registered.
crisp
  .on("message:send", () => {})
  .then(() => {
    server.listen(0, "127.0.0.1", () => {
      console.log(JSON.stringify({ ev: "listening", port: server.address().port }));
    });
  })
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });

process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
