// npm run bench: the throughput figures of issue 8, against the real broker, database and Redis, in
// one run, printed as one table and a final JSON line. tools/bench.sh starts the system first (its
// own database, topic prefix and Redis prefix, so nothing of the demo is touched).
//   --quick        two short steps, a small raw run and drain (under 3 minutes)
//   --steps a,b,c  offered rates (complaints/s); --seconds N per step
//   --skip raw,drain,timers   leave sections out
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { benchChannel, runStep, type StepOptions, type StepResult } from './system-steps';
import type { HopSchemas } from './pipeline-timings';
import { memoryMb, watchedProcesses } from './process-cpu';
import { RAW_PORT, RAW_SCHEMAS, setupRaw } from './raw-baseline';
import { backlogDrain } from './backlog-drain';
import { timerHorizon } from './timer-horizon';

const root = join(__dirname, '..', '..');

interface Args {
  quick: boolean;
  steps: number[];
  seconds: number;
  skip: Set<string>;
}

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    quick,
    steps: (value('--steps') ?? (quick ? '250,500' : '250,500,1000,1500,2000')).split(',').map(Number),
    seconds: Number(value('--seconds') ?? (quick ? 10 : 30)),
    skip: new Set((value('--skip') ?? '').split(',').filter(Boolean)),
  };
}

/** A step the chain kept up with (its throughput near the offered rate), held or not: the next step shows where it saturates. */
const keepsUp = (s: StepResult) => s.done >= s.accepted * 0.95 && s.throughput >= s.offered * 0.8;

/**
 * A short unmeasured run at a low rate before a chain's first step, as any load test does: the
 * first requests otherwise pay for the JIT, pool connections, prepared statements and the first
 * fetches, and that cost would count against whichever step comes first.
 */
async function warmUp(db: Client, prefix: string, target: StepOptions['target'], quick: boolean, schemas?: HopSchemas): Promise<void> {
  const step = await runStep(db, { rate: 100, seconds: quick ? 3 : 15, marker: `${prefix}-warmup-${Date.now()}`, target, schemas, drainSeconds: 10 });
  console.log(`${prefix} warm-up (not counted): ${step.done}/${step.accepted} done at 100/s, p99 ${fmt(step.p99)} ms`);
}

/** The highest completion rate of a series of steps: what the chain carries once saturated. */
const peak = (steps: StepResult[]) => Math.max(0, ...steps.map((s) => s.throughput));

/** CPU milliseconds per complaint summed over the processes named, at the step with the highest throughput. */
function cpuPerComplaint(steps: StepResult[], names: (name: string) => boolean): number {
  const best = [...steps].sort((a, b) => b.throughput - a.throughput)[0];
  if (!best) return NaN;
  return Math.round([...best.cpuMsPerComplaint].filter(([n, c]) => names(n) && c > 0).reduce((t, [, c]) => t + c, 0) * 10) / 10;
}

const fmt = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : '–');

/** Runs the raw baseline's hops as child processes for the time of `work`. */
async function withRawChain<T>(work: (pids: Map<string, number>) => Promise<T>): Promise<T> {
  await setupRaw();
  const children: Array<[string, ChildProcess]> = ['sla', 'desk', 'routing', 'entry'].map((hop) => [
    `raw ${hop}`,
    spawn(process.execPath, [join(root, 'tools/run.js'), 'tools/bench/raw-baseline.ts', hop], { cwd: root, env: { ...process.env, RAW_CHANNEL_SECRET: benchChannel().secret }, stdio: ['ignore', 'inherit', 'inherit'] }),
  ]);
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`http://127.0.0.1:${RAW_PORT}/`, { method: 'POST', body: '{}' }).then(() => true, () => false);
      if (up) break;
      if (i > 200) throw new Error('the raw baseline did not start');
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 3000)); // consumers join their groups
    return await work(new Map(children.map(([name, child]) => [name, child.pid!])));
  } finally {
    for (const [, child] of children) child.kill('SIGTERM');
  }
}

