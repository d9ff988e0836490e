// Builds the API reference of openapi.yaml as one self-contained HTML file
// (make docs): Redocly CLI's build-docs with the Redoc bundle inlined and the
// decorators of crisp-docs-plugin.mjs (token tiers and deprecation on every
// operation), then the only resources Redoc fetches from a CDN at view time
// (the "API docs by Redocly" logo) are replaced with inline images, so that
// the page makes no network request. The output is not committed.
//
// Usage: node docs/reference/build.mjs [openapi.yaml] [docs/reference/index.html]
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const spec = resolve(process.argv[2] ?? join(root, 'openapi.yaml'));
const out = resolve(process.argv[3] ?? join(here, 'index.html'));
const fail = (msg) => { console.error(`docs: ${msg}`); process.exit(1); };

// svgData is an SVG image as a data: URL, safe inside a JS template literal
// inlined in an HTML script element.
const svgData = (svg) => 'data:image/svg+xml,' + encodeURIComponent(svg).replace(/'/g, '%27');
const wordmark = (width, text) => svgData(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
  `<text x="0" y="13" font-family="sans-serif" font-size="13" font-weight="bold" fill="#0044d4">${text}</text></svg>`);
// cdnImages maps each URL the Redoc bundle would load at view time to its
// inline replacement. Each must be found: a Redocly upgrade that moves or
// adds one fails the build here, or the offline check (make docs-check).
const cdnImages = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': wordmark(56, 'Redocly'),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': wordmark(12, 'R'),
};

const tmp = `${out}.tmp`;
const redocly = join(root, 'tools/node/node_modules/.bin/redocly');
const run = spawnSync(redocly, [
  'build-docs', spec,
  '--config', join(here, 'redocly.yaml'),
  '--inlineBundle',
  '--title', 'Crisp REST API V1 reference (crisp-go)',
  '--output', tmp,
], {
  stdio: ['ignore', 'pipe', 'pipe'],
  encoding: 'utf8',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
if (run.error) fail(`cannot run ${redocly}: ${run.error.message} (run make npm)`);
if (run.status !== 0) {
  // Its output (banners and progress) is shown only when it fails.
  process.stderr.write(run.stdout + run.stderr);
  rmSync(tmp, { force: true });
  fail(`redocly build-docs exited with ${run.status}`);
}

let html = readFileSync(tmp, 'utf8');
for (const [url, data] of Object.entries(cdnImages)) {
  if (!html.includes(url)) {
    rmSync(tmp);
    fail(`the Redoc bundle no longer loads ${url}: update cdnImages in docs/reference/build.mjs`);
  }
  html = html.replaceAll(url, data);
}
writeFileSync(tmp, html);
renameSync(tmp, out);
console.log(`docs: wrote ${out} (${Math.ceil(Buffer.byteLength(html) / 1024)} KiB)`);
