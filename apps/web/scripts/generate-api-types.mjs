// Generates the UI's API types from each service's OpenAPI document (served at /docs-json) with
// openapi-typescript. Reads running services: by default the fixed ports of `npm start`; the e2e
// suite passes its own (API_DOCS_URLS='{"desk":"http://127.0.0.1:1234",...}') and OUT_DIR to check
// that the committed files are current.
//   node apps/web/scripts/generate-api-types.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
export const SERVICES = ['desk', 'intake', 'routing', 'sla', 'escalation', 'ikp'];
const DEFAULT_PORTS = { intake: 3001, routing: 3002, desk: 3003, sla: 3004, escalation: 3005, ikp: 3006 };

const PROSE = new Set(['summary', 'description', 'example', 'examples']);

function stripProse(node) {
  if (Array.isArray(node)) return node.forEach(stripProse);
  if (node === null || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    // A schema property may itself be called "description": only drop prose where it is a string or example.
    if (PROSE.has(key) && (typeof node[key] !== 'object' || key.startsWith('example'))) delete node[key];
    else stripProse(node[key]);
  }
}

export async function generate(urls, outDir) {
  await mkdir(outDir, { recursive: true });
  for (const name of SERVICES) {
    const res = await fetch(`${urls[name]}/docs-json`);
    if (!res.ok) throw new Error(`${name}: /docs-json answered ${res.status}`);
    const doc = await res.json();
    // The server's address and the prose (summaries, descriptions, examples) are not part of the types:
    // leaving them out keeps a reworded summary from making the committed types stale.
    delete doc.servers;
    stripProse(doc);
    const ast = await openapiTS(doc, { alphabetize: true });
    const header = `// Generated from the ${name} service's OpenAPI document by apps/web/scripts/generate-api-types.mjs. Do not edit.\n`;
    await writeFile(join(outDir, `${name}.ts`), header + astToString(ast));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const urls = process.env.API_DOCS_URLS
    ? JSON.parse(process.env.API_DOCS_URLS)
    : Object.fromEntries(Object.entries(DEFAULT_PORTS).map(([k, p]) => [k, `http://127.0.0.1:${p}`]));
  const out = process.env.OUT_DIR ?? join(here, '../src/api/generated');
  await generate(urls, out);
  console.log(`API types written to ${out}`);
}
