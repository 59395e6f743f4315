// Starts the whole system the browser suite talks to: every service as a child process on a free
// port, with its own database, topic prefix and Redis prefix, demo data seeded, the gateway pointed
// at the others. Never the fixed ports of `npm start`, so it runs beside a developer's system.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../../..');
const SERVICES = (JSON.parse(readFileSync(join(ROOT, 'tools/services.json'), 'utf8')) as { services: { name: string; entry: string }[] }).services;
const ADMIN_DB_URL = process.env.E2E_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = process.env.E2E_DATABASE ?? 'bekasi_e2e';

export interface SystemUnderTest {
  baseUrl: string;
  urls: Record<string, string>;
  topicPrefix: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

async function freshDatabase(): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_DB_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await admin.end();
  }
  return ADMIN_DB_URL.replace(/\/[^/]*$/, `/${DB_NAME}`);
}

function run(entry: string, env: NodeJS.ProcessEnv, log: string): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'tools/run.js'), entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log, { flags: 'w' });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return child;
}

async function waitReady(name: string, url: string, child: ChildProcess, timeoutMs: number, gaveUp: { yes: boolean }): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !gaveUp.yes) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} (see .run/e2e/${name}.log)`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${name} not ready after ${timeoutMs} ms (see .run/e2e/${name}.log)`);
}

export async function startSystem(): Promise<SystemUnderTest> {
  const logs = join(ROOT, '.run/e2e');
  mkdirSync(logs, { recursive: true });
  const id = randomBytes(4).toString('hex');
  const topicPrefix = `e2e-${id}.`;
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()] as const)));
  const urls = Object.fromEntries(SERVICES.map((s) => [s.name, `http://127.0.0.1:${ports[s.name]}`]));
  const devKeys = join(ROOT, 'tools/dev-keys.js');
  if (existsSync(devKeys)) execFileSync(process.execPath, [devKeys], { cwd: ROOT, stdio: 'ignore' });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WEB_ROOT: join(ROOT, 'apps/web/dist'),
    DATABASE_URL: await freshDatabase(),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    REDIS_PREFIX: `e2e-${id}`,
    DEMO_SEED: 'true',
    // The suite signs the same users in many times a minute.
    LOGIN_RATE_LIMIT: '1000',
    LOG_LEVEL: 'warn',
    CLOCK_REAL_EPOCH: new Date().toISOString(),
    LAPOR_API_BASE_URL: urls['lapor-sim'],
    LAPOR_CONNECTOR_BASE_URL: urls['lapor-sim'],
    GATEWAY_DESK_URL: urls.desk,
    GATEWAY_INTAKE_URL: urls.intake,
    GATEWAY_ROUTING_URL: urls.routing,
    GATEWAY_SLA_URL: urls.sla,
    GATEWAY_ESCALATION_URL: urls.escalation,
    GATEWAY_IKP_URL: urls.ikp,
  };
  await new Promise<void>((ok, fail) => {
    const topics = run('libs/shared/messaging/src/cli/create-topics.cli.ts', { ...env, KAFKA_PARTITIONS: '2' }, join(logs, 'topics.log'));
    topics.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`creating topics failed (${code})`))));
  });
  const children: [string, ChildProcess][] = [];
  const stop = async () => {
    await Promise.all(
      children.map(([, child]) => new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        const kill = setTimeout(() => child.kill('SIGKILL'), 8_000);
        child.once('exit', () => (clearTimeout(kill), ok()));
        child.kill('SIGTERM');
      })),
    );
  };
  const gaveUp = { yes: false };
  try {
    for (const s of SERVICES) children.push([s.name, run(s.entry, { ...env, PORT: String(ports[s.name]) }, join(logs, `${s.name}.log`))]);
    await Promise.all(children.map(([name, child]) => waitReady(name, urls[name], child, 180_000, gaveUp)));
  } catch (err) {
    gaveUp.yes = true;
    await stop();
    throw err;
  }
  return { baseUrl: urls.gateway, urls, topicPrefix, stop };
}
