// The raw baseline of `npm run bench`: the system's hot path — webhook → intake → routing → desk →
// sla — in plain node:http, kafkajs and pg, with no Nest and no TypeORM: the same DDL (the services'
// own migrations, run on raw_* schemas), the same topics (6 partitions, prefix `raw.`), the same
// CloudEvents envelopes and Kafka binding, the same producer settings (idempotent, one request in
// flight, acks=all) and fetch settings, batched the same way (one transaction per Kafka batch, the
// partitions of one fetch sharing it: ledger, domain rows, outbox; a relay woken by the commit), one
// process per hop. The domain work is the minimum each hop must write; what the system spends beyond
// it (routing's text analysis, the domain rules, the framework) is what the system/raw ratio shows.
//   node tools/run.js tools/bench/raw-baseline.ts setup | entry | routing | desk | sla
// First, before kafkajs: @bekasi/messaging installs the record decoder the services use, so both chains decode alike.
import { CONSUMER_FETCH, CreateMessagingTables1763900000000, createKafka, type ConsumerFetch } from '@bekasi/messaging';
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import { ALL_TOPICS, CLOUDEVENTS_SPEC_VERSION, fromKafkaMessage, toKafkaRecord, TopicNaming, type EventEnvelope } from '@bekasi/contracts';
import { ComplaintReceivedV1, TicketAssignedV1, TicketReceivedV1, TicketRoutedV1 } from '@bekasi/contracts';
import { CreateIntakeTables1764100000000 } from '../../apps/intake/src/persistence/migrations/1764100000000-create-intake-tables';
import { CreateRoutingTables1764000000000 } from '../../apps/routing/src/persistence/migrations/1764000000000-create-routing-tables';
import { CreateDeskTables1764100000000 } from '../../apps/desk/src/persistence/migrations/1764100000000-create-desk-tables';
import { CreateSlaTables1764200000000 } from '../../apps/sla/src/persistence/migrations/1764200000000-create-sla-tables';

export const RAW_SCHEMAS = { intake: 'raw_intake', routing: 'raw_routing', desk: 'raw_desk', sla: 'raw_sla' } as const;
export const RAW_PORT = Number(process.env.RAW_PORT ?? 3099);
const PREFIX = 'raw.';
const naming = new TopicNaming(PREFIX);
const databaseUrl = process.env.DATABASE_URL!;
const kafka: Kafka = createKafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), topicPrefix: PREFIX, clientId: 'raw-baseline' });
const UNITS = ['DINAS_PUPR', 'DINAS_LH', 'DINAS_KESEHATAN', 'DINAS_PENDIDIKAN', 'DISDUKCAPIL', 'DINAS_SOSIAL', 'DISHUB', 'SATPOL_PP'];

export function envelope(type: string, subject: string, data: unknown, cause?: EventEnvelope): EventEnvelope {
  const id = randomUUID();
  return {
    id, source: '/bekasi-lapor/raw', type, specversion: CLOUDEVENTS_SPEC_VERSION, time: new Date().toISOString(), subject,
    datacontenttype: 'application/json', correlationid: cause?.correlationid ?? id, causationid: cause?.id ?? id, data,
  };
}

export async function appendOutbox(client: PoolClient, schema: string, topic: string, events: EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  const records = events.map((e) => toKafkaRecord(e));
  await client.query(
    `INSERT INTO "${schema}"."outbox" ("event_id", "topic", "message_key", "event_type", "headers", "payload")
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[])`,
    [events.map((e) => e.id), events.map(() => topic), records.map((r) => r.key), events.map((e) => e.type), records.map((r) => JSON.stringify(r.headers)), records.map((r) => r.value)],
  );
}