function printSteps(title: string, steps: StepResult[]): void {
  console.log(`\n${title}`);
  console.log('| offered/s | accepted | done | done/s | p50 ms | p99 ms | max ms | 202 p99 ms | errors | held (p99 < 1 s) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const s of steps) console.log(`| ${s.offered} | ${s.accepted} | ${s.done} | ${s.throughput} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${fmt(s.http202p99)} | ${s.errors} | ${s.held ? 'yes' : 'no'} |`);
  console.log('\nper hop (p50 / p99 ms) and CPU (cores) per step:');
  for (const s of steps) {
    console.log(`  ${s.offered}/s: ${s.hops.map((h) => `${h.hop} ${fmt(h.p50)}/${fmt(h.p99)}`).join(' · ')}`);
    console.log(`         cores: ${[...s.cores].filter(([, c]) => c > 0).map(([n, c]) => `${n} ${c}`).join(', ')}`);
    const perComplaint = [...s.cpuMsPerComplaint].filter(([, c]) => c > 0);
    console.log(`         CPU ms per complaint: ${perComplaint.map(([n, c]) => `${n} ${c}`).join(', ')} (sum ${Math.round(perComplaint.reduce((t, [, c]) => t + c, 0) * 10) / 10})`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const gateway = { host: '127.0.0.1', port: Number(process.env.BENCH_GATEWAY_PORT ?? 3000) };
  const processes = watchedProcesses(root);
  const idleMemory = memoryMb(processes);

  // The raw baseline first, while the system is idle: no backlog of the system's steps competes with it.
  let rawHeld: StepResult | undefined;
  const rawSteps: StepResult[] = [];
  if (!args.skip.has('raw')) {
    await withRawChain(async (pids) => {
      await warmUp(db, 'raw', { host: '127.0.0.1', port: RAW_PORT, path: '/complaints' }, args.quick, RAW_SCHEMAS);
      const rates = [...new Set([...args.steps, ...(args.quick ? [1000, 2000] : [2500, 3000, 4000])])].sort((a, b) => a - b);
      for (const rate of rates) {
        const step = await runStep(db, {
          rate,
          seconds: args.seconds,
          marker: `raw-${Date.now()}-${rate}`,
          target: { host: '127.0.0.1', port: RAW_PORT, path: '/complaints' },
          schemas: RAW_SCHEMAS,
          extraProcesses: pids,
          drainSeconds: args.quick ? 10 : 30,
        });
        rawSteps.push(step);
        console.log(`raw step ${rate}/s: done ${step.done}/${step.accepted}, p99 ${fmt(step.p99)} ms, ${step.throughput}/s`);
        if (!keepsUp(step)) break;
      }
    });
    printSteps('Raw baseline (node:http + kafkajs + pg, same hops, DDL, topics, envelopes, producer settings)', rawSteps);
    rawHeld = rawSteps.filter((s) => s.held).sort((a, b) => b.offered - a.offered)[0];
  }

  const steps: StepResult[] = [];
  await warmUp(db, 'bench', { ...gateway, path: '/api/v1/intake/complaints' }, args.quick);
  for (const rate of args.steps) {
    const step = await runStep(db, { rate, seconds: args.seconds, marker: `bench-${Date.now()}-${rate}`, target: { ...gateway, path: '/api/v1/intake/complaints' }, drainSeconds: args.quick ? 10 : 30 });
    steps.push(step);
    console.log(`step ${rate}/s: done ${step.done}/${step.accepted}, p99 ${fmt(step.p99)} ms, ${step.throughput}/s`);
    if (!keepsUp(step)) break; // past saturation: higher steps say nothing new
  }
  const loadMemory = memoryMb(processes);
  printSteps('System (webhook → intake → routing → desk → sla, through the gateway)', steps);
  console.log('\nmemory (RSS MB) idle → after load: ' + [...idleMemory].map(([n, m]) => `${n} ${m} → ${loadMemory.get(n)}`).join(', '));

  const held = steps.filter((s) => s.held).sort((a, b) => b.offered - a.offered)[0];

  // The steps past saturation left a backlog; the drain starts when it is gone (or after 5 minutes).
  for (const until = Date.now() + (args.quick ? 10_000 : 300_000); Date.now() < until; await new Promise((r) => setTimeout(r, 2000))) {
    const [{ left }] = (await db.query(`SELECT (SELECT count(*) FROM intake.complaints c WHERE c.external_id LIKE 'bench-%' AND NOT EXISTS (SELECT 1 FROM desk.tickets t WHERE t.id = c.id))::int AS left`)).rows;
    if (left === 0) break;
  }
  if (!args.skip.has('drain')) {
    const count = args.quick ? 2_000 : 100_000;
    const drain = await backlogDrain(db, count, args.quick ? 45 : 600);
    console.log(`\nBacklog drain: ${drain.complaints} complaints stored at once in ${drain.storedSeconds} s; ${drain.done} tickets with timers after ${drain.drainedSeconds} s (${drain.perSecond}/s)`);
  }
  if (!args.skip.has('timers')) {
    const open = args.quick ? 100_000 : 1_000_000;
    const t = await timerHorizon(open);
    console.log(
      `\nTimers: ${t.openTickets} open tickets, ${t.timersInPostgres} timers in PostgreSQL; after a Redis wipe sla's reconcile put ${t.jobsInRedis} jobs (due within the horizon) back in ${t.rebuildSeconds} s, ` +
        `Redis +${t.redisMb} MB; ${t.bytesPerJob} bytes per job, so every timer in Redis would take ${t.allInRedisMb} MB`,
    );
  }

  console.log(
    `\nSaturation: the system completed at most ${peak(steps)}/s, the raw chain ${rawSteps.length ? peak(rawSteps) : '–'}/s; ` +
      `CPU per complaint at that point: system ${cpuPerComplaint(steps, (n) => !n.startsWith('raw') && !n.startsWith('bench'))} ms, ` +
      `raw ${rawSteps.length ? cpuPerComplaint(rawSteps, (n) => n.startsWith('raw') || n === 'kafka' || n === 'postgres') : '–'} ms (each with Kafka and PostgreSQL)`,
  );

  await db.end();
  const sustained = held?.offered ?? 0;
  const raw = rawHeld?.offered ?? null;
  console.log(
    JSON.stringify({ sustainedPerSecond: sustained, p99Ms: held ? Math.round(held.p99) : null, rawPerSecond: raw, ratio: raw ? Math.round((sustained / raw) * 100) / 100 : null }),
  );
}

main().catch((err) => {
  console.error(`bench: ${(err as Error).stack}`);
  process.exit(1);
});
