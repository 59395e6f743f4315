// What the messaging framework costs per message, beside the raw baseline's plain kafkajs + pg code
// doing the same hop: N complaint.received events are consumed (ledger in bulk, one domain row each,
// one outbox row each, one transaction per Kafka batch, offsets after the commit) and relayed to the
// next topic. RATE=0: the N events are on the topic before the hop starts (a backlog: big batches);
// RATE>0: a separate process produces them at RATE/s while the hop runs (small batches, as under
// steady load), and the latency from production to "relayed" is reported. Each side runs alone in a
// child process on its own schema and topics (TestInfra), so the Node CPU time it reports is that
// side's alone, whatever else the machine is doing. Needs no port: it can run while a bench holds the lock.
//   node tools/run.js tools/bench/framework-overhead.ts [N=20000] [RATE=0] [system|raw ...]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { Pool } from 'pg';
import { Partitioners, type Kafka } from 'kafkajs';
import { ComplaintReceivedV1, defineEvent, toKafkaRecord, type EventEnvelope } from '@bekasi/contracts';
import { SystemClock } from '@bekasi/clock';
import { createKafka, EventConsumer, OutboxRelay, OutboxWriter, type ConsumedEvent, type ConsumerFetch } from '@bekasi/messaging';
import { aComplaintReceived, TEST_DATABASE_URL, TEST_KAFKA_BROKERS, TestInfra, waitFor } from '@bekasi/testing';
import { appendOutbox, consumeHop, envelope, startRelay } from './raw-baseline';

const root = join(__dirname, '..', '..');

/** The hop's output: the complaint carried on, as routing's ticket.routed carries it. */
const ForwardedV1 = defineEvent({
  name: 'bench.forwarded',
  version: 1,
  topic: 'tickets',
  description: 'framework-overhead bench only',
  schema: Type.Object({ ticketId: Type.String(), unitCode: Type.String(), complaint: Type.Object({ trackingId: Type.String(), title: Type.String(), text: Type.String(), receivedAt: Type.String() }) }),
});

const TEXT = 'Jalan rusak berlubang di Desa Babelan Kota sejak tiga bulan, sudah ada dua pengendara motor jatuh; mohon segera diperbaiki sebelum musim hujan. ';

function complaint(i: number) {
  return aComplaintReceived({ trackingId: `FW-${i}`, source: 'web-form', externalId: `fw-${i}`, channel: null, title: `Jalan rusak ${i}`, text: TEXT.repeat(2) });
}

/** Produces `count` events, all at once (rate 0) or `rate` per second in sends every 10 ms. */
async function produce(kafka: Kafka, topic: string, count: number, rate: number): Promise<void> {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const step = rate > 0 ? Math.max(1, Math.round(rate / 100)) : 1000;
  const t0 = Date.now();
  for (let start = 0; start < count; start += step) {
    if (rate > 0) {
      const due = t0 + (start / rate) * 1000;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    }
    const messages = [];
    for (let i = start; i < Math.min(count, start + step); i++) {
      const data = complaint(i);
      const e: EventEnvelope = { ...envelope(ComplaintReceivedV1.type, data.complaintId, data), source: '/bench' };
      const r = toKafkaRecord(e);
      messages.push({ key: r.key, value: r.value, headers: r.headers });
    }
    await producer.send({ topic, acks: -1, messages });
  }
  await producer.disconnect();
}

const DDL = (schema: string) => `CREATE TABLE "${schema}"."effects" (ticket_id UUID PRIMARY KEY, tracking_id TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, unit_code TEXT NOT NULL, at TIMESTAMPTZ NOT NULL)`;
const INSERT = (schema: string) =>
  `INSERT INTO "${schema}"."effects" (ticket_id, tracking_id, title, text, unit_code, at) SELECT i, k, ti, tx, 'DINAS_PUPR', now() FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS x(i, k, ti, tx)`;

type Complaint = ReturnType<typeof complaint>;

/** FW_MIN_BYTES / FW_MAX_WAIT_MS try other fetch settings on both sides. */
function fetchOverride(): Partial<ConsumerFetch> {
  const out: Partial<ConsumerFetch> = {};
  if (process.env.FW_MIN_BYTES) out.minBytes = Number(process.env.FW_MIN_BYTES);
  if (process.env.FW_MAX_WAIT_MS) out.maxWaitTimeInMs = Number(process.env.FW_MAX_WAIT_MS);
  return out;
}

