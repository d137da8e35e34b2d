// A chat customer on the public CometD JavaScript client (npm "cometd", run under Node.js by "cometd-nodejs-client"),
// speaking Chat API v2 over CometD as a web chat widget does. Driven by ChatPublicClientIT:
//   node chat-customer.mjs <cometd URL> <service> <websocket|long-polling>
// It prints one JSON line per step on stdout; it reads commands from stdin ("send <text>", "disconnect").
import { adapt } from "cometd-nodejs-client";
import { CometD } from "cometd";
import readline from "node:readline";

adapt();
// the client's own log goes to stderr: stdout carries the JSON lines only
console.log = console.error;
console.debug = console.error;
console.info = console.error;
const [url, service, transport] = process.argv.slice(2);
const channel = "/service/chatV2/" + service;
const cometd = new CometD();
const say = (line) => process.stdout.write(JSON.stringify(line) + "\n");
let secureKey = null;

setTimeout(() => {
  say({ step: "timeout" });
  process.exit(2);
}, 60000).unref();

cometd.configure({ url, logLevel: process.env.COMETD_LOG_LEVEL || "warn" });
if (transport === "long-polling") {
  cometd.unregisterTransport("websocket");
}

cometd.handshake((reply) => {
  if (!reply.successful) {
    say({ step: "handshake-failed", error: reply.error });
    process.exit(1);
  }
  say({ step: "handshake", transport: cometd.getTransport().type });
  cometd.subscribe(channel, (message) => {
    const data = message.data;
    if (data.secureKey && !secureKey) {
      secureKey = data.secureKey;
      say({ step: "started", chatId: data.chatId, secureKey });
    }
    say({ step: "answer", statusCode: data.statusCode, chatEnded: data.chatEnded, nextPosition: data.nextPosition,
      messages: (data.messages || []).map((event) => ({ index: event.index, type: event.type, text: event.text,
        from: event.from && event.from.type })) });
  }, (subscribed) => {
    if (!subscribed.successful) {
      say({ step: "subscribe-failed", error: subscribed.error });
      process.exit(1);
    }
    cometd.publish(channel, { operation: "requestChat", nickname: "Nia", subject: "node client",
      userData: { source: "cometd-js" } });
  });
});

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  if (line.startsWith("send ")) {
    cometd.publish(channel, { operation: "sendMessage", secureKey, message: line.substring(5) });
  } else if (line === "typing") {
    cometd.publish(channel, { operation: "startTyping", secureKey, message: "preview" });
  } else if (line === "disconnect") {
    cometd.publish(channel, { operation: "disconnect", secureKey });
  } else if (line === "quit") {
    cometd.disconnect(() => {
      say({ step: "disconnected" });
      process.exit(0);
    });
  }
});
