// node tools/run.js tools/bench/intake-webhook-load.ts [RATE=500] [SECONDS=20] [--cpu-prof DIR]
// One intake process (its real main.ts, the runtime binary) on a free port with its own schema and
// topics, under open-loop signed webhook load (tools/bench's generator and texts); prints intake's
// CPU ms per accepted complaint, the answers by status and the response latency. For profiling the
// webhook path without the whole stack; --cpu-prof writes intake's V8 profile into DIR.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signChannelRequest } from '@bekasi/auth';
import { TEST_DATABASE_URL, TEST_KAFKA_BROKERS, TEST_REDIS_URL, testAuth, TestInfra, waitFor } from '@bekasi/testing';
import { complaintText } from './complaint-texts';
import { runOpenLoop } from './open-loop';
import { freePort } from '../../apps/intake/test/intake-harness';

const TICKS_PER_SECOND = 100;
/** CPU of a process in ms (user, system), from /proc. */
function cpuMs(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { user: (Number(fields[11]) * 1000) / TICKS_PER_SECOND, system: (Number(fields[12]) * 1000) / TICKS_PER_SECOND };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

async function main() {
  const args = process.argv.slice(2);
  const profIndex = args.indexOf('--cpu-prof');
  const profDir = profIndex >= 0 ? args.splice(profIndex, 2)[1] : null;
  const rate = Number(args[0] ?? 500);
  const seconds = Number(args[1] ?? 20);
  const infra = await TestInfra.create('wload');
  const port = await freePort();
  const root = resolve(__dirname, '../..');
  const env = {
    ...process.env,
    ...testAuth().env,
    DATABASE_URL: TEST_DATABASE_URL,
    DB_SCHEMA: infra.schema,
    KAFKA_BROKERS: TEST_KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX: infra.topicPrefix,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: infra.redisPrefix,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    INTAKE_RATE_LIMIT: '1000000',
    DEMO_SEED: 'false',
  };
  const child = spawn(process.execPath, [...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []), 'tools/run.js', 'apps/intake/src/main.ts'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await waitFor('intake to answer', async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok, 60_000, 200);
    const channel = testAuth().channels.find((c) => c.id === 'web-form')!;
    const marker = `wl-${Date.now()}`;
    const request = (offset: number) => (i: number) => {
      const { title, text, category } = complaintText(offset + i, marker);
      const body = JSON.stringify({ externalId: `${marker}-${offset + i}`, title, text, category: { name: category } });
      return { i, path: '/api/v1/intake/complaints', body, headers: { 'content-type': 'application/json', ...signChannelRequest({ channelId: channel.id, secret: channel.secrets[0], body }) } };
    };
    // Warm-up: JIT, pools and the duplicate-candidate indexes see some rows before the measured run.
    await runOpenLoop({ host: '127.0.0.1', port, rate: Math.min(rate, 300), durationMs: 3_000, connections: 64, request: request(1_000_000) });
    const before = cpuMs(child.pid!);
    const { sent } = await runOpenLoop({ host: '127.0.0.1', port, rate, durationMs: seconds * 1000, connections: 256, request: request(0) });
    const after = cpuMs(child.pid!);
    const cpu = { user: after.user - before.user, system: after.system - before.system };
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const metric = (name: string) => Number(metrics.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm'))?.[1] ?? NaN);
    const byStatus: Record<string, number> = {};
    for (const s of sent) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;
    const accepted = sent.filter((s) => s.status === 202);
    const latencies = accepted.map((s) => s.responseMs).sort((a, b) => a - b);
    const lastAt = Math.max(...sent.map((s) => s.intendedAt + s.responseMs));
    console.log(
      JSON.stringify({
        offeredPerSecond: rate,
        seconds,
        byStatus,
        acceptedPerSecond: Math.round(accepted.length / ((lastAt - Math.min(...sent.map((s) => s.intendedAt))) / 1000)),
        responseMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) },
        meanGroupCommit: Number((metric('intake_group_commit_size_sum') / metric('intake_group_commit_size_count')).toFixed(1)),
        intakeCpuMsPerComplaint: Number(((cpu.user + cpu.system) / Math.max(1, accepted.length)).toFixed(3)),
        ofWhichSystemMs: Number((cpu.system / Math.max(1, accepted.length)).toFixed(3)),
      }),
    );
  } finally {
    child.kill('SIGTERM');
    await exited;
    await infra.cleanup();
  }
}

main().catch((err) => {
  console.error(`intake-webhook-load: ${(err as Error).stack}`);
  process.exit(1);
});