/** The relay: woken by the outbox trigger's NOTIFY and by nudge(), publishes in commit order. */
export function startRelay(pool: Pool, schema: string, client: Kafka = kafka): { nudge(): void } {
  let producer: Producer;
  let wake: (() => void) | undefined;
  let dirty = false;
  const nudge = () => {
    dirty = true;
    wake?.();
  };
  void (async () => {
    producer = client.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const listener = await pool.connect();
    listener.on('notification', nudge);
    await listener.query(`LISTEN "outbox_${schema}"`);
    for (;;) {
      dirty = false;
      const client = await pool.connect();
      let count = 0;
      try {
        // As the system's relay: two round trips (open and take the rows; mark and commit), and an
        // index scan, which skips the published rows it finds dead.
        const opened = (await client.query(
          `BEGIN; SET LOCAL enable_bitmapscan = off;
           SELECT "seq", "topic", "message_key", "headers", "payload" FROM "${schema}"."outbox" WHERE "published_at" IS NULL ORDER BY "seq" LIMIT 1000 FOR UPDATE SKIP LOCKED`,
        )) as unknown as Array<{ rows: Array<{ seq: string; topic: string; message_key: string; headers: Record<string, string>; payload: string }> }>;
        const rows = opened[2].rows;
        count = rows.length;
        if (count > 0) {
          await producer.sendBatch({ acks: -1, topicMessages: [{ topic: rows[0].topic, messages: rows.map((r) => ({ key: r.message_key, value: r.payload, headers: r.headers })) }] });
          await client.query(`UPDATE "${schema}"."outbox" SET "published_at" = clock_timestamp() WHERE "seq" = ANY('{${rows.map((r) => BigInt(r.seq).toString()).join(',')}}'::bigint[]); COMMIT`);
        } else {
          await client.query('COMMIT');
        }
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        console.error(`raw relay ${schema}: ${(err as Error).message}`);
      } finally {
        client.release();
      }
      if (count < 1000 && !dirty) await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, 1000)));
      wake = undefined;
    }
  })();
  return { nudge };
}

export interface RawHopOptions {
  pool: Pool;
  schema: string;
  group: string;
  /** Physical topic name. */
  topic: string;
  wanted: string;
  apply: (client: PoolClient, events: EventEnvelope[]) => Promise<void>;
  relay?: { nudge(): void };
  kafka?: Kafka;
  fetch?: Partial<ConsumerFetch>;
}

/** A hop: one transaction per Kafka batch (ledger in bulk, the hop's writes, outbox), offsets after the commit. */
async function startHop(name: 'routing' | 'desk' | 'sla', wanted: string, apply: (client: PoolClient, events: EventEnvelope[]) => Promise<void>, relay?: { nudge(): void }) {
  const pool = new Pool({ connectionString: databaseUrl, max: 6 });
  await consumeHop({ pool, schema: RAW_SCHEMAS[name], group: `raw.${name}`, topic: naming.physical(name === 'routing' ? 'complaints' : 'tickets'), wanted, apply, relay });
}

export async function consumeHop({ pool, schema, group, topic, wanted, apply, relay, kafka: client = kafka, fetch: override }: RawHopOptions) {
  // The system's fetch settings: batches form the same way on both sides.
  const fetch = { ...CONSUMER_FETCH, ...override };
  const consumer = client.consumer({ groupId: group, ...fetch, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  // As in the system: the partition batches of one fetch share one transaction, and their offsets one request.
  type Share = { topic: string; partition: number; events: EventEnvelope[]; done: (err?: unknown) => void };
  let joining: Share[] = [];
  const apply1 = async (shares: Share[]) => {
    const rows = shares.flatMap((s) => s.events.map((e) => ({ e, topic: s.topic, partition: s.partition })));
    const db = await pool.connect();
    try {
      await db.query('BEGIN');
      // As in the system: the ledger is read first and written after the effect, once per event.
      const known = await db.query(
        `SELECT a."event_id" FROM unnest($2::text[]) AS e(id)
           CROSS JOIN LATERAL (SELECT "event_id" FROM "${schema}"."applied_events" WHERE "consumer_group" = $1 AND "event_id" = e.id LIMIT 1) a`,
        [group, rows.map((r) => r.e.id)],
      );
      const applied = new Set(known.rows.map((r) => r.event_id));
      const news = rows.filter((r) => !applied.has(r.e.id) && applied.add(r.e.id));
      if (news.length > 0) {
        await apply(db, news.map((r) => r.e));
        const inserted = await db.query(
          `INSERT INTO "${schema}"."applied_events" ("consumer_group", "event_id", "event_type", "topic", "partition", "kafka_offset", "applied_at")
           SELECT $1, e.id, e.type, e.topic, e.part, 0, clock_timestamp() FROM unnest($2::text[], $3::text[], $4::text[], $5::int[]) AS e(id, type, topic, part) ON CONFLICT DO NOTHING RETURNING "event_id"`,
          [group, news.map((r) => r.e.id), news.map((r) => r.e.type), news.map((r) => r.topic), news.map((r) => r.partition)],
        );
        if (inserted.rows.length < news.length) throw new Error('events applied by another consumer meanwhile');
      }
      await db.query('COMMIT');
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      console.error(`raw hop ${group}: ${(err as Error).message}`);
      throw err;
    } finally {
      db.release();
    }
    relay?.nudge();
  };
  const flush = () => {
    const shares = joining;
    joining = [];
    apply1(shares).then(() => shares.forEach((s) => s.done()), (err) => shares.forEach((s) => s.done(err)));
  };
  let commits: Array<{ topic: string; partition: number; offset: string; done: (err?: unknown) => void }> = [];
  const commitAll = () => {
    const batch = commits;
    commits = [];
    consumer.commitOffsets(batch.map(({ topic, partition, offset }) => ({ topic, partition, offset }))).then(() => batch.forEach((c) => c.done()), (err) => batch.forEach((c) => c.done(err)));
  };
  const settled = (push: (done: (err?: unknown) => void) => void) => new Promise<void>((resolve, reject) => push((err) => (err ? reject(err) : resolve())));
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 12,
    eachBatch: async ({ batch, resolveOffset }) => {
      const events = batch.messages.map((m) => fromKafkaMessage(m)).filter((e) => e.type === wanted);
      if (events.length > 0) {
        await settled((done) => {
          joining.push({ topic: batch.topic, partition: batch.partition, events, done });
          if (joining.length === 1) setImmediate(flush);
        });
      }
      const last = batch.messages[batch.messages.length - 1].offset;
      resolveOffset(last);
      await settled((done) => {
        commits.push({ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString(), done });
        if (commits.length === 1) setImmediate(commitAll);
      });
    },
  });
  return consumer;
}

