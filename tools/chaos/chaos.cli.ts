// npm run chaos [-- --complaints 10000 --rate 500 --replicas 2]: the fault suite at scale. Starts the
// system on its usual ports (one process per service, each supervised; --replicas 2 runs a second copy
// of every consumer service) with a database, topic prefix and Redis prefix of its own, sends the
// complaints open-loop through the gateway (signed as a channel), and while they flow SIGKILLs every
// service once, restarts the Kafka broker, restarts PostgreSQL and wipes the system's Redis keys. A
// channel re-sends what was not answered 202 (as a real one does). Then it waits for the system to
// converge and checks: exactly one complaint and one ticket per report, each routed once, every
// deadline and timer present, no duplicate escalation or alert, nothing in a dead-letter topic.
// Exit code 1 when it does not converge.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { signChannelRequest } from '@bekasi/auth';
import { ALL_TOPICS, TicketAssignedV1, TicketTriagedV1, TopicNaming } from '@bekasi/contracts';
import { createKafka } from '@bekasi/messaging';
import { deleteRedisKeys, resetWorkspace } from '../bench/bench-workspace.cli';
import { complaintText } from '../bench/complaint-texts';
import { runOpenLoop } from '../bench/open-loop';
import { benchChannel } from '../bench/system-steps';

