// Checks the rendered API reference (make docs-check) against openapi.yaml:
//
//   - every operationId of openapi.yaml is in the HTML file, which loads no
//     script or style sheet from elsewhere;
//   - opened in headless Chromium (networking blocked: every proxy and DNS
//     look-up fails), the page makes no request beyond its own file, logs
//     no console error and throws no exception;
//   - every operation of openapi.yaml is listed in the overview of its tag
//     with its method, path and a badge per token tier (x-crisp-tiers);
//   - the pages of the first operation of each tag and of the first
//     deprecated one (of every operation with --all) render in full: the
//     summary, the tier badges, the "Token tiers" line, method and path,
//     and the deprecation when deprecated.
//
// Usage: node tools/node/docs-check.mjs [docs/reference/index.html]
//          [openapi.yaml] [--all] [--screenshot out.png [--operation operationId]]
// Chromium is /usr/bin/chromium unless CHROMIUM says otherwise. Exits 1 on
// any problem, after listing every one.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import CDP from 'chrome-remote-interface';
import yaml from 'js-yaml';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { screenshot: { type: 'string' }, operation: { type: 'string' }, all: { type: 'boolean' } },
});
const htmlFile = resolve(positionals[0] ?? 'docs/reference/index.html');
const specFile = resolve(positionals[1] ?? 'openapi.yaml');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
// renderTimeout bounds the wait for the page, then for each operation.
const renderTimeout = Number(process.env.DOCS_CHECK_TIMEOUT_MS || 30000);

const problems = [];
const fail = (msg) => { console.error(`docs-check: ${msg}`); process.exit(1); };

// The operations of openapi.yaml.
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const spec = yaml.load(readFileSync(specFile, 'utf8'));
const operations = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
  for (const method of methods) {
    const op = item?.[method];
    if (!op) continue;
    if (!op.operationId) fail(`${method.toUpperCase()} ${path} has no operationId`);
    operations.push({
      id: op.operationId,
      method: method.toUpperCase(),
      path,
      summary: op.summary ?? '',
      tag: op.tags?.[0] ?? '',
      tiers: op['x-crisp-tiers'] ?? [],
      deprecated: op.deprecated === true,
    });
  }
}
if (operations.length === 0) fail(`${specFile} has no operation`);

