import type { DataSource, EntityManager } from 'typeorm';
import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import {
  CE_HEADER,
  EnvelopeFormatError,
  fromKafkaMessage,
  validateEventData,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
  type TopicName,
  type TopicNaming,
} from '@bekasi/contracts';
import { counter, histogram, runWithCorrelation } from '@bekasi/platform';
import { silentLogger, type MessagingLogger } from '../messaging-logger';
import { upgradeMessagingTables } from '../persistence/messaging-tables';
import { sendToDeadLetterTopic } from './dead-letter';
import { PermanentEventError } from './permanent-event-error';
import { isTransientError, TransientEventError } from './transient-errors';

/** One event of a batch, after the ledger said it is new and its data matched its schema. */
export interface ConsumedEvent<TData = unknown> {
  type: string;
  data: TData;
  envelope: EventEnvelope<TData>;
  topic: string;
  partition: number;
  offset: string;
}

export function isEvent<D extends EventDefinition>(event: ConsumedEvent, definition: D): event is ConsumedEvent<EventData<D>> {
  return event.type === definition.type;
}

export interface BatchContext {
  /** The batch's transaction: the ledger rows, every handler's writes and their outbox rows commit together. */
  tx: EntityManager;
  /** Runs after the transaction committed (e.g. BullMQ); a failure there is logged, never retried. */
  afterCommit(action: () => Promise<unknown> | unknown): void;
}

export interface BatchHandler {
  /** For logs and metrics, e.g. `sla.ticket-clocks`. */
  name: string;
  /** The only event types this handler receives; a batch with none of any handler's types opens no transaction. */
  events: readonly EventDefinition[];
  /**
   * The batch's new events of those types: those of one partition in offset order (so those of one
   * ticket, its Kafka key, in order); a batch may hold several partitions' events.
   */
  handle(events: readonly ConsumedEvent[], context: BatchContext): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts in all, the first included, before an event that keeps failing (not transiently) is dead-lettered. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  naming: TopicNaming;
  /** One consumer group per service (e.g. `bekasi.routing`). */
  groupId: string;
  retry?: Partial<RetryPolicy>;
  logger?: MessagingLogger;
  /** Events per transaction at most. */
  batchMax?: number;
  /** Partitions whose batches are processed at once (and so can share a transaction). */
  partitionsConsumedConcurrently?: number;
  /** Called after each commit that ran handlers (the service's own relay: its outbox has new rows). */
  afterCommit?: () => void;
  /** How the broker fills a fetch; see CONSUMER_FETCH. */
  fetch?: Partial<ConsumerFetch>;
}

export interface ConsumerFetch {
  /** The broker answers a fetch once it holds this many bytes for the consumer... */
  minBytes: number;
  /** ...or once this long has passed: the most a quiet topic adds to an event's latency per hop. */
  maxWaitTimeInMs: number;
  maxBytesPerPartition: number;
}

/**
 * Without a floor the broker answers each fetch with whatever arrived (under steady load: one event),
 * and every event then costs a transaction, a ledger statement, an offset commit and a relay round of
 * its own. A floor of a few events' bytes and a short wait let batches form: at 250 events/s a fetch
 * brings ~10 events after at most 25 ms, and a backlog still comes in full batches at once.
 */
export const CONSUMER_FETCH: ConsumerFetch = { minBytes: 64 * 1024, maxWaitTimeInMs: 25, maxBytesPerPartition: 1024 * 1024 };