async function entry(): Promise<void> {
  const schema = RAW_SCHEMAS.intake;
  const pool = new Pool({ connectionString: databaseUrl, max: 6 });
  const relay = startRelay(pool, schema);
  const secret = process.env.RAW_CHANNEL_SECRET ?? '';
  const waiting: Array<{ body: any; res: http.ServerResponse }> = [];
  let inFlight = 0;
  const flush = () => {
    while (inFlight < 2 && waiting.length > 0) {
      const group = waiting.splice(0, 500);
      inFlight++;
      void (async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows: numbers } = await client.query(`SELECT nextval('"${schema}"."tracking_number"')::text AS n FROM generate_series(1, $1)`, [group.length]);
          const items = group.map((g, i) => ({ ...g, id: randomUUID(), trackingId: `RAW-${numbers[i].n}`, receivedAt: new Date() }));
          const { rows } = await client.query(
            `INSERT INTO "${schema}"."complaints" ("id","tracking_id","identity_key","source","external_id","received_at","title","text","public_title","public_text",
               "personal_data_masked","anonymous","confidential","priority","historical")
             SELECT i, t, k, 'web-form', e, r, ti, tx, ti, tx, false, false, false, 'normal', false
               FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[]) AS x(i, t, k, e, r, ti, tx)
             ON CONFLICT ("identity_key") DO NOTHING RETURNING "id"`,
            [items.map((x) => x.id), items.map((x) => x.trackingId), items.map((x) => `web-form:${x.body.externalId}`), items.map((x) => x.body.externalId), items.map((x) => x.receivedAt), items.map((x) => x.body.title), items.map((x) => x.body.text)],
          );
          const stored = new Set(rows.map((r) => r.id));
          const events = items
            .filter((x) => stored.has(x.id))
            .map((x) => envelope(ComplaintReceivedV1.type, x.id, { complaintId: x.id, trackingId: x.trackingId, title: x.body.title, text: x.body.text, receivedAt: x.receivedAt.toISOString(), category: x.body.category ?? null }));
          await appendOutbox(client, schema, naming.physical('complaints'), events);
          await client.query('COMMIT');
          relay.nudge();
          for (const x of items) x.res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ complaintId: x.id, trackingId: x.trackingId }));
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          for (const x of group) x.res.writeHead(500).end((err as Error).message);
        } finally {
          client.release();
          inFlight--;
          flush();
        }
      })();
    }
  };
  http
    .createServer({ keepAlive: true }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        // The same channel check as the system's webhook: an HMAC over timestamp and body.
        const mac = createHmac('sha256', secret).update(`${req.headers['x-bekasi-timestamp']}.`).update(raw).digest('hex');
        if (req.headers['x-bekasi-signature'] !== `v1=${mac}`) return void res.writeHead(401).end();
        waiting.push({ body: JSON.parse(raw.toString()), res });
        flush();
      });
    })
    .listen(RAW_PORT, '127.0.0.1');
}

