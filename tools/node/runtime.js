// Makes a script started by an older `node` (e.g. `npm run X` on a machine with Node.js 20) run on
// the project's Node.js instead: the runtime of .node-version, installed by ensure-runtime.sh.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

/** True when this process may go on; false when it handed over to a child on the project's Node. */
function runsOnProjectNode() {
  const wanted = readFileSync(path.join(root, '.node-version'), 'utf8').trim();
  if (Number(process.versions.node.split('.')[0]) >= Number(wanted.split('.')[0])) return true;
  const bin = execFileSync('bash', [path.join(__dirname, 'ensure-runtime.sh'), '--print-bin'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const child = spawn(path.join(bin, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
  });
  // The parent stays as a thin shim: signals go on to the child (a service drains on SIGTERM).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    }
    else process.exit(code ?? 1);
  });
  return false;
}

module.exports = { runsOnProjectNode };
