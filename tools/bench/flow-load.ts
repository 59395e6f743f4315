// The "flow" process of the small layout (routing and desk in one Node process) under load, without
// intake, the gateway or sla: what routing and desk cost per complaint, consumers and relays
// included, on their own database schemas and topics of the real broker, like the integration tests.
// N complaint.received are published at RATE per second (0: all at once, a backlog), and the CPU of
// this process is measured until desk holds N tickets; PROFILE=file writes a V8 CPU profile of that
// window (tools/bench/profile-summary.js or Chrome DevTools read it). Without a validated threshold
// every complaint goes to triage; ROUTING_AUTO_THRESHOLD=0.3 routes most of them instead. It also prints, from
// the applied-event ledgers, the batch transactions and ledger rows each service paid per complaint.
// Usage: N=3000 RATE=250 [PROFILE=/tmp/flow.cpuprofile] [ROUTING_AUTO_THRESHOLD=0.3] node tools/run.js tools/bench/flow-load.ts
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { SystemClock } from '@bekasi/clock';
import { CLOUDEVENTS_SPEC_VERSION, ComplaintReceivedV1, toKafkaRecord, type ComplaintReceived } from '@bekasi/contracts';
import { aComplaintReceived, TEST_DATABASE_URL, TestInfra } from '@bekasi/testing';
import { complaintText } from './complaint-texts';
import { DeskModule } from '../../apps/desk/src/app.module';
import { DeskConfig } from '../../apps/desk/src/desk.config';
import { RoutingAppModule } from '../../apps/routing/src/app.module';
import { RoutingConfig } from '../../apps/routing/src/routing.config';

const N = Number(process.env.N ?? 3000);
const RATE = Number(process.env.RATE ?? 0);
const WARM_UP = 300;
const TICK_MS = 50;
const clock = new SystemClock();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

function complaint(i: number): ComplaintReceived {
  const text = complaintText(i, 'flow');
  return aComplaintReceived({ trackingId: String(1_000_000 + i), title: text.title, text: text.text, category: text.category });
}

async function started(module: DynamicModule): Promise<INestApplication> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app = ref.createNestApplication({ bodyParser: false, logger: false });
  await app.init();
  return app;
}

async function main() {
  const infra = await TestInfra.create('flowload');
  const deskSchema = `${infra.schema}_desk`;
  const routing = await started(RoutingAppModule.forRoot({ configValues: infra.config(RoutingConfig, { LOG_LEVEL: 'warn', ...(process.env.ROUTING_AUTO_THRESHOLD ? { ROUTING_AUTO_THRESHOLD: process.env.ROUTING_AUTO_THRESHOLD } : {}) }), clock }));
  const desk = await started(DeskModule.forRoot({ configValues: infra.config(DeskConfig, { DB_SCHEMA: deskSchema, LOG_LEVEL: 'warn' }), clock }));
  const deskDb = desk.get(DataSource);
  const producer = infra.kafka.producer();
  await producer.connect();
  let next = 0;
  const publish = async (n: number) => {
    const messages = Array.from({ length: n }, () => {
      const data = complaint(next++);
      const id = randomUUID();
      return toKafkaRecord({
        id,
        source: '/bekasi-lapor/intake',
        type: ComplaintReceivedV1.type,
        specversion: CLOUDEVENTS_SPEC_VERSION,
        time: new Date().toISOString(),
        subject: data.complaintId,
        datacontenttype: 'application/json',
        correlationid: id,
        causationid: id,
        data,
      });
    });
    await producer.send({ topic: infra.naming.physical('complaints'), messages });
  };
  const ticketsReach = async (n: number) => {
    while (Number((await deskDb.query(`SELECT count(*) AS n FROM "${deskSchema}"."tickets"`))[0].n) < n) await sleep(100);
  };

  // JIT, connections and routing's knowledge in memory first; then what the process costs doing nothing.
  await publish(WARM_UP);
  await ticketsReach(WARM_UP);
  await sleep(2000);
  const idleFrom = process.cpuUsage();
  await sleep(3000);
  console.log(`idle: ${(cpuMs(process.cpuUsage(idleFrom)) / 3).toFixed(1)} ms CPU per second`);

  const session = process.env.PROFILE ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 500 });
    await session.post('Profiler.start');
  }
  const from = process.cpuUsage();
  const start = Date.now();
  if (RATE > 0) {
    const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000));
    for (let sent = 0; sent < N; sent += perTick) {
      const tick = Date.now();
      await publish(Math.min(perTick, N - sent));
      await sleep(Math.max(0, TICK_MS - (Date.now() - tick)));
    }
  } else {
    for (let sent = 0; sent < N; sent += 1000) await publish(Math.min(1000, N - sent));
  }
  await ticketsReach(WARM_UP + N);
  const used = process.cpuUsage(from);
  const seconds = (Date.now() - start) / 1000;
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.PROFILE!, JSON.stringify(profile));
  }
  // The ledger says what each service paid for: a row per event applied, and one distinct xmin (the writing
  // transaction) per batch transaction.
  const ledger = async (name: string, db: DataSource, schema: string) => {
    const rows: { type: string; n: number }[] = await db.query(
      `SELECT regexp_replace("event_type", '^.*lapor\\.|\\.v[0-9]+$', '', 'g') AS type, count(*)::int AS n
         FROM "${schema}"."applied_events" WHERE "applied_at" >= $1 GROUP BY 1 ORDER BY 2 DESC`,
      [new Date(start)],
    );
    const [{ tx }] = await db.query(`SELECT count(DISTINCT xmin::text)::int AS tx FROM "${schema}"."applied_events" WHERE "applied_at" >= $1`, [new Date(start)]);
    return `${name} ${(tx / N).toFixed(3)} transactions and ${(rows.reduce((sum, r) => sum + r.n, 0) / N).toFixed(2)} ledger rows per complaint (${rows.map((r) => `${r.type} ${(r.n / N).toFixed(2)}`).join(', ')})`;
  };
  console.log(`ledger: ${await ledger('routing', routing.get(DataSource), infra.schema)}; ${await ledger('desk', deskDb, deskSchema)}`);
  const [routed] = await routing.get(DataSource).query(`SELECT count(*) FILTER (WHERE "outcome" = 'route')::int AS n FROM "${infra.schema}"."disposition_decisions"`);
  console.log(
    `flow: ${N} complaints (${routed.n} of all ${WARM_UP + N} routed automatically) ${RATE > 0 ? `offered at ${RATE}/s` : 'at once'}, tickets after ${seconds.toFixed(1)} s (${(N / seconds).toFixed(0)}/s); ` +
      `CPU ${(cpuMs(used) / N).toFixed(3)} ms per complaint (user ${(used.user / 1000 / N).toFixed(3)}, system ${(used.system / 1000 / N).toFixed(3)}), load generator included`,
  );
  await producer.disconnect();
  await routing.close();
  await desk.close();
  // cleanup() drops the test's own schema; desk's sits beside it.
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS "${deskSchema}" CASCADE`);
  await admin.end();
  await infra.cleanup();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