async function runSide(side: 'system' | 'raw', count: number, rate: number): Promise<void> {
  const infra = await TestInfra.create(`fw${side}`, { partitions: 6 });
  const ds = await infra.dataSource();
  await ds.query(DDL(infra.schema));
  const source = infra.naming.physical('complaints');
  let producer: ChildProcess | undefined;
  if (rate === 0) await produce(infra.kafka, source, count, 0);
  const published = async () => Number((await ds.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."outbox" WHERE published_at IS NOT NULL`))[0].n);
  let cpu0 = process.cpuUsage();
  let t0 = Date.now();
  const stops: Array<() => Promise<unknown>> = [];
  const rounds = { busy: 0, empty: 0 };
  if (side === 'system') {
    const writer = new OutboxWriter('/bench', infra.naming, new SystemClock());
    const logger = { debug() {}, info: (o: object, m: string) => console.error(m, o), warn: (o: object, m: string) => console.error(m, o), error: (o: object, m: string) => console.error(m, o) } as never;
    const relay = new OutboxRelay(ds, infra.kafka, { logger });
    const consumer = new EventConsumer({ kafka: infra.kafka, dataSource: ds, naming: infra.naming, groupId: `${infra.id}.hop`, logger, fetch: fetchOverride(), afterCommit: () => relay.nudge() }).onBatch({
      name: 'bench.hop',
      events: [ComplaintReceivedV1],
      handle: async (events: readonly ConsumedEvent[], { tx }) => {
        const data = events.map((e) => e.data as Complaint);
        await tx.query(INSERT(infra.schema), [data.map((d) => d.complaintId), data.map((d) => d.trackingId), data.map((d) => d.title), data.map((d) => d.text)]);
        await writer.appendMany(
          tx,
          events.map((e, i) => ({
            definition: ForwardedV1,
            data: { ticketId: data[i].complaintId, unitCode: 'DINAS_PUPR', complaint: { trackingId: data[i].trackingId, title: data[i].title, text: data[i].text, receivedAt: data[i].receivedAt } },
            options: { subject: data[i].complaintId, causedBy: e.envelope },
          })),
        );
      },
    });
    const publishBatch = relay.publishBatch.bind(relay);
    relay.publishBatch = async () => {
      const n = await publishBatch();
      rounds[n > 0 ? 'busy' : 'empty']++;
      return n;
    };
    await relay.connect();
    relay.start();
    await consumer.start();
    stops.push(() => consumer.stop(), () => relay.stop());
  } else {
    const pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 6 });
    const relay = startRelay(pool, infra.schema, infra.kafka);
    const consumer = await consumeHop({
      pool, schema: infra.schema, group: `${infra.id}.hop`, topic: infra.naming.physical('complaints'), wanted: ComplaintReceivedV1.type, relay, kafka: infra.kafka, fetch: fetchOverride(),
      apply: async (client, events) => {
        const data = events.map((e) => e.data as Complaint);
        await client.query(INSERT(infra.schema), [data.map((d) => d.complaintId), data.map((d) => d.trackingId), data.map((d) => d.title), data.map((d) => d.text)]);
        const out = events.map((e, i) =>
          envelope(ForwardedV1.type, data[i].complaintId, { ticketId: data[i].complaintId, unitCode: 'DINAS_PUPR', complaint: { trackingId: data[i].trackingId, title: data[i].title, text: data[i].text, receivedAt: data[i].receivedAt } }, e),
        );
        await appendOutbox(client, infra.schema, infra.naming.physical('tickets'), out);
      },
    });
    stops.push(() => consumer.disconnect());
  }
  if (rate > 0) {
    await new Promise((r) => setTimeout(r, 4000)); // the consumer joins its group
    cpu0 = process.cpuUsage();
    t0 = Date.now();
    producer = spawn(process.execPath, [...process.execArgv, join(root, 'tools/run.js'), 'tools/bench/framework-overhead.ts', String(count), String(rate)], {
      stdio: 'inherit',
      env: { ...process.env, FW_SIDE: '', FW_PRODUCE: source },
    });
  }
  await waitFor('every event relayed', async () => (await published()) >= count, 600_000, 50);
  const wall = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const [latency] = await ds.query(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
       FROM (SELECT extract(epoch FROM published_at - (payload::jsonb #>> '{complaint,receivedAt}')::timestamptz) * 1000 AS ms FROM "${infra.schema}"."outbox") x`,
  );
  const [batches] = await ds.query(`SELECT count(DISTINCT xmin::text)::int AS n FROM "${infra.schema}"."applied_events"`);
  console.log(
    JSON.stringify({
      side, messages: count, rate, wallMs: wall, perSecond: Math.round(count / (wall / 1000)), nodeCpuMsPerMessage: Math.round((cpuMs / count) * 1000) / 1000,
      eventsPerTransaction: Math.round((count / batches.n) * 10) / 10, ...(side === 'system' ? { relayRounds: rounds } : {}), ...(rate > 0 ? { p50Ms: Math.round(latency.p50), p99Ms: Math.round(latency.p99) } : {}),
    }),
  );
  producer?.kill();
  for (const stop of stops) await stop().catch(() => undefined);
  await infra.cleanup();
  process.exit(0);
}

const [countArg, rateArg, ...sidesArg] = process.argv.slice(2);
const count = Number(countArg ?? 20000);
const rate = Number(rateArg ?? 0);
const fail = (err: unknown) => {
  console.error(err);
  process.exit(1);
};
if (process.env.FW_PRODUCE) {
  const kafka = createKafka({ brokers: TEST_KAFKA_BROKERS.split(','), topicPrefix: '', clientId: 'fw-producer' });
  void produce(kafka, process.env.FW_PRODUCE, count, rate).then(() => process.exit(0), fail);
} else if (process.env.FW_SIDE) {
  void runSide(process.env.FW_SIDE as 'system' | 'raw', count, rate).catch(fail);
} else {
  for (const side of sidesArg.length ? sidesArg : ['raw', 'system']) {
    spawnSync(process.execPath, [...process.execArgv, join(root, 'tools/run.js'), 'tools/bench/framework-overhead.ts', String(count), String(rate)], { stdio: 'inherit', env: { ...process.env, FW_SIDE: side } });
  }
}
