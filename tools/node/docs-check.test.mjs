// Tests of the API reference build (docs/reference/build.mjs) and of its
// check (docs-check.mjs), on a small spec built here: the check passes on a
// good page and fails on each defect it is there to catch. Needs Chromium
// (/usr/bin/chromium or CHROMIUM). Run by make docs-check:
//   node --test tools/node/docs-check.test.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

const here = dirname(fileURLToPath(import.meta.url));
const build = resolve(here, '../../docs/reference/build.mjs');
const check = join(here, 'docs-check.mjs');
const dir = mkdtempSync(join(tmpdir(), 'crisp-docs-test-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const ok = { 200: { description: 'Done.' } };
const spec = {
  openapi: '3.0.3',
  info: { title: 'Docs check test', version: '1' },
  paths: {
    '/website/{website_id}': {
      parameters: [{ name: 'website_id', in: 'path', required: true, schema: { type: 'string' } }],
      get: { operationId: 'getWebsite', summary: 'Get A Website', tags: ['Website Base'], 'x-crisp-tiers': ['user', 'plugin'], responses: ok },
      delete: { operationId: 'deleteWebsite', summary: 'Delete A Website', tags: ['Website Base'], deprecated: true, 'x-crisp-tiers': ['user'], responses: ok },
    },
    '/plugin/connect/account': {
      get: { operationId: 'getConnectAccount', summary: 'Get Connect Account', tags: ['Plugin Connect'], 'x-crisp-tiers': ['plugin'], responses: ok },
    },
  },
};
const specFile = join(dir, 'openapi.yaml');
const goodHTML = join(dir, 'good.html');

// run runs a Node script; resolves to its exit status and output.
const run = (args, env = {}) => new Promise((res, rej) => {
  const p = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (d) => { out += d; });
  p.stderr.on('data', (d) => { out += d; });
  p.on('error', rej);
  p.on('close', (status) => res({ status, out }));
});
// variant writes the good page changed by edit; the edit must change it.
const variant = (name, edit) => {
  const good = readFileSync(goodHTML, 'utf8');
  const bad = edit(good);
  assert.notEqual(bad, good, `${name}: the edit changed nothing`);
  const file = join(dir, `${name}.html`);
  writeFileSync(file, bad);
  return file;
};
// injectScript adds a script at the end of the body (the last </body>: the
// inlined Redoc bundle holds that text too).
const injectScript = (js) => (html) => {
  const i = html.lastIndexOf('</body>');
  return `${html.slice(0, i)}<script>${js}</script>${html.slice(i)}`;
};
// fails runs the check, which must exit 1 naming the problem.
const fails = async (file, want, { specPath = specFile, env } = {}) => {
  const r = await run([check, file, specPath], env);
  assert.equal(r.status, 1, r.out);
  assert.match(r.out, want);
};

before(async () => {
  writeFileSync(specFile, yaml.dump(spec));
  const r = await run([build, specFile, goodHTML]);
  assert.equal(r.status, 0, r.out);
});

// Each test starts its own Chromium; three at a time.
describe('docs-check', { concurrency: 3 }, () => {
  test('the check passes on the page built from the spec', async () => {
    const r = await run([check, goodHTML, specFile]);
    assert.equal(r.status, 0, r.out);
    assert.match(r.out, /3 operations shown/);
  });

  test('the build fails on an operation without x-crisp-tiers', async () => {
    const bad = structuredClone(spec);
    delete bad.paths['/plugin/connect/account'].get['x-crisp-tiers'];
    const file = join(dir, 'no-tiers.yaml');
    writeFileSync(file, yaml.dump(bad));
    const r = await run([build, file, join(dir, 'no-tiers.html')]);
    assert.notEqual(r.status, 0, r.out);
    assert.match(r.out, /getConnectAccount: no x-crisp-tiers/);
  });

  test('a console error fails', async () => {
    await fails(variant('console-error', injectScript('console.error("boom")')), /console error: boom/);
  });

  test('an exception fails', async () => {
    await fails(variant('exception', injectScript('throw new Error("kaput")')), /exception: Error: kaput/);
  });

  test('a network request fails', async () => {
    await fails(variant('fetch', injectScript('fetch("https://example.com/x.js").catch(() => {})')), /request to https:\/\/example\.com\/x\.js/);
  });

  test('a script loaded from elsewhere fails', async () => {
    await fails(variant('script-src', (h) => h.replace('</head>', '<script async src="https://example.com/redoc.js"></script></head>')),
      /the page loads https:\/\/example\.com\/redoc\.js/);
  });

  test('a page that renders no operation fails', async () => {
    // Without hydration, only the server-rendered tags are there, as when the
    // Redoc bundle cannot be fetched.
    await fails(variant('no-hydrate', (h) => h.replace(/hydrate\(__redoc_definition/, 'void (__redoc_definition')),
      /no operation is shown/, { env: { DOCS_CHECK_TIMEOUT_MS: '3000' } });
  });

  test('an operationId of the spec missing from the page fails', async () => {
    const more = structuredClone(spec);
    more.paths['/plugin/connect/account'].delete = { operationId: 'deleteConnectAccount', summary: 'Delete Connect Account', tags: ['Plugin Connect'], 'x-crisp-tiers': ['plugin'], responses: ok };
    const file = join(dir, 'more.yaml');
    writeFileSync(file, yaml.dump(more));
    await fails(goodHTML, /operationId deleteConnectAccount is not in/, { specPath: file, env: { DOCS_CHECK_TIMEOUT_MS: '3000' } });
  });

  test('a wrong tier badge fails', async () => {
    await fails(variant('badge', (h) => h.replaceAll('"tier: plugin"', '"tier: website"')), /getConnectAccount: overview badges \["tier: website"\], want the tiers \["plugin"\]/);
  });

  test('an operation page without its Token tiers line fails', async () => {
    await fails(variant('no-line', (h) => h.replaceAll('**Token tiers:**', '**Tiers:**')),
      /getWebsite: its page #\/website-base\/getwebsite does not show "Token tiers: user, plugin"/, { env: { DOCS_CHECK_TIMEOUT_MS: '3000' } });
  });

  test('a deprecated operation not said to be fails', async () => {
    await fails(variant('no-deprecated', (h) => h.replaceAll('**Deprecated.**', '')), /deleteWebsite: deprecated is true, its page does not say so/);
  });
});
