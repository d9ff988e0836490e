// Echoes every JSON line of its standard input back, with "echo": true,
// until its standard input closes (nodetest's Start test).
const readline = require("readline");
const rl = readline.createInterface({ input: process.stdin });
console.log(JSON.stringify({ ev: "ready", arg: process.argv[2], env: process.env.NODETEST_ENV }));
rl.on("line", (line) => {
  const m = JSON.parse(line);
  m.echo = true;
  console.log(JSON.stringify(m));
  console.log("not json");
});
rl.on("close", () => process.exit(0));