const root = join(__dirname, '..', '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const count = Number(arg('--complaints', '10000'));
const rate = Number(arg('--rate', '500'));
const replicas = Number(arg('--replicas', '1'));
const convergeSeconds = Number(arg('--timeout', '1200'));
/** Faults are spread over the sending time, or this many seconds when sending is shorter (they must meet work in flight). */
const faultWindowSeconds = Number(arg('--fault-window', '60'));
const SERVICES = ['intake', 'routing', 'desk', 'sla', 'escalation', 'ikp', 'gateway'];

const env = {
  ...process.env,
  DATABASE_URL: process.env.CHAOS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bekasi_chaos',
  KAFKA_TOPIC_PREFIX: 'chaos.',
  REDIS_PREFIX: 'chaos',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  INTAKE_RATE_LIMIT: '1000000',
  LAPOR_SIM_RATE: '0',
  DEMO_SEED: 'true',
  LAYOUT: 'each',
  REPLICAS: String(replicas),
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

function sh(command: string, args: string[]): void {
  execFileSync(command, args, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

function kill(service: string): void {
  const file = join(root, '.run', `${service}.child-pid`);
  if (!existsSync(file)) return log(`  ${service}: not running`);
  const pid = Number(readFileSync(file, 'utf8'));
  try {
    process.kill(pid, 'SIGKILL');
    log(`  SIGKILL ${service} (pid ${pid}); its supervisor restarts it`);
  } catch {
    log(`  ${service} was already gone`);
  }
}

async function wipeRedis(): Promise<void> {
  const redis = new Redis(env.REDIS_URL);
  const removed = await deleteRedisKeys(redis, `${env.REDIS_PREFIX}:*`);
  redis.disconnect();
  log(`  Redis wiped: ${removed} keys of "${env.REDIS_PREFIX}:*" deleted`);
}

/** The faults, spread over the sending time. */
function faults(): Array<{ at: number; name: string; run: () => Promise<void> | void }> {
  const steps: Array<{ name: string; run: () => Promise<void> | void }> = [
    ...SERVICES.map((s) => ({ name: `kill ${s}`, run: () => kill(s) })),
    {
      name: 'restart Kafka',
      run: () => {
        log('  Kafka broker: stop, start');
        sh('bash', ['tools/kafka/stop.sh']);
        sh('bash', ['tools/kafka/start.sh']);
      },
    },
    {
      name: 'restart PostgreSQL',
      run: () => {
        log('  PostgreSQL: pg_ctlcluster restart');
        const cluster = execFileSync('pg_lsclusters', ['-h'], { encoding: 'utf8' }).trim().split('\n')[0].split(/\s+/);
        sh('pg_ctlcluster', ['--skip-systemctl-redirect', cluster[0], cluster[1], 'restart']);
      },
    },
    { name: 'wipe Redis', run: wipeRedis },
  ];
  return steps.map((s, i) => ({ ...s, at: (i + 1) / (steps.length + 1) }));
}

async function query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  for (let attempt = 1; ; attempt++) {
    const db = new Client({ connectionString: env.DATABASE_URL });
    try {
      await db.connect();
      return (await db.query(sql, params)).rows;
    } catch (err) {
      if (attempt >= 30) throw err;
      await sleep(1000);
    } finally {
      await db.end().catch(() => undefined);
    }
  }
}

interface Check {
  complaints: number;
  tickets: number;
  done: number;
  routedTwice: number;
  withoutTimers: number;
  duplicateAlerts: number;
}

async function check(marker: string): Promise<Check> {
  const like = `${marker}-%`;
  const [row] = await query(
    `SELECT
       (SELECT count(*)::int FROM intake.complaints WHERE external_id LIKE $1) AS complaints,
       (SELECT count(*)::int FROM desk.tickets t JOIN intake.complaints c ON c.id = t.id WHERE c.external_id LIKE $1) AS tickets,
       (SELECT count(DISTINCT c.id)::int FROM intake.complaints c
          JOIN desk.outbox o ON o.message_key = c.id::text AND o.event_type = ANY($2::text[])
          JOIN sla.applied_events a ON a.event_id = o.event_id::text WHERE c.external_id LIKE $1) AS done,
       (SELECT count(*)::int FROM (SELECT d.complaint_id FROM routing.disposition_decisions d JOIN intake.complaints c ON c.id = d.complaint_id
          WHERE c.external_id LIKE $1 AND d.trigger = 'complaint.received' GROUP BY 1 HAVING count(*) > 1) x) AS routed_twice,
       (SELECT count(*)::int FROM desk.tickets t JOIN intake.complaints c ON c.id = t.id WHERE c.external_id LIKE $1
          AND (NOT EXISTS (SELECT 1 FROM sla.deadlines d WHERE d.ticket_id = t.id AND d.kind = CASE WHEN t.status = 'triage' THEN 'verification' ELSE 'resolution' END)
               OR NOT EXISTS (SELECT 1 FROM sla.timers tm WHERE tm.ticket_id = t.id AND tm.state = 'pending'))) AS without_timers,
       (SELECT count(*)::int FROM (SELECT 1 FROM escalation.outbox, LATERAL (SELECT payload::jsonb AS p) j WHERE event_type LIKE '%escalation.raised%'
          GROUP BY p->>'ticketId', p->>'deadlineKind', p->>'unitCode', p->>'deadlineAt', p->>'level' HAVING count(*) > 1) x) AS duplicate_alerts`,
    [like, [TicketAssignedV1.type, TicketTriagedV1.type]],
  );
  return { complaints: row.complaints, tickets: row.tickets, done: row.done, routedTwice: row.routed_twice, withoutTimers: row.without_timers, duplicateAlerts: row.duplicate_alerts };
}

async function deadLetters(): Promise<number> {
  const naming = new TopicNaming(env.KAFKA_TOPIC_PREFIX);
  const admin = createKafka({ brokers: env.KAFKA_BROKERS.split(','), topicPrefix: env.KAFKA_TOPIC_PREFIX, clientId: 'chaos' }).admin();
  await admin.connect();
  try {
    let total = 0;
    for (const topic of ALL_TOPICS) for (const p of await admin.fetchTopicOffsets(naming.deadLetter(topic))) total += Number(p.high) - Number(p.low);
    return total;
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  log(`chaos: ${count} complaints at ${rate}/s, ${replicas} replica(s) of every consumer service, every fault`);
  if (existsSync(join(root, '.run')) && execFileSync('bash', ['-c', 'ls .run/*.pid 2>/dev/null | wc -l'], { cwd: root, encoding: 'utf8' }).trim() !== '0') {
    log('stopping the running system first (it uses the same ports)');
    sh('bash', ['tools/stop.sh', '--keep-kafka']);
  }
  sh('bash', ['tools/kafka/start.sh']);
  await resetWorkspace(env);
  sh('bash', ['tools/start.sh', '--detach']);
  log('system ready');
  const channel = benchChannel();
  const marker = `chaos-${Date.now()}`;
  const body = (i: number) => {
    const { title, text, category } = complaintText(i, marker);
    return JSON.stringify({ externalId: `${marker}-${i}`, title, text, category: { name: category } });
  };
  const plan = faults();
  const started = Date.now();
  const sendSeconds = count / rate;
  const injector = (async () => {
    for (const fault of plan) {
      const due = started + fault.at * Math.max(sendSeconds, faultWindowSeconds) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      try {
        await fault.run();
      } catch (err) {
        log(`  ${fault.name} failed: ${(err as Error).message}`);
      }
    }
  })();
  const first = await runOpenLoop({
    host: '127.0.0.1',
    port: 3000,
    rate,
    durationMs: sendSeconds * 1000,
    connections: 128,
    request: (i) => {
      const b = body(i);
      return { i, path: '/api/v1/intake/complaints', body: b, headers: { 'content-type': 'application/json', ...signChannelRequest({ channelId: channel.id, secret: channel.secret, body: b }) } };
    },
  });
  const sentAt = Date.now();
  let missing = first.sent.filter((s) => s.status !== 202).map((s) => s.i);
  const statuses = new Map<number, number>();
  for (const s of first.sent) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
  log(`  answers: ${[...statuses].map(([status, n]) => `${status === 0 ? 'no connection' : `HTTP ${status}`} × ${n}`).join(', ')}`);
  log(`sent ${count} in ${((sentAt - started) / 1000).toFixed(1)} s; ${count - missing.length} answered 202, ${missing.length} re-sent until accepted`);
  for (let round = 1; missing.length > 0; round++) {
    if (round > 120) throw new Error(`${missing.length} complaints never accepted`);
    await sleep(2000);
    const retry = await runOpenLoop({
      host: '127.0.0.1',
      port: 3000,
      rate: Math.min(rate, 200),
      durationMs: Math.max(1, (missing.length / Math.min(rate, 200)) * 1000),
      connections: 32,
      request: (k) => {
        const b = body(missing[k]);
        return { i: k, path: '/api/v1/intake/complaints', body: b, headers: { 'content-type': 'application/json', ...signChannelRequest({ channelId: channel.id, secret: channel.secret, body: b }) } };
      },
    });
    missing = retry.sent.filter((s) => s.status !== 202).map((s) => missing[s.i]);
  }
  await injector;
  log('every complaint accepted and every fault injected; waiting for the system to converge');
  let last: Check | undefined;
  const until = Date.now() + convergeSeconds * 1000;
  while (Date.now() < until) {
    last = await check(marker).catch(() => last);
    if (last && last.done >= count && last.tickets === count) break;
    await sleep(5000);
    if (last) log(`  ${last.done}/${count} tickets with deadlines and timers`);
  }
  const converged = Date.now();
  await sleep(3000);
  const final = await check(marker);
  const letters = await deadLetters();
  log(
    `result: ${final.complaints} complaints, ${final.tickets} tickets, ${final.done} done, ${final.routedTwice} routed twice, ${final.withoutTimers} without deadline/timers, ` +
      `${final.duplicateAlerts} duplicate alerts, ${letters} dead letters; converged ${((converged - sentAt) / 1000).toFixed(1)} s after the last send ` +
      `(${((converged - started) / 1000).toFixed(1)} s after the first)`,
  );
  const ok = final.complaints === count && final.tickets === count && final.done === count && final.routedTwice === 0 && final.withoutTimers === 0 && final.duplicateAlerts === 0 && letters === 0;
  log(ok ? 'OK: nothing lost, nothing doubled, nothing dead-lettered' : 'FAILED: the system did not converge');
  if (!process.argv.includes('--keep')) sh('bash', ['tools/stop.sh', '--keep-kafka']);
  process.exit(ok ? 0 : 1);
}

main().catch((err) => {
  console.error(`chaos: ${(err as Error).stack}`);
  try {
    if (!process.argv.includes('--keep')) sh('bash', ['tools/stop.sh', '--keep-kafka']);
  } catch {
    // nothing more to stop
  }
  process.exit(1);
});
