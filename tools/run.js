// Runs a TypeScript entry point (a service's main.ts or a CLI) straight from source:
// SWC transpiles on load (keeping decorator metadata for Nest's DI) and tsconfig paths
// resolve the @bekasi/* libraries. Usage: node tools/run.js path/to/file.ts [args...]
'use strict';
const path = require('node:path');
const root = path.resolve(__dirname, '..');
if (!require('./node/runtime').runsOnProjectNode()) return;
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.json');
require('@swc-node/register');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
tsconfigPaths.register({ baseUrl: root, paths: compilerOptions.paths });
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node tools/run.js <entry.ts> [args...]');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(root, entry));
require(path.resolve(root, entry));