async function routing(): Promise<void> {
  const schema = RAW_SCHEMAS.routing;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const relay = startRelay(pool, schema);
  await startHop(
    'routing',
    ComplaintReceivedV1.type,
    async (client, events) => {
      const decided = events.map((e) => {
        const d = e.data as { complaintId: string; trackingId: string; title: string; text: string; receivedAt: string };
        const unitCode = UNITS[parseInt(d.complaintId.slice(0, 8), 16) % UNITS.length];
        return { e, d, id: randomUUID(), unitCode };
      });
      await client.query(
        `INSERT INTO "${schema}"."disposition_decisions" ("id","complaint_id","trigger","outcome","routed_by","unit_code","confidence","reasons","alternatives","rule_set_version","bounce_count","created_at")
         SELECT i, c, 'complaint.received', 'route', 'auto', u, 0.9, '[]', '[]', 1, 0, now() FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(i, c, u)`,
        [decided.map((x) => x.id), decided.map((x) => x.d.complaintId), decided.map((x) => x.unitCode)],
      );
      const out = decided.map((x) =>
        envelope(TicketRoutedV1.type, x.d.complaintId, { ticketId: x.d.complaintId, decisionId: x.id, unitCode: x.unitCode, kecamatanCode: null, confidence: 0.9, routedBy: 'auto', reasons: [], alternatives: [], bounceCount: 0, complaint: x.d }, x.e),
      );
      await appendOutbox(client, schema, naming.physical('tickets'), out);
    },
    relay,
  );
}

async function desk(): Promise<void> {
  const schema = RAW_SCHEMAS.desk;
  const pool = new Pool({ connectionString: databaseUrl, max: 4 });
  const relay = startRelay(pool, schema);
  await startHop(
    'desk',
    TicketRoutedV1.type,
    async (client, events) => {
      const now = new Date();
      const t = events.map((e) => e.data as { ticketId: string; unitCode: string; complaint: { trackingId: string; title: string; text: string; receivedAt: string } });
      await client.query(
        `INSERT INTO "${schema}"."tickets" ("id","tracking_id","version","status","unit_code","bounce_count","refused_unit_codes","reopen_count","received_at","assigned_at","updated_at","title","text","anonymous","confidential","priority","triage_suggestions")
         SELECT i, k, 2, 'assigned', u, 0, '[]', 0, r, $5, $5, ti, tx, false, false, 'normal', '[]' FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $6::text[], $7::text[]) AS x(i, k, u, r, ti, tx)`,
        [t.map((x) => x.ticketId), t.map((x) => x.complaint.trackingId), t.map((x) => x.unitCode), t.map((x) => x.complaint.receivedAt), now, t.map((x) => x.complaint.title), t.map((x) => x.complaint.text)],
      );
      await client.query(
        `INSERT INTO "${schema}"."ticket_audit" ("ticket_id","version","at","actor_role","actor_user_id","action","from_status","to_status")
         SELECT i, v, $2, 'system', 'desk', a, f, s FROM unnest($1::uuid[], $3::int[], $4::text[], $5::text[], $6::text[]) AS x(i, v, a, f, s)`,
        [t.flatMap((x) => [x.ticketId, x.ticketId]), now, t.flatMap(() => [1, 2]), t.flatMap(() => ['receive', 'route']), t.flatMap(() => [null, 'received']), t.flatMap(() => ['received', 'assigned'])],
      );
      const base = (x: (typeof t)[number]) => ({ ticketId: x.ticketId, trackingId: x.complaint.trackingId, kecamatanCode: null, classification: null, receivedAt: x.complaint.receivedAt, actor: { role: 'system', userId: 'desk' }, at: now.toISOString() });
      const out = t.flatMap((x, i) => [
        envelope(TicketReceivedV1.type, x.ticketId, { ...base(x), unitCode: null, from: null, to: 'received', version: 1 }, events[i]),
        envelope(TicketAssignedV1.type, x.ticketId, { ...base(x), unitCode: x.unitCode, from: 'received', to: 'assigned', version: 2, decisionId: randomUUID(), routedBy: 'auto', previousUnitCode: null, reason: null }, events[i]),
      ]);
      await appendOutbox(client, schema, naming.physical('tickets'), out);
    },
    relay,
  );
}

