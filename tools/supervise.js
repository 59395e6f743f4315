// Keeps one process running: restarts it when it dies (a crash, an OOM kill, SIGKILL), with a short
// backoff when it keeps dying at start, and stops it (SIGTERM, so it drains) when told to stop.
// Usage: node tools/supervise.js NAME -- command [args...]; the child's pid is kept in .run/NAME.child-pid.
'use strict';
const { spawn } = require('node:child_process');
const { writeFileSync, rmSync, mkdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const [name, dashes, command, ...args] = process.argv.slice(2);
if (!name || dashes !== '--' || !command) {
  console.error('usage: node tools/supervise.js NAME -- command [args...]');
  process.exit(2);
}
mkdirSync(path.join(root, '.run'), { recursive: true });
const childPidFile = path.join(root, '.run', `${name}.child-pid`);
let child;
let stopping = false;
let delay = 1000;

function log(message) {
  console.log(JSON.stringify({ level: 40, time: Date.now(), service: `supervisor:${name}`, msg: message }));
}

function start() {
  const startedAt = Date.now();
  child = spawn(command, args, { stdio: 'inherit', cwd: root, env: process.env });
  writeFileSync(childPidFile, String(child.pid));
  child.on('exit', (code, signal) => {
    rmSync(childPidFile, { force: true });
    if (stopping) process.exit(0);
    // 78 (EX_CONFIG): the configuration is wrong, and starting again will not make it right.
    if (code === 78) {
      log(`${name} refused its configuration (exit 78); not restarting`);
      process.exit(78);
    }
    // A process that ran a while is restarted at once; one that dies at start backs off (up to 10 s).
    delay = Date.now() - startedAt > 30_000 ? 1000 : Math.min(10_000, delay * 2);
    log(`${name} exited (code ${code}, signal ${signal}); restarting in ${delay} ms`);
    setTimeout(start, delay);
  });
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    stopping = true;
    if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(0);
    child.kill('SIGTERM');
    // Draining is bounded: a child that does not stop in time is killed.
    setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
  });
}
start();