// The file itself: every operationId, nothing loaded from elsewhere.
const html = readFileSync(htmlFile, 'utf8');
for (const op of operations) {
  if (!html.includes(op.id)) problems.push(`operationId ${op.id} is not in ${htmlFile}`);
}
for (const m of html.matchAll(/<(script|link|iframe|img)\b[^>]*\b(src|href)\s*=\s*["']?([^"'\s>]+)/gi)) {
  if (!/^(data:|#)/i.test(m[3])) problems.push(`the page loads ${m[3]} (<${m[1]} ${m[2]}=...>): not self-contained`);
}

// The operation of --screenshot.
const shotOp = flags.screenshot && operations.find((o) => o.id === (flags.operation ?? operations[0].id));
if (flags.screenshot && !shotOp) fail(`--operation: no operation ${flags.operation} in ${specFile}`);

// The page in Chromium.
const profile = mkdtempSync(join(tmpdir(), 'crisp-docs-check-'));
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-breakpad',
  // No network: any request goes to a closed local port; any name is unknown.
  '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', '--host-resolver-rules=MAP * ~NOTFOUND',
  '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0',
  `--user-data-dir=${profile}`, '--window-size=1440,1000', 'about:blank',
], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
const exited = new Promise((res) => browser.on('exit', res));
// cleanup closes Chromium (its process group, which this script started),
// waits for it to exit, then removes its profile.
const cleanup = async (client) => {
  await client?.Browser.close().catch(() => {});
  await client?.close().catch(() => {});
  const running = () => browser.pid !== undefined && browser.exitCode === null && browser.signalCode === null;
  if (running()) await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
  if (running()) browser.kill('SIGKILL');
  try { process.kill(-browser.pid, 'SIGKILL'); } catch { /* the group is gone */ }
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (err) {
    console.error(`docs-check: warning: cannot remove ${profile}: ${err.message}`);
  }
};

let client;
try {
  const port = await new Promise((res, rej) => {
    let log = '';
    const timer = setTimeout(() => rej(new Error(`${chromium} did not start in 30 s:\n${log}`)), 30000);
    browser.on('error', (err) => { clearTimeout(timer); rej(new Error(`cannot start ${chromium}: ${err.message} (install the Debian package chromium)`)); });
    browser.on('exit', (code) => { clearTimeout(timer); rej(new Error(`${chromium} exited with ${code}:\n${log}`)); });
    browser.stderr.on('data', (d) => {
      log += d;
      const m = log.match(/DevTools listening on ws:\/\/[^\s]+:(\d+)\//);
      if (m) { clearTimeout(timer); res(Number(m[1])); }
    });
  });
  client = await CDP({ host: '127.0.0.1', port });
  const { Page, Runtime, Network, Log } = client;
  const pageURL = pathToFileURL(htmlFile).href;
  const text = (args) => args.map((a) => a.value ?? a.description ?? a.type).join(' ');
  Runtime.consoleAPICalled((e) => {
    if (e.type === 'error' || e.type === 'assert') problems.push(`console ${e.type}: ${text(e.args)}`);
  });
  Runtime.exceptionThrown((e) => {
    const d = e.exceptionDetails;
    problems.push(`exception: ${d.exception?.description ?? d.text}`);
  });
  Log.entryAdded(({ entry }) => {
    if (entry.level === 'error') problems.push(`console error (${entry.source}): ${entry.text}${entry.url ? ` ${entry.url}` : ''}`);
  });
  Network.requestWillBeSent(({ request }) => {
    const url = request.url.split('#')[0];
    if (url !== pageURL && !/^(data|blob|about):/.test(url)) problems.push(`request to ${request.url}`);
  });
  await Promise.all([Page.enable(), Runtime.enable(), Network.enable(), Log.enable()]);
  const loaded = Page.loadEventFired();
  await Page.navigate({ url: pageURL });
  await loaded;

  // In the page, as a reader would: the overview of every tag (all its
  // operations: method, path, tier badges), then the page of each operation
  // of `deep` (title, badges, the "Token tiers" line, deprecation, method
  // and path). Returns the problems found.
  const visit = async (ops, deep, timeout) => {
    const found = [];
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    const until = async (fn) => {
      let v;
      for (const end = Date.now() + timeout; !(v = fn()) && Date.now() < end;) await sleep(20);
      return v;
    };
    const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const anchor = (op) => `${slug(op.tag)}/${op.id.toLowerCase()}`;
    const squash = (s) => s.replace(/\s+/g, ' ').trim();
    const badgesOf = (el) => [...el.querySelectorAll('[data-component-name="Tag/Tag"]')]
      .map((b) => squash(b.textContent)).filter((b) => b.startsWith('tier: ') || b === 'deprecated');
    const wantBadges = (op) => [...op.tiers.map((t) => `tier: ${t}`), ...(op.deprecated ? ['deprecated'] : [])];
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

    if (!await until(() => document.querySelector('#api-content a[href^="#/"]'))) {
      return ['no operation is shown: the reference did not render'];
    }
    const tags = [...new Set(ops.map((op) => op.tag))];
    for (const tag of tags) {
      const tagOps = ops.filter((op) => op.tag === tag);
      location.hash = `#/${slug(tag)}`;
      const sec = await until(() => document.getElementById(slug(tag)));
      if (!sec) {
        found.push(`tag ${tag}: no section at #/${slug(tag)}`);
        continue;
      }
      const links = () => sec.querySelectorAll(`a[href^="#/${slug(tag)}/"]`);
      await until(() => links().length > 0);
      sec.querySelector('[data-testid="show-more-operations"]')?.click();
      await until(() => links().length >= tagOps.length);
      for (const op of tagOps) {
        const link = sec.querySelector(`a[href="#/${anchor(op)}"]`);
        if (!link) {
          found.push(`${op.id}: not listed in the overview of ${tag}`);
          continue;
        }
        const text = squash(link.textContent);
        if (!text.toLowerCase().startsWith(op.method.toLowerCase()) || !text.includes(op.path)) found.push(`${op.id}: overview shows ${JSON.stringify(text)}, want ${op.method} ${op.path}`);
        const tiers = badgesOf(link).filter((b) => b.startsWith('tier: '));
        if (!same(tiers, op.tiers.map((t) => `tier: ${t}`))) found.push(`${op.id}: overview badges ${JSON.stringify(tiers)}, want the tiers ${JSON.stringify(op.tiers)}`);
      }
    }
    for (const op of deep) {
      location.hash = `#/${anchor(op)}`;
      const want = [`Token tiers: ${op.tiers.join(', ')}`, `${op.method} ${op.path}`];
      const el = await until(() => {
        const e = document.getElementById(anchor(op));
        return e?.dataset.itemKind === 'httpItem' && want.every((w) => squash(e.innerText).includes(w)) ? e : null;
      });
      if (!el) {
        found.push(`${op.id}: its page #/${anchor(op)} does not show ${want.map((w) => JSON.stringify(w)).join(' and ')}`);
        continue;
      }
      const title = el.querySelector('h2');
      if (!title?.textContent.includes(op.summary)) found.push(`${op.id}: title ${JSON.stringify(title?.textContent)} lacks the summary ${JSON.stringify(op.summary)}`);
      if (!same(badgesOf(title), wantBadges(op))) found.push(`${op.id}: title badges ${JSON.stringify(badgesOf(title))}, want ${JSON.stringify(wantBadges(op))}`);
      if (op.deprecated !== squash(el.innerText).includes('Deprecated.')) found.push(`${op.id}: deprecated is ${op.deprecated}, its page ${op.deprecated ? 'does not say so' : 'says it is'}`);
    }
    return found;
  };
  // Every operation's page with --all; else, per tag, the first operation
  // and the first deprecated one (a page takes about 0.3 s to render).
  const seen = new Set();
  const first = (key) => !seen.has(key) && Boolean(seen.add(key));
  const deep = operations.filter((op) => flags.all || first(op.tag) || (op.deprecated && first(`${op.tag} deprecated`)));
  const { result, exceptionDetails } = await Runtime.evaluate({
    expression: `(${visit})(${JSON.stringify(operations)}, ${JSON.stringify(deep)}, ${renderTimeout})`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) problems.push(`the check's own script failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  else problems.push(...result.value);

  if (shotOp) {
    // Its page, rendered and checked as above, then scrolled into view.
    const { result: r } = await Runtime.evaluate({
      expression: `(${visit})([], [${JSON.stringify(shotOp)}], ${renderTimeout})`,
      awaitPromise: true,
      returnByValue: true,
    });
    problems.push(...(r.value ?? []));
    const id = JSON.stringify(`${shotOp.tag}/${shotOp.id}`.toLowerCase().replace(/[^a-z0-9/]+/g, '-'));
    await Runtime.evaluate({ expression: `document.getElementById(${id})?.scrollIntoView()` });
    await new Promise((r) => setTimeout(r, 500));
    const shot = await Page.captureScreenshot({ format: 'png' });
    writeFileSync(flags.screenshot, Buffer.from(shot.data, 'base64'));
  }
  // Late errors (lazy chunks, images) count too.
  await new Promise((r) => setTimeout(r, 500));
} catch (err) {
  problems.push(err.message);
} finally {
  await cleanup(client);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`docs-check: ${p}`);
  console.error(`docs-check: ${problems.length} problem(s) in ${htmlFile}`);
  process.exit(1);
}
console.log(`docs-check: ${operations.length} operations shown with their token tiers; no console error, no network request`);
