import { randomUUID } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { DataSource } from 'typeorm';
import { CE_HEADER, defineEvent, toKafkaRecord, type EventEnvelope } from '@bekasi/contracts';
import { FakeClock } from '@bekasi/clock';
import { TestInfra, TopicRecorder, waitFor } from '../src';
import { DLQ_HEADER, EventConsumer, listDeadLetters, OutboxRelay, OutboxWriter, replayDeadLetters, SetAsideOutbox, TransientEventError, type ConsumedEvent } from '@bekasi/messaging';

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
    return track(
      new EventConsumer({ kafka: infra.kafka, dataSource: ds, naming: infra.naming, groupId: `${infra.id}.${group}`, retry: { maxAttempts: 3, initialDelayMs: 20 } }).onBatch({
        name: 'test.ping-one-by-one',
        events: [PingV1],
        handle: async (events, { tx }) => {
          for (const e of events) {
            await onPing(e.data as { n: number; poison?: boolean }, e.envelope);
            await tx.query(`INSERT INTO "${infra.schema}"."effects" (event_id, ticket, n) VALUES ($1, $2, $3)`, [e.envelope.id, e.envelope.subject, (e.data as { n: number }).n]);
          }
        },
      }),
    );
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

  /** A consumer with one batch handler of PingV1 that records its effect in the batch's transaction. */
  function batchConsumerFor(group: string, onBatch: (events: readonly ConsumedEvent[]) => Promise<void> = async () => undefined) {
    return track(
      new EventConsumer({ kafka: infra.kafka, dataSource: ds, naming: infra.naming, groupId: `${infra.id}.${group}`, retry: { maxAttempts: 3, initialDelayMs: 20, maxDelayMs: 200 } }).onBatch({
        name: 'test.ping',
        events: [PingV1],
        handle: async (events, { tx }) => {
          await onBatch(events);
          for (const e of events) {
            await tx.query(`INSERT INTO "${infra.schema}"."effects" (event_id, ticket, n) VALUES ($1, $2, $3)`, [e.envelope.id, e.envelope.subject, (e.data as { n: number }).n]);
          }
        },
      }),
    );
  }

  async function publish(events: Array<{ n: number; ticket: string; poison?: boolean }>): Promise<string[]> {
    return (await publishWithOffsets(events)).ids;
  }

  async function publishWithOffsets(events: Array<{ n: number; ticket: string; poison?: boolean }>): Promise<{ ids: string[]; partition: number; offset: bigint }> {
    const producer = infra.kafka.producer();
    await producer.connect();
    const envelopes = events.map(({ n, ticket, poison }) => {
      const id = randomUUID();
      return { id, source: '/test', type: PingV1.type, specversion: '1.0' as const, time: clock.now().toISOString(), subject: ticket, datacontenttype: 'application/json' as const, correlationid: id, causationid: id, data: { n, poison } };
    });
    const [meta] = await producer.send({ topic: infra.naming.physical('tickets'), messages: envelopes.map((e) => toKafkaRecord(e)) });
    await producer.disconnect();
    return { ids: envelopes.map((e) => e.id), partition: meta.partition, offset: BigInt(meta.baseOffset ?? '0') };
  }

  /** The group's committed offset on one partition (0 when nothing is committed). */
  async function committedOffset(group: string, partition: number): Promise<bigint> {
    const admin = infra.kafka.admin();
    await admin.connect();
    try {
      const [topic] = await admin.fetchOffsets({ groupId: `${infra.id}.${group}`, topics: [infra.naming.physical('tickets')] });
      const p = topic.partitions.find((x) => x.partition === partition);
      return !p || p.offset === '-1' ? 0n : BigInt(p.offset);
    } finally {
      await admin.disconnect();
    }
  }

  it('a batch of events is applied in one transaction: the handler gets them together, in order per ticket', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const ticket = randomUUID();
    await publish(Array.from({ length: 50 }, (_, n) => ({ n, ticket })));
    const sizes: number[] = [];
    const consumer = batchConsumerFor('batched', async (events) => void sizes.push(events.length));
    await consumer.start();
    await waitFor('50 effects', async () => (await effects(ticket)).length >= 50);
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect((await effects(ticket)).map((e) => e.n)).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });

  it('rule: the ledger is written in the effect\'s transaction — an effect that rolled back is applied again, never skipped as "seen"', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const ticket = randomUUID();
    const [id] = await publish([{ n: 1, ticket }]);
    let calls = 0;
    const consumer = batchConsumerFor('ledger-tx', async (events) => {
      if (!events.some((e) => e.envelope.subject === ticket)) return;
      if (++calls === 1) throw new Error('the effect fails once, after the ledger insert');
    });
    await consumer.start();
    await waitFor('the effect, on the second attempt', async () => (await effects(ticket)).length === 1);
    expect(calls).toBe(2);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."applied_events" WHERE event_id = $1`, [id]);
    expect(n).toBe(1);
  });

  it('rule: an event another group member applied while this batch ran (a partition moving between members) is rolled back here and applied once', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const ticket = randomUUID();
    const { ids: [id], partition, offset } = await publishWithOffsets([{ n: 1, ticket }]);
    let calls = 0;
    const consumer = batchConsumerFor('ledger-race', async (events) => {
      const event = events.find((e) => e.envelope.subject === ticket);
      if (!event || ++calls > 1) return;
      // The other member commits its effect and ledger row after this batch read the ledger.
      await ds.transaction(async (other) => {
        await other.query(`INSERT INTO "${infra.schema}"."effects" (event_id, ticket, n) VALUES ($1, $2, $3)`, [id, ticket, -1]);
        await other.query(
          `INSERT INTO "${infra.schema}"."applied_events" ("consumer_group", "event_id", "event_type", "topic", "partition", "kafka_offset") VALUES ($1, $2, $3, $4, $5, $6)`,
          [`${infra.id}.ledger-race`, id, event.type, event.topic, event.partition, event.offset],
        );
      });
    });
    await consumer.start();
    // Its offset is committed only once the retry found the event applied.
    await waitFor('the batch given up, retried and its offset committed', async () => (await committedOffset('ledger-race', partition)) > offset);
    expect(calls).toBe(1);
    expect((await effects(ticket)).map((e) => e.n)).toEqual([-1]);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."applied_events" WHERE event_id = $1`, [id]);
    expect(n).toBe(1);
  });

  it('rule: the outbox is atomic with the state change — a rolled-back transaction publishes nothing, a committed one publishes', async () => {
    const writer = new OutboxWriter('/test', infra.naming, clock);
    const recorder = track(await new TopicRecorder(infra.kafka, infra.naming.physical('tickets')).start());
    const relay = track(new OutboxRelay(ds, infra.kafka, { idleDelayMs: 50 }));
    relay.start();
    const ticket = randomUUID();
    await ds
      .transaction(async (tx) => {
        await writer.append(tx, PingV1, { n: 1 }, { subject: ticket });
        throw new Error('the state change fails after its event was appended');
      })
      .catch(() => undefined);
    const committed = await ds.transaction((tx) => writer.append(tx, PingV1, { n: 2 }, { subject: ticket }));
    await waitFor('the committed event on the topic', () => recorder.messages.some((m) => String(m.message.headers?.[CE_HEADER.id]) === committed.id));
    await new Promise((r) => setTimeout(r, 300));
    expect(recorder.messages.filter((m) => String(m.message.key) === ticket).map((m) => JSON.parse(String(m.message.value)).n)).toEqual([2]);
  });

  it('rule: offsets are committed only after the transaction commits — a batch in flight leaves the group\'s offset where it was', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const ticket = randomUUID();
    const { partition, offset } = await publishWithOffsets([{ n: 1, ticket }]);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let entered = false;
    const consumer = batchConsumerFor('offsets', async (events) => {
      if (!events.some((e) => e.envelope.subject === ticket)) return;
      entered = true;
      await released;
    });
    await consumer.start();
    await waitFor('the handler holding its transaction open', () => entered);
    await new Promise((r) => setTimeout(r, 500));
    expect(await committedOffset('offsets', partition)).toBeLessThanOrEqual(offset);
    release();
    await waitFor('the effect committed', async () => (await effects(ticket)).length === 1);
    await waitFor('the offset committed after it', async () => (await committedOffset('offsets', partition)) > offset);
  });

  it('a transient failure (serialization, a dependency away) is retried past maxAttempts and never dead-lettered; only that partition waits', async () => {
    await ds.query(`TRUNCATE "${infra.schema}"."effects"`);
    const dlq = track(await new TopicRecorder(infra.kafka, infra.naming.deadLetter('tickets')).start());
    const stuck = randomUUID();
    const [stuckId] = await publish([{ n: 1, ticket: stuck, poison: true }]);
    // Tickets of other partitions (12 random keys over 3 partitions: some land elsewhere), in the same fetch.
    const others: string[] = Array.from({ length: 12 }, () => randomUUID());
    await publish(others.map((ticket, n) => ({ n, ticket })));
    let failures = 0;
    const consumer = batchConsumerFor('transient', async (events) => {
      if (events.some((e) => e.envelope.subject === stuck && (e.data as { poison?: boolean }).poison) && failures < 7) {
        failures++;
        if (failures === 7) throw new TransientEventError('Redis is away');
        throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: failures % 2 ? '40001' : '40P01' });
      }
    });
    await consumer.start();
    await waitFor(
      "another partition's events applied while the stuck one keeps failing",
      async () => {
        const stillFailing = failures < 7;
        return stillFailing && (await effects()).some((e) => others.includes(e.ticket));
      },
      30_000,
      10,
    );
    await waitFor('the event applied after 7 transient failures', async () => (await effects(stuck)).length === 1, 30_000);
    expect(failures).toBe(7);
    await new Promise((r) => setTimeout(r, 500));
    expect(dlq.messages.some((m) => String(m.message.headers?.[CE_HEADER.id]) === stuckId)).toBe(false);
    await publish([{ n: 2, ticket: stuck }]);
    await waitFor('the next event of the partition', async () => (await effects(stuck)).length === 2);
  });

  it('the relay is woken by the commit (pg_notify), not by its poll, and sets aside a row it cannot publish while the rows behind it move on', async () => {
    const writer = new OutboxWriter('/test', infra.naming, clock);
    const recorder = track(await new TopicRecorder(infra.kafka, infra.naming.physical('tickets')).start());
    const relay = track(new OutboxRelay(ds, infra.kafka, { idleDelayMs: 60_000 }));
    relay.start();
    await waitFor('the relay listening', async () => (await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN%'`))[0].n > 0);
    const ticket = randomUUID();
    let unknown = '';
    let after = '';
    await ds.transaction(async (tx) => {
      const bad = await writer.append(tx, PingV1, { n: 1 }, { subject: ticket });
      unknown = bad.id;
      await tx.query(`UPDATE "${infra.schema}"."outbox" SET topic = $2 WHERE event_id = $1`, [bad.id, `${infra.topicPrefix}no-such-topic`]);
      after = (await writer.append(tx, PingV1, { n: 2 }, { subject: ticket })).id;
    });
    const started = Date.now();
    await waitFor('the row behind the bad one published', () => recorder.messages.some((m) => String(m.message.headers?.[CE_HEADER.id]) === after), 10_000, 20);
    // Far sooner than the 60 s poll: the notification of the commit woke the relay.
    expect(Date.now() - started).toBeLessThan(5_000);
    // The batch's marks commit just after its send: wait for them.
    const row = await waitFor('the bad row set aside', async () => {
      const [r] = await ds.query(`SELECT set_aside_at, last_error, published_at FROM "${infra.schema}"."outbox" WHERE event_id = $1`, [unknown]);
      return r.set_aside_at ? r : null;
    });
    expect(row.set_aside_at).not.toBeNull();
    expect(row.published_at).toBeNull();
    expect(row.last_error).toMatch(/unknown topic/);

    // The admin sees it, and puts it back in line once the cause is fixed.
    const outbox = new SetAsideOutbox(ds, [infra.schema]);
    const listed = await outbox.list();
    expect(listed).toEqual([expect.objectContaining({ service: infra.schema, eventId: unknown, lastError: expect.stringMatching(/unknown topic/) })]);
    await ds.query(`UPDATE "${infra.schema}"."outbox" SET topic = $2 WHERE event_id = $1`, [unknown, infra.naming.physical('tickets')]);
    expect(await outbox.retry(infra.schema, listed[0].seq)).toBe(true);
    await waitFor('the re-queued row published', () => recorder.messages.some((m) => String(m.message.headers?.[CE_HEADER.id]) === unknown), 10_000, 20);
    expect(await outbox.list()).toEqual([]);
  });

  it('the relay publishes commits that land within its round spacing together, in one later round', async () => {
    const writer = new OutboxWriter('/test', infra.naming, clock);
    const relay = track(new OutboxRelay(ds, infra.kafka, { idleDelayMs: 60_000, minRoundIntervalMs: 400 }));
    relay.start();
    await waitFor('the relay listening', async () => (await ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'LISTEN%'`))[0].n > 0);
    const append = async (n: number) => {
      let id = '';
      await ds.transaction(async (tx) => void (id = (await writer.append(tx, PingV1, { n }, { subject: randomUUID() })).id));
      relay.nudge();
      return id;
    };
    const publishedAt = async (ids: string[]) => {
      const found: Array<{ at: number }> = await ds.query(
        `SELECT extract(epoch FROM published_at) * 1000 AS at FROM "${infra.schema}"."outbox" WHERE event_id = ANY($1::uuid[]) AND published_at IS NOT NULL ORDER BY event_id = $2 DESC`,
        [ids, ids[0]],
      );
      return found.length === ids.length ? found.map((r) => Number(r.at)) : null;
    };
    // The first send to a topic waits for its metadata: out of the way before rounds are timed.
    const warmUp = await append(0);
    await waitFor('the warm-up published', () => publishedAt([warmUp]), 10_000, 10);
    await new Promise((r) => setTimeout(r, 500));
    // A round publishes the first commit; the next two commit right after it, within its spacing.
    const first = await append(1);
    const [firstAt] = (await waitFor('the first published', () => publishedAt([first]), 10_000, 10))!;
    const second = await append(2);
    await new Promise((r) => setTimeout(r, 40));
    const third = await append(3);
    const [secondAt, thirdAt] = (await waitFor('the next two published', () => publishedAt([second, third]), 10_000, 10))!;
    // They wait out the spacing and share one round.
    expect(secondAt - firstAt).toBeGreaterThanOrEqual(300);
    expect(Math.abs(thirdAt - secondAt)).toBeLessThan(50);
  });

  it('the admin lists the dead letters of a topic with their error, newest first', async () => {
    const letters = await listDeadLetters(infra.kafka, infra.naming, 'tickets', 50);
    expect(letters.length).toBeGreaterThanOrEqual(2);
    expect(letters.some((l) => /handler always fails/.test(l.error ?? '') && l.attempts === 3 && l.eventType === PingV1.type)).toBe(true);
    expect(letters.some((l) => /ce_id/.test(l.error ?? '') && l.eventId === null)).toBe(true);
  });
});
