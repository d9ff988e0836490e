// Checks asyncapi.yaml (or the document given as the first argument):
// parses and validates it with the AsyncAPI parser (OpenAPI 3.0 payload
// schemas through @asyncapi/openapi-schema-parser), fails on any error or
// warning, then generates TypeScript models from it with Modelina and
// type-checks them with the TypeScript compiler. Offline: every $ref is a
// local file. Run by `make asyncapi-check` (asyncapi.mk).
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import { OpenAPISchemaParser } from '@asyncapi/openapi-schema-parser';
import { TypeScriptGenerator } from '@asyncapi/modelina';
import ts from 'typescript';

const file = resolve(process.argv[2] ?? 'asyncapi.yaml');
const fail = (msg) => { console.error(`asyncapi-check: ${msg}`); process.exit(1); };

const parser = new Parser({ schemaParsers: [OpenAPISchemaParser()] });
const { document, diagnostics } = await fromFile(parser, file).parse();
// Severities: 0 error, 1 warning, 2 information, 3 hint.
const bad = diagnostics.filter((d) => d.severity <= 1);
for (const d of diagnostics) {
  console.error(`${['error', 'warning', 'info', 'hint'][d.severity]}: ${d.code}: ${d.message} at ${d.path.join('/')}`);
}
if (!document || bad.length > 0) fail(`${file} is not a valid AsyncAPI document`);

// Every message has a name; every message but the bare RTM replies has
// a payload, and no two messages of one channel share a name.
for (const ch of document.channels()) {
  const names = new Set();
  for (const m of ch.messages()) {
    const name = m.name();
    if (!name) fail(`channel ${ch.id()}: message ${m.id()} has no name`);
    if (names.has(name)) fail(`channel ${ch.id()}: two messages are named ${name}`);
    names.add(name);
    if (!m.hasPayload() && !['authenticated', 'unauthorized'].includes(name)) {
      fail(`channel ${ch.id()}: message ${name} has no payload`);
    }
  }
}

const generator = new TypeScriptGenerator({ modelType: 'interface' });
const models = await generator.generate(document);
if (models.length === 0) fail('Modelina generated no model');
const dir = mkdtempSync(join(tmpdir(), 'asyncapi-ts-'));
try {
  const src = join(dir, 'models.ts');
  writeFileSync(src, models.map((m) => `export ${m.result}`).join('\n\n') + '\n');
  const program = ts.createProgram([src], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, lib: ['lib.es2022.d.ts'] });
  const errs = ts.getPreEmitDiagnostics(program);
  for (const e of errs) console.error(ts.flattenDiagnosticMessageText(e.messageText, '\n'));
  if (errs.length > 0) fail(`the ${models.length} TypeScript models do not type-check`);
  const names = new Set(models.map((m) => m.modelName));
  console.log(`asyncapi-check: ${file}: ${document.allMessages().length} messages, ${document.channels().length} channels; ${names.size} TypeScript models type-check`);
  if (process.env.ASYNCAPI_MODELS) {
    writeFileSync(process.env.ASYNCAPI_MODELS, models.map((m) => `export ${m.result}`).join('\n\n') + '\n');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
