// Stepped open-loop load on the running system's webhook (through the gateway, signed as a channel),
// each step measured from the intended send time to "done" (see pipeline-timings), with the CPU each
// process used during the step and the per-hop breakdown.
import { join } from 'node:path';
import { Client } from 'pg';
import { readChannelRegistry, signChannelRequest } from '@bekasi/auth';
import { complaintText } from './complaint-texts';
import { runOpenLoop } from './open-loop';
import { doneCount, hopStats, isDone, percentile, SYSTEM_SCHEMAS, timelines, type HopSchemas, type HopStats } from './pipeline-timings';
import { coresBetween, sampleCpu, watchedProcesses } from './process-cpu';

export interface StepResult {
  offered: number;
  accepted: number;
  done: number;
  /** Completed per second over the step (sending time plus the drain after it). */
  throughput: number;
  p50: number;
  p99: number;
  max: number;
  http202p99: number;
  errors: number;
  held: boolean;
  cores: Map<string, number>;
  /** CPU milliseconds each process spent per completed complaint: what a shared, noisy machine cannot distort. */
  cpuMsPerComplaint: Map<string, number>;
  hops: HopStats[];
}

const root = join(__dirname, '..', '..');

export interface StepOptions {
  rate: number;
  seconds: number;
  marker: string;
  target: { host: string; port: number; path: string };
  /** Where the hops write (the system's schemas, or the raw baseline's). */
  schemas?: HopSchemas;
  drainSeconds?: number;
  /** Processes to account CPU to beside the system's (the raw baseline's hops). */
  extraProcesses?: Map<string, number>;
}

/** The channel the load signs as. */
export function benchChannel(): { id: string; secret: string } {
  const channel = readChannelRegistry(process.env).find((c) => c.id === 'web-form');
  if (!channel) throw new Error('the web-form channel is not registered (.run/keys/channels.json)');
  return { id: channel.id, secret: channel.secrets[0] };
}

export async function runStep(db: Client, options: StepOptions): Promise<StepResult> {
  const channel = benchChannel();
  const schemas = options.schemas ?? SYSTEM_SCHEMAS;
  const processes = watchedProcesses(root);
  for (const [name, pid] of options.extraProcesses ?? []) processes.set(name, [pid]);
  const before = sampleCpu(processes);
  const run = await runOpenLoop({
    host: options.target.host,
    port: options.target.port,
    rate: options.rate,
    durationMs: options.seconds * 1000,
    connections: 128,
    // Sending and draining end together, seconds + drainSeconds after the start, whatever the load.
    timeoutMs: (options.seconds + (options.drainSeconds ?? 30)) * 1000,
    request: (i) => {
      const { title, text, category } = complaintText(i, options.marker);
      const body = JSON.stringify({ externalId: `${options.marker}-${i}`, title, text, category: { name: category } });
      return { i, path: options.target.path, body, headers: { 'content-type': 'application/json', ...signChannelRequest({ channelId: channel.id, secret: channel.secret, body }) } };
    },
  });
  const accepted = run.sent.filter((s) => s.status === 202);
  const ids = accepted.map((s) => `${options.marker}-${s.i}`);
  // Drain: wait for the step's complaints to be done (or give up: the step is not held), until the
  // step's end: drainSeconds after the last request was due.
  const drainUntil = run.startedAt + (options.seconds + (options.drainSeconds ?? 30)) * 1000;
  let done = 0;
  while (Date.now() < drainUntil) {
    done = await doneCount(db, options.marker, new Date(run.startedAt), schemas);
    if (done >= ids.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const after = sampleCpu(processes);
  const wallSeconds = (after.at - before.at) / 1000;
  const intended = new Map(accepted.map((s) => [`${options.marker}-${s.i}`, s.intendedAt]));
  const lines = (await timelines(db, ids, schemas)).filter(isDone);
  const latencies = lines.map((t) => t.slaApplied! - intended.get(t.externalId)!).sort((a, b) => a - b);
  const lastDone = Math.max(...lines.map((t) => t.slaApplied!));
  const responses = accepted.map((s) => s.responseMs).sort((a, b) => a - b);
  const p99 = percentile(latencies, 99);
  return {
    offered: options.rate,
    accepted: accepted.length,
    done: lines.length,
    throughput: Math.round(lines.length / ((lastDone - run.startedAt) / 1000)),
    p50: percentile(latencies, 50),
    p99,
    max: latencies[latencies.length - 1],
    http202p99: percentile(responses, 99),
    errors: run.sent.length - accepted.length,
    held: lines.length === run.sent.length && run.sent.length > 0 && p99 < 1000,
    cores: coresBetween(before, after),
    cpuMsPerComplaint: new Map([...coresBetween(before, after)].map(([name, cores]) => [name, lines.length ? Math.round(((cores * wallSeconds * 1000) / lines.length) * 100) / 100 : NaN])),
    hops: hopStats(lines.map((t) => ({ intendedAt: intended.get(t.externalId)!, t }))),
  };
}