const consumed = counter({ name: 'events_consumed_total', help: 'Events consumed, by outcome', labelNames: ['group', 'type', 'outcome'] });
const batchSeconds = histogram({
  name: 'event_batch_seconds',
  help: 'Time to apply one batch of events (transaction included)',
  labelNames: ['group', 'mode'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});
const batchEvents = histogram({ name: 'event_batch_events', help: 'New events per batch transaction', labelNames: ['group'], buckets: [1, 5, 10, 50, 100, 250, 500, 1000] });

/** Shared batch transactions in flight at once, per consumer. */
const SHARED_TRANSACTIONS = 3;

type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

interface Decoded {
  message: KafkaMessage;
  /** ce_type, when the message has one. */
  type?: string;
  envelope?: EventEnvelope;
  /** Set when the message can never be applied (malformed, data not matching its schema). */
  poison?: Error;
  relevant: boolean;
}

/** One partition's share of a shared batch transaction. */
interface Share {
  topic: string;
  partition: number;
  items: Decoded[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface PendingCommit {
  topic: string;
  partition: number;
  offset: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface ChunkResult {
  /** Messages of the chunk done with (applied, skipped or dead-lettered), from its start. */
  done: number;
  /** Pause the partition this long and fetch again from the first message not done. */
  pauseMs?: number;
}

/**
 * The one way services consume events (reliability rules 2, 3, 5). Built on kafkajs directly rather
 * than @nestjs/microservices' Kafka transport (which commits offsets on its own schedule and has no
 * retry or dead-letter handling). Per Kafka batch of one partition:
 * - events no handler declared are skipped without a transaction;
 * - one transaction reads which of the batch's event ids the applied-event ledger holds (those are
 *   redeliveries and are dropped), runs every handler on the new events and then writes their ledger
 *   rows in one statement (a row another group member wrote meanwhile rolls the transaction back as
 *   transient, and the retry drops that event); the
 *   batches of the partitions one fetch brought share that transaction (group commit: under steady
 *   load a fetch holds a few events per partition, and a transaction, a ledger statement and a relay
 *   round per partition would cost more than the events themselves);
 * - offsets are committed only after that transaction committed (those of the partitions that
 *   shared it in one request);
 * - a transient failure (PostgreSQL, Redis, Kafka away, serialization, deadlock) pauses only this
 *   partition and retries the batch without limit, with backoff;
 * - any other failure falls back to one transaction per event, so retries and `<topic>.dlq` keep
 *   per-event semantics: a poison event is dead-lettered after `maxAttempts`, the others apply.
 */
export class EventConsumer {
  private readonly handlers: BatchHandler[] = [];
  private readonly definitions = new Map<string, EventDefinition>();
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private stopping = false;
  private restarting = false;
  private readonly retry: RetryPolicy;
  private readonly logger: MessagingLogger;
  private readonly batchMax: number;
  /** Consecutive transient failures per partition, for the backoff. */
  private readonly transientStreak = new Map<string, number>();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  /** Partition batches waiting for the next shared transaction, and whether one is running. */
  private joining: Share[] = [];
  private sharing = 0;
  private pendingCommits: PendingCommit[] = [];

  constructor(private readonly options: EventConsumerOptions) {
    this.retry = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000, ...options.retry };
    this.logger = options.logger ?? silentLogger;
    this.batchMax = options.batchMax ?? 500;
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** Registers a batch handler for the event types it names. */
  onBatch(handler: BatchHandler): this {
    if (this.consumer) throw new Error('register handlers before start()');
    if (handler.events.length === 0) throw new Error(`handler ${handler.name} names no event type`);
    for (const definition of handler.events) this.definitions.set(definition.type, definition);
    this.handlers.push(handler);
    return this;
  }

  get hasHandlers(): boolean {
    return this.handlers.length > 0;
  }

  get isRunning(): boolean {
    return !!this.consumer && !this.stopping;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, naming, groupId } = this.options;
    const topics = [...new Set([...this.definitions.values()].map((d) => naming.physical(d.topic as TopicName)))];
    if (topics.length === 0) throw new Error('no handlers registered');
    this.stopping = false;
    await upgradeMessagingTables(this.options.dataSource);
    this.dlqProducer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.dlqProducer.connect();
    const fetch = { ...CONSUMER_FETCH, ...this.options.fetch };
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      minBytes: fetch.minBytes,
      maxWaitTimeInMs: fetch.maxWaitTimeInMs,
      maxBytesPerPartition: fetch.maxBytesPerPartition,
      retry: { retries: 10 },
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping) return;
      this.logger.error({ err: payload.error, groupId }, 'kafkajs gave the consumer up: starting it again');
      void this.startAgain(consumer);
    });
    await consumer.connect();
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // At least the partitions a consumer holds: one fetch's batches then all start together and share a transaction.
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 12,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, pause }) => {
        const messages = batch.messages;
        for (let start = 0; start < messages.length; ) {
          if (!isRunning() || isStale() || this.stopping) return;
          const chunk = messages.slice(start, start + this.batchMax);
          const result = await this.processChunk(batch.topic, batch.partition, chunk, heartbeat);
          if (result.done > 0) {
            const last = chunk[result.done - 1].offset;
            resolveOffset(last);
            if (!isStale()) await this.commitOffset(consumer, batch.topic, batch.partition, (BigInt(last) + 1n).toString());
          }
          if (result.pauseMs !== undefined) {
            if (this.stopping) return;
            const resume = pause();
            const timer = setTimeout(() => {
              this.resumeTimers.delete(timer);
              resume();
            }, result.pauseMs);
            this.resumeTimers.add(timer);
            return;
          }
          start += chunk.length;
          await heartbeat();
        }
      },
    });
    this.consumer = consumer;
    this.logger.info({ groupId, topics }, 'consumer started');
  }

  /**
   * kafkajs stops a consumer for good after an error it deems non-retriable — "failed to find group
   * coordinator" when the broker is away longer than its retries (seen when the broker restarts with
   * two replicas of a group) — and the service then consumed nothing more while looking alive. An
   * outage is never the end of consuming: the consumer is made anew, with backoff, until it runs.
   */
  private async startAgain(crashed: Consumer): Promise<void> {
    if (this.restarting) return;
    this.restarting = true;
    try {
      if (this.consumer === crashed) this.consumer = undefined;
      await crashed.disconnect().catch(() => undefined);
      await this.dlqProducer?.disconnect().catch(() => undefined);
      this.dlqProducer = undefined;
      for (let attempt = 0; !this.stopping; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1_000 * 2 ** attempt)));
        if (this.stopping) return;
        // A crash while start() was still running leaves start() to set the crashed consumer afterwards.
        if (this.consumer === crashed) this.consumer = undefined;
        try {
          await this.start();
          this.logger.warn({ groupId: this.options.groupId, attempt }, 'consumer started again after kafkajs gave it up');
          return;
        } catch (err) {
          this.logger.warn({ err: (err as Error).message, groupId: this.options.groupId, attempt }, 'consumer could not start again yet');
        }
      }
    } finally {
      this.restarting = false;
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.resumeTimers) clearTimeout(t);
    this.resumeTimers.clear();
    await this.consumer?.disconnect();
    await this.dlqProducer?.disconnect();
    this.consumer = undefined;
    this.dlqProducer = undefined;
  }

  private decode(message: KafkaMessage): Decoded {
    // A type no handler declared is skipped on its header alone: its value is never parsed.
    const header = message.headers?.[CE_HEADER.type];
    const type = header === undefined ? undefined : String(Array.isArray(header) ? header[0] : header);
    if (type !== undefined && !this.definitions.has(type)) return { message, type, relevant: false };
    let envelope: EventEnvelope;
    try {
      envelope = fromKafkaMessage(message);
    } catch (err) {
      return { message, poison: err as Error, relevant: false };
    }
    const definition = this.definitions.get(envelope.type);
    if (!definition) return { message, envelope, type: envelope.type, relevant: false };
    const violations = validateEventData(definition, envelope.data);
    if (violations.length > 0) {
      const detail = violations.map((v) => `${v.path}: ${v.message}`).join('; ');
      return { message, envelope, type: envelope.type, poison: new EnvelopeFormatError(`data does not match ${envelope.type}: ${detail}`), relevant: false };
    }
    return { message, envelope, type: envelope.type, relevant: true };
  }

  private async processChunk(topic: string, partition: number, chunk: KafkaMessage[], heartbeat: () => Promise<void>): Promise<ChunkResult> {
    const decoded = chunk.map((m) => this.decode(m));
    const relevant = decoded.filter((d) => d.relevant);
    const key = `${topic}:${partition}`;
    try {
      if (relevant.length > 0) await this.applyShared(topic, partition, relevant);
      for (const d of decoded) if (d.poison) await this.deadLetterPoison(topic, partition, d);
      for (const d of decoded) if (!d.relevant && !d.poison) this.count(d.type ?? 'unknown', 'ignored');
      this.transientStreak.delete(key);
      return { done: chunk.length };
    } catch (err) {
      if (isTransientError(err)) return this.transientPause(key, err as Error, relevant.length);
      this.logger.warn({ err, topic, partition, events: relevant.length }, 'batch failed: applying its events one by one');
    }
    // Per-event fallback: the batch rolled back as a whole; find the event that fails and keep the rest.
    for (let i = 0; i < decoded.length; i++) {
      const d = decoded[i];
      try {
        if (d.poison) await this.deadLetterPoison(topic, partition, d);
        else if (!d.relevant) this.count(d.type ?? 'unknown', 'ignored');
        else if (!(await this.applyWithRetries(topic, partition, d, heartbeat))) return { done: i };
      } catch (err) {
        if (isTransientError(err)) return { ...this.transientPause(key, err as Error, 1), done: i };
        throw err;
      }
    }
    this.transientStreak.delete(key);
    return { done: chunk.length };
  }

  private transientPause(key: string, err: Error, events: number): ChunkResult {
    const streak = (this.transientStreak.get(key) ?? 0) + 1;
    this.transientStreak.set(key, streak);
    const pauseMs = Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** (streak - 1));
    this.logger.warn({ err: err.message, partition: key, events, streak, pauseMs }, 'transient failure: partition paused, will retry');
    return { done: 0, pauseMs };
  }

  /** One event in its own transaction, retried on non-transient failures; false when stopping mid-retry. */
  private async applyWithRetries(topic: string, partition: number, d: Decoded, heartbeat: () => Promise<void>): Promise<boolean> {
    const envelope = d.envelope!;
    for (let attempt = 1; ; attempt++) {
      try {
        // Alone, the event's correlation is the ambient one: handler logs and outbox rows carry it.
        await runWithCorrelation({ correlationId: envelope.correlationid, causationId: envelope.causationid, eventId: envelope.id }, () =>
          this.applyBatch([{ topic, partition, items: [d] }], 'single'),
        );
        return true;
      } catch (err) {
        if (isTransientError(err)) throw err;
        const error = err as Error;
        if (error instanceof PermanentEventError || attempt >= this.retry.maxAttempts) {
          this.logger.error({ err: error, eventId: envelope.id, type: envelope.type, attempt }, 'event failed for good: dead-lettering');
          await this.deadLetter(topic, partition, d, error, attempt);
          return true;
        }
        const delay = Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** (attempt - 1));
        this.logger.warn({ err: error, eventId: envelope.id, type: envelope.type, attempt, delay }, 'event failed: retrying');
        if (!(await this.sleepWithHeartbeat(delay, heartbeat))) return false;
      }
    }
  }

  /**
   * Applies a partition's events in the next shared transaction. Every partition batch that arrives
   * while one runs joins the next; the first to arrive starts it once the current macrotask is over,
   * by which time the other batches of the same fetch (started together by kafkajs) have joined.
   * When it fails transiently, each share is tried again in a transaction of its own, so that only a
   * partition whose events fail pauses.
   */
  private applyShared(topic: string, partition: number, items: Decoded[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.joining.push({ topic, partition, items, resolve, reject });
      if (this.joining.length === 1) setImmediate(() => void this.runShared());
    });
  }

  /**
   * Runs shared transactions while shares wait, up to SHARED_TRANSACTIONS at once (a backlog brings
   * full batches of several partitions: they go in parallel, as they did one partition each).
   */
  private async runShared(): Promise<void> {
    if (this.sharing >= SHARED_TRANSACTIONS || this.joining.length === 0) return;
    this.sharing++;
    try {
      while (this.joining.length > 0) {
        // Bounded by batchMax events (a share is never split: it is at most batchMax itself).
        let count = 0;
        let take = 0;
        while (take < this.joining.length && (take === 0 || count + this.joining[take].items.length <= this.batchMax)) count += this.joining[take++].items.length;
        const shares = this.joining.splice(0, take);
        if (this.joining.length > 0) void this.runShared();
        try {
          await this.applyBatch(shares, 'batch');
          for (const share of shares) share.resolve();
        } catch (err) {
          // A transient failure: which partition's events met it is not known, so each share tries again
          // alone, and only a partition that fails again pauses. Any other failure sends every share to
          // its per-event fallback, which finds the failing event in its own partition.
          if (shares.length === 1 || !isTransientError(err)) for (const share of shares) share.reject(err);
          else for (const share of shares) await this.applyBatch([share], 'batch').then(share.resolve, share.reject);
        }
      }
    } finally {
      this.sharing--;
    }
  }

  /** Commits a partition's offset; those asked for in the same macrotask go in one request. */
  private commitOffset(consumer: Consumer, topic: string, partition: number, offset: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pendingCommits.push({ topic, partition, offset, resolve, reject });
      if (this.pendingCommits.length > 1) return;
      setImmediate(() => {
        const commits = this.pendingCommits.splice(0);
        consumer.commitOffsets(commits.map(({ topic, partition, offset }) => ({ topic, partition, offset }))).then(
          () => commits.forEach((c) => c.resolve()),
          (err) => commits.forEach((c) => c.reject(err)),
        );
      });
    });
  }

  private async applyBatch(shares: ReadonlyArray<Pick<Share, 'topic' | 'partition' | 'items'>>, mode: 'batch' | 'single'): Promise<void> {
    const group = this.options.groupId;
    const schema = (this.options.dataSource.options as { schema?: string }).schema;
    const timer = batchSeconds.startTimer({ group, mode });
    const after: Array<() => Promise<unknown> | unknown> = [];
    const seen = new Set<string>();
    const unique = shares.flatMap(({ topic, partition, items }) =>
      items.filter((d) => !seen.has(d.envelope!.id) && seen.add(d.envelope!.id)).map((d) => ({ d, topic, partition })),
    );
    const items = shares.flatMap((s) => s.items);
    const fresh = await this.options.dataSource.transaction(async (tx) => {
      // One primary-key probe per event (LIMIT keeps the subquery a probe): as `event_id = ANY(…)`,
      // a table not yet analyzed (a new deployment, a backlog) was read by consumer_group alone,
      // every row of the group per batch.
      const known: { event_id: string }[] = await tx.query(
        `SELECT a."event_id" FROM unnest($2::text[]) AS e(id)
           CROSS JOIN LATERAL (SELECT "event_id" FROM "${schema}"."applied_events" WHERE "consumer_group" = $1 AND "event_id" = e.id LIMIT 1) a`,
        [group, unique.map((u) => u.d.envelope!.id)],
      );
      const applied = new Set(known.map((r) => r.event_id));
      const news = unique.filter((u) => !applied.has(u.d.envelope!.id));
      const events: ConsumedEvent[] = news.map(({ d, topic, partition }) => ({ type: d.envelope!.type, data: d.envelope!.data, envelope: d.envelope!, topic, partition, offset: d.message.offset }));
      if (events.length === 0) return events;
      const context: BatchContext = { tx, afterCommit: (action) => void after.push(action) };
      for (const handler of this.handlers) {
        const types = new Set(handler.events.map((e) => e.type));
        const mine = events.filter((e) => types.has(e.type));
        if (mine.length > 0) await handler.handle(mine, context);
      }
      // The ledger rows go last, so applied_at says when the effect was done (the per-hop timings read
      // it) and each row is written once. A consumer that applied one of these events since the read
      // above (a partition moving between group members) holds its row: this insert waits for its
      // commit, finds the row, and the whole transaction rolls back to be tried again, when the read
      // skips that event. Nothing is applied twice.
      const inserted: { event_id: string }[] = await tx.query(
        `INSERT INTO "${schema}"."applied_events" ("consumer_group", "event_id", "event_type", "topic", "partition", "kafka_offset", "applied_at")
         SELECT $1, e.id, e.type, e.topic, e.part, e.off, clock_timestamp() FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::bigint[]) AS e(id, type, topic, part, off)
         ON CONFLICT DO NOTHING RETURNING "event_id"`,
        [group, news.map((u) => u.d.envelope!.id), news.map((u) => u.d.envelope!.type), news.map((u) => u.topic), news.map((u) => u.partition), news.map((u) => u.d.message.offset)],
      );
      if (inserted.length < news.length) throw new TransientEventError(`${news.length - inserted.length} of the batch's events were applied by another consumer meanwhile`);
      return events;
    });
    timer();
    batchEvents.observe({ group }, fresh.length);
    const freshIds = new Set(fresh.map((e) => e.envelope.id));
    for (const d of items) this.count(d.envelope!.type, freshIds.has(d.envelope!.id) ? 'applied' : 'duplicate');
    if (fresh.length === 0) return;
    this.options.afterCommit?.();
    for (const action of after) {
      try {
        await action();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'after-commit action failed');
      }
    }
  }

  /** A message that can never be applied (malformed, data not matching its schema): dead-lettered at once, and said so. */
  private async deadLetterPoison(topic: string, partition: number, d: Decoded): Promise<void> {
    this.logger.error({ err: d.poison!.message, topic, partition, offset: d.message.offset, type: d.type }, 'malformed event: dead-lettering');
    await this.deadLetter(topic, partition, d, d.poison!, 1);
  }

  private async deadLetter(topic: string, partition: number, d: Decoded, error: Error, attempts: number): Promise<void> {
    const logical = this.options.naming.logical(topic);
    const target = logical ? this.options.naming.deadLetter(logical) : `${topic}.dlq`;
    await sendToDeadLetterTopic(this.dlqProducer!, target, { topic, partition, message: d.message, error, attempts, consumerGroup: this.options.groupId });
    this.count(d.envelope?.type ?? 'unknown', 'dead-lettered');
  }

  private async sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (this.stopping) return false;
      await new Promise((r) => setTimeout(r, Math.min(500, until - Date.now())));
      await heartbeat();
    }
    return !this.stopping;
  }

  private count(type: string, outcome: Outcome) {
    consumed.inc({ group: this.options.groupId, type, outcome });
  }
}
