import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import { CE_HEADER, defineEvent, toKafkaRecord, type EventEnvelope } from '@bekasi/contracts';
import { FakeClock } from '@bekasi/clock';
import { TestInfra, TopicRecorder, waitFor } from '../src';
import { DLQ_HEADER, EventConsumer, OutboxRelay, OutboxWriter, replayDeadLetters } from '@bekasi/messaging';

const PingV1 = defineEvent({
  name: 'test.ping',
  version: 1,
  topic: 'tickets',
  description: 'test event',
  schema: Type.Object({ n: Type.Integer(), poison: Type.Optional(Type.Boolean()) }),
});

describe('event backbone against the real broker and database', () => {
  let infra: TestInfra;
  let ds: DataSource;
  const clock = new FakeClock(new Date('2026-11-23T02:00:00Z'));

  beforeAll(async () => {
    infra = await TestInfra.create('msg');
    ds = await infra.dataSource();
    await ds.query(`CREATE TABLE "${infra.schema}"."effects" (event_id TEXT NOT NULL, ticket TEXT NOT NULL, n INT NOT NULL, applied_seq BIGSERIAL)`);
  });
  // Whatever a test started is stopped even when an assertion fails, so nothing keeps jest alive.
  const running: { stop(): Promise<void> }[] = [];
  function track<T extends { stop(): Promise<void> }>(thing: T): T {
    running.push(thing);
    return thing;
  }
  afterEach(async () => {
    for (const thing of running.splice(0).reverse()) await thing.stop().catch(() => undefined);
  });
  afterAll(async () => {
    await infra.cleanup();
  });

  function consumerFor(group: string, onPing: (data: { n: number; poison?: boolean }, envelope: EventEnvelope) => Promise<void> = async () => undefined) {
    return track(new EventConsumer({ kafka: infra.kafka, dataSource: ds, naming: infra.naming, groupId: `${infra.id}.${group}`, retry: { maxAttempts: 3, initialDelayMs: 20 } }).on(
      PingV1,
      async (data, ctx) => {
        await onPing(data, ctx.envelope);
        await ctx.tx.query(`INSERT INTO "${infra.schema}"."effects" (event_id, ticket, n) VALUES ($1, $2, $3)`, [ctx.envelope.id, ctx.envelope.subject, data.n]);
      },
    ));
  }

  async function effects(ticket?: string): Promise<{ event_id: string; ticket: string; n: number }[]> {
    const rows: { event_id: string; ticket: string; n: number }[] = await ds.query(`SELECT event_id, ticket, n FROM "${infra.schema}"."effects" ORDER BY applied_seq`);
    return ticket ? rows.filter((r) => r.ticket === ticket) : rows;
  }

  it('an event written through the outbox arrives exactly once, even when the relay dies mid-batch and restarts', async () => {
    const writer = new OutboxWriter('/test', infra.naming, clock);
    const tickets: string[] = [randomUUID(), randomUUID(), randomUUID()];
    const written: string[] = [];
    await ds.transaction(async (tx) => {
      for (let n = 0; n < 60; n++) {
        const envelope = await writer.append(tx, PingV1, { n }, { subject: tickets[n % 3] });
        written.push(envelope.id);
      }
    });
    const recorder = track(await new TopicRecorder(infra.kafka, infra.naming.physical('tickets')).start());
    const consumer = consumerFor('exactly-once');
    await consumer.start();

    // First relay: the third batch reaches Kafka, then the process "dies" before marking it published.
    let batches = 0;
    const crashing = track(new OutboxRelay(ds, infra.kafka, {
      batchSize: 10,
      afterPublish: async () => {
        if (++batches === 3) throw new Error('relay killed after send, before commit');
      },
    }));
    await crashing.connect();
    for (let i = 0; i < 3; i++) await crashing.publishBatch().catch(() => undefined);
    await crashing.stop();
    const [{ left }] = await ds.query(`SELECT count(*)::int AS left FROM "${infra.schema}"."outbox" WHERE published_at IS NULL`);
    expect(left).toBe(40);

    const restarted = track(new OutboxRelay(ds, infra.kafka, { batchSize: 10, idleDelayMs: 20 }));
    restarted.start();
    await waitFor('all 60 effects', async () => (await effects()).length >= 60 && true);
    await waitFor('70 messages on the topic (one batch sent twice)', () => recorder.messages.length >= 70);
    await new Promise((r) => setTimeout(r, 500));
    await restarted.stop();
    await consumer.stop();
    await recorder.stop();

    const applied = await effects();
    expect(applied).toHaveLength(60);
    expect(new Set(applied.map((e) => e.event_id))).toEqual(new Set(written));
    expect(recorder.messages.length).toBe(70);
    // Per-ticket order is kept: the n of each ticket's effects only grows.
    for (const ticket of tickets) {
      const ns = applied.filter((e) => e.ticket === ticket).map((e) => e.n);
      expect(ns).toEqual([...ns].sort((a, b) => a - b));
    }
    // The relay keyed every message by its ticket id.
    expect(recorder.messages.every((m) => tickets.includes(String(m.message.key)))).toBe(true);
  });

  it('a consumer that sees the same event twice applies it once', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const id = randomUUID();
    const envelope: EventEnvelope = {
      id, source: '/test', type: PingV1.type, specversion: '1.0', time: clock.now().toISOString(), subject: randomUUID(),
      datacontenttype: 'application/json', correlationid: id, causationid: id, data: { n: 7 },
    };
    const producer = infra.kafka.producer();
    await producer.connect();
    const record = toKafkaRecord(envelope);
    await producer.send({ topic: infra.naming.physical('tickets'), messages: [record, record] });
    const after = { ...envelope, id: randomUUID(), data: { n: 8 } };
    await producer.send({ topic: infra.naming.physical('tickets'), messages: [toKafkaRecord(after)] });
    await producer.disconnect();

    const consumer = consumerFor('dedup');
    await consumer.start();
    await waitFor('the event after the duplicate', async () => (await effects(envelope.subject)).some((e) => e.n === 8));
    await consumer.stop();
    const applied = await effects(envelope.subject);
    expect(applied.map((e) => e.n)).toEqual([7, 8]);
  });

  it('a message that always throws goes to <topic>.dlq with its error after N attempts; later messages still flow; replay-dlq puts it back', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const ticket = randomUUID();
    const writer = new OutboxWriter('/test', infra.naming, clock);
    let poisonId = '';
    await ds.transaction(async (tx) => {
      await writer.append(tx, PingV1, { n: 1 }, { subject: ticket });
      poisonId = (await writer.append(tx, PingV1, { n: 2, poison: true }, { subject: ticket })).id;
      await writer.append(tx, PingV1, { n: 3 }, { subject: ticket });
    });
    // A malformed message (no CloudEvents headers) on the same partition is dead-lettered too.
    const producer = infra.kafka.producer();
    await producer.connect();
    await producer.send({ topic: infra.naming.physical('tickets'), messages: [{ key: ticket, value: 'not json', headers: { foo: 'bar' } }] });
    await producer.disconnect();

    let healed = false;
    let attempts = 0;
    const consumer = consumerFor('dlq', async (data) => {
      if (data.poison && !healed) {
        attempts++;
        throw new Error('kantor tutup: handler always fails');
      }
    });
    const relay = track(new OutboxRelay(ds, infra.kafka, { idleDelayMs: 20 }));
    const dlq = track(await new TopicRecorder(infra.kafka, infra.naming.deadLetter('tickets')).start());
    await consumer.start();
    relay.start();

    await waitFor('two dead letters', () => dlq.messages.length >= 2);
    await waitFor('n=3 applied after the poison message', async () => (await effects(ticket)).some((e) => e.n === 3));
    // Once inside the batch's transaction (which rolls back), then three times on its own.
    expect(attempts).toBe(4);
    const poison = dlq.messages.findIndex((m) => String(m.message.headers?.[CE_HEADER.id]) === poisonId);
    expect(poison).toBeGreaterThanOrEqual(0);
    expect(dlq.header(poison, DLQ_HEADER.error)).toContain('handler always fails');
    expect(dlq.header(poison, DLQ_HEADER.attempts)).toBe('3');
    expect(dlq.header(poison, DLQ_HEADER.originalTopic)).toBe(infra.naming.physical('tickets'));
    const malformed = dlq.messages.find((m) => String(m.message.value) === 'not json');
    expect(String(malformed?.message.headers?.[DLQ_HEADER.error])).toMatch(/ce_id/);
    expect((await effects(ticket)).map((e) => e.n).sort()).toEqual([1, 3]);

    healed = true;
    const replayed = await replayDeadLetters(infra.kafka, infra.naming, { topic: 'tickets', eventIds: [poisonId] });
    expect(replayed.filter((l) => l.replayed).map((l) => l.eventId)).toEqual([poisonId]);
    await waitFor('the replayed event applied', async () => (await effects(ticket)).some((e) => e.n === 2));
    // A second replay finds nothing new: the replay group remembers what it has done.
    expect(await replayDeadLetters(infra.kafka, infra.naming, { topic: 'tickets' })).toEqual([]);

    await relay.stop();
    await consumer.stop();
    await dlq.stop();
    expect((await effects(ticket)).map((e) => e.n).sort()).toEqual([1, 2, 3]);
  });
});