async function sla(): Promise<void> {
  const schema = RAW_SCHEMAS.sla;
  await startHop('sla', TicketAssignedV1.type, async (client, events) => {
    const now = new Date();
    const t = events.map((e) => e.data as { ticketId: string; unitCode: string });
    const day = 86_400_000;
    await client.query(
      `INSERT INTO "${schema}"."ticket_clocks" (ticket_id, facts, policy_version, updated_at) SELECT i, '{}', 'raw', $2 FROM unnest($1::uuid[]) AS x(i)
       ON CONFLICT (ticket_id) DO UPDATE SET facts = EXCLUDED.facts, updated_at = EXCLUDED.updated_at`,
      [t.map((x) => x.ticketId), now],
    );
    const kinds = ['first-response', 'resolution'];
    await client.query(
      `INSERT INTO "${schema}"."deadlines" (ticket_id, kind, unit_code, starts_at, working_days, due_at, state, policy_version, updated_at)
       SELECT i, k, u, $4, 10, $5, 'running', 'raw', $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(i, k, u)
       ON CONFLICT (ticket_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at`,
      [t.flatMap((x) => kinds.map(() => x.ticketId)), t.flatMap(() => kinds), t.flatMap((x) => kinds.map(() => x.unitCode)), now, new Date(now.getTime() + 14 * day)],
    );
    const timers = t.flatMap((x) => kinds.flatMap((k) => ['r50', 'r80', 'breach'].map((w, j) => ({ id: `${x.ticketId}.${k}.${w}`, ticketId: x.ticketId, kind: k, what: w === 'breach' ? 'breach' : 'reminder', unitCode: x.unitCode, fireAt: new Date(now.getTime() + (j + 1) * 4 * day) }))));
    await client.query(
      `INSERT INTO "${schema}"."timers" (id, ticket_id, kind, what, roles, unit_code, deadline_at, fire_at, state, policy_version)
       SELECT i, t, k, w, '[]', u, $6, f, 'pending', 'raw' FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::text[], $7::timestamptz[]) AS x(i, t, k, w, u, f)
       ON CONFLICT (id) DO UPDATE SET fire_at = EXCLUDED.fire_at`,
      [timers.map((x) => x.id), timers.map((x) => x.ticketId), timers.map((x) => x.kind), timers.map((x) => x.what), timers.map((x) => x.unitCode), new Date(now.getTime() + 14 * day), timers.map((x) => x.fireAt)],
    );
  });
}

/** Fresh raw schemas (the services' own migrations) and topics. */
export async function setupRaw(): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  const migrations: Record<keyof typeof RAW_SCHEMAS, Array<{ up(q: any): Promise<void> }>> = {
    intake: [new CreateMessagingTables1763900000000(), new CreateIntakeTables1764100000000()],
    routing: [new CreateMessagingTables1763900000000(), new CreateRoutingTables1764000000000()],
    desk: [new CreateMessagingTables1763900000000(), new CreateDeskTables1764100000000()],
    sla: [new CreateMessagingTables1763900000000(), new CreateSlaTables1764200000000()],
  };
  for (const [service, schema] of Object.entries(RAW_SCHEMAS) as Array<[keyof typeof RAW_SCHEMAS, string]>) {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.query(`CREATE SCHEMA "${schema}"`);
    const runner = { query: (sql: string, params?: unknown[]) => pool.query(sql, params).then((r) => r.rows), connection: { options: { schema } } };
    for (const m of migrations[service]) await m.up(runner);
  }
  await pool.end();
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const raw = ALL_TOPICS.map((t) => naming.physical(t));
  const old = raw.filter((t) => existing.has(t));
  if (old.length) await admin.deleteTopics({ topics: old, timeout: 10_000 });
  await new Promise((r) => setTimeout(r, 1000));
  await admin.createTopics({ topics: raw.map((topic) => ({ topic, numPartitions: 6, replicationFactor: 1 })), waitForLeaders: true });
  for (const group of ['raw.routing', 'raw.desk', 'raw.sla']) await admin.deleteGroups([group]).catch(() => undefined);
  await admin.disconnect();
}

// Run as a command (tools/run.js puts the entry's path in argv[1]), not when imported by the bench.
if (process.argv[1] === __filename) {
  const mode = process.argv[2];
  const run = { setup: setupRaw, entry, routing, desk, sla }[mode as 'setup'];
  if (!run) {
    console.error('usage: raw-baseline.ts setup | entry | routing | desk | sla');
    process.exit(2);
  }
  run().catch((err) => {
    console.error(`raw ${mode}: ${(err as Error).stack}`);
    process.exit(1);
  });
}
