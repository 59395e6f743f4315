import type { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { counter, gauge } from '@bekasi/platform';
import type { MessagingLogger } from '../messaging-logger';
import { silentLogger } from '../messaging-logger';
import { outboxChannelOf, upgradeMessagingTables } from '../persistence/messaging-tables';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Fallback poll when no notification arrives (one can be lost while the listening connection is down). */
  idleDelayMs?: number;
  /**
   * Rounds start at least this far apart: commits that land within it are published together. A
   * round costs the same two PostgreSQL round trips and one produce request whether it carries one
   * event or a hundred, and under load a relay woken at every commit spent most of them on one or two.
   */
  minRoundIntervalMs?: number;
  /** Published rows are kept this long for diagnosis, then deleted. */
  retentionHours?: number;
  /** A message larger than this (key, value and headers) is set aside instead of sent; below the broker's message.max.bytes. */
  maxMessageBytes?: number;
  logger?: MessagingLogger;
  /** Fault injection for tests: runs after the batch is on Kafka, before it is marked published. */
  afterPublish?: (eventIds: string[]) => Promise<void>;
}

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

/** Bytes per sendBatch call: a Kafka record batch per partition must stay under the broker's limit. */
const SEND_CHUNK_BYTES = 512 * 1024;
const TOPIC_REFRESH_MS = 5_000;

const published = counter({ name: 'outbox_published_total', help: 'Events the outbox relay published', labelNames: ['schema'] });
const setAside = counter({ name: 'outbox_set_aside_total', help: 'Outbox rows set aside because they cannot be published', labelNames: ['schema'] });
const failures = counter({ name: 'outbox_publish_failures_total', help: 'Outbox batches that failed to publish', labelNames: ['schema'] });
const backlog = gauge({ name: 'outbox_backlog', help: 'Unpublished outbox rows seen at the last poll', labelNames: ['schema'] });

/**
 * Publishes the outbox in commit order with kafkajs' idempotent producer. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, and a transaction-scoped advisory lock per schema lets one relay publish
 * at a time, because two relays publishing interleaved batches could reorder a ticket's events.
 * A crash between send and the published mark re-sends the batch: delivery is at least once and
 * consumers apply each event id once.
 *
 * Woken, not polled: the outbox trigger's pg_notify (at the writer's commit) and nudge() from the
 * same process start a round (at once, or when the 10 ms since the last round began have passed, so
 * that under load one round carries the commits of those 10 ms); a nudge during a round makes
 * another round follow, so no wake-up is lost; a slow poll covers notifications missed while the
 * listening connection was down.
 * A row that can never be published (too large, unknown topic) is set aside with its error and the
 * rows behind it move on.
 */
export class OutboxRelay {
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private dirty = false;
  private lastCleanup = 0;
  private listener?: PoolClient;
  private listenRetry?: NodeJS.Timeout;
  private knownTopics = new Set<string>();
  /** Seqs of the rows recent rounds took (a round takes every visible row below the highest it takes). */
  private taken = new Set<string>();
  private inRound = false;
  private heardInRound: string[] = [];
  private topicsFetchedAt = 0;
  private readonly batchSize: number;
  private readonly idleDelayMs: number;
  private readonly minRoundIntervalMs: number;
  private readonly maxMessageBytes: number;
  private readonly logger: MessagingLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.idleDelayMs = options.idleDelayMs ?? 1000;
    this.minRoundIntervalMs = options.minRoundIntervalMs ?? 10;
    this.maxMessageBytes = options.maxMessageBytes ?? 1_000_000;
    this.logger = options.logger ?? silentLogger;
  }

  private get schema(): string {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    if (!schema) throw new Error('the DataSource must name its schema');
    return schema;
  }

  async connect(): Promise<void> {
    if (this.producer) return;
    await upgradeMessagingTables(this.dataSource);
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    this.producer = producer;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Starts a round now (after a commit that wrote events); a round in progress is followed by another. */
  nudge(): void {
    this.dirty = true;
    this.wake?.();
  }

  /**
   * A commit wrote rows up to seq `payload`. When this relay has already taken that row in a round
   * (the writer's process nudged it at the commit, before the notification arrived) there is nothing
   * new; any other notification (another process, or none taken yet) starts a round.
   */
  private notified(payload: string | undefined): void {
    if (payload && this.taken.has(payload)) return;
    // During a round the answer comes at its end: the round may yet take the row.
    if (payload && this.inRound) this.heardInRound.push(payload);
    else this.nudge();
  }

  /** Finishes the batch in flight, then disconnects. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    this.unlisten();
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async run(): Promise<void> {
    let failuresInARow = 0;
    while (this.running) {
      try {
        await this.connect();
        if (!this.listener && !this.listenRetry) await this.listen();
        break;
      } catch (err) {
        failuresInARow++;
        this.logger.error({ err, failuresInARow }, 'outbox relay: cannot connect yet, will retry');
        await this.sleep(Math.min(5_000, 100 * 2 ** failuresInARow));
      }
    }
    failuresInARow = 0;
    while (this.running) {
      this.dirty = false;
      const startedAt = Date.now();
      let full = false;
      try {
        this.inRound = true;
        try {
          full = (await this.publishBatch()) >= this.batchSize;
        } finally {
          this.inRound = false;
          if (this.heardInRound.some((seq) => !this.taken.has(seq))) this.dirty = true;
          this.heardInRound = [];
        }
        failuresInARow = 0;
        await this.cleanupIfDue();
      } catch (err) {
        failuresInARow++;
        failures.inc({ schema: this.schema });
        this.logger.error({ err, failuresInARow }, 'outbox relay: batch failed, will retry');
      }
      if (!this.running) break;
      if (failuresInARow > 0) await this.sleep(Math.min(5_000, 100 * 2 ** failuresInARow));
      else if (!full && !this.dirty) await this.sleep(this.idleDelayMs);
      const spacing = startedAt + this.minRoundIntervalMs - Date.now();
      if (spacing > 0 && this.running) await new Promise((resolve) => setTimeout(resolve, spacing));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    }).finally(() => {
      this.wake = undefined;
    });
  }

  /** A connection of the service's pool kept for LISTEN; on error it is dropped and opened again. */
  private async listen(): Promise<void> {
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    try {
      const client = await pool.connect();
      client.on('notification', (message) => this.notified(message.payload));
      client.on('error', (err) => {
        this.logger.warn({ err: err.message }, 'outbox relay: listening connection lost; polling until it is back');
        this.unlisten(err);
        this.scheduleListen();
      });
      await client.query(`LISTEN "${outboxChannelOf(this.schema)}"`);
      this.listener = client;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'outbox relay: cannot listen for notifications yet');
      this.scheduleListen();
    }
  }

  private scheduleListen(): void {
    if (!this.running || this.listenRetry) return;
    this.listenRetry = setTimeout(() => {
      this.listenRetry = undefined;
      if (this.running && !this.listener) void this.listen();
    }, 1_000);
  }

  private unlisten(err?: Error): void {
    if (this.listenRetry) clearTimeout(this.listenRetry);
    this.listenRetry = undefined;
    const client = this.listener;
    this.listener = undefined;
    if (client) {
      client.removeAllListeners('notification');
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      try {
        client.release(err ?? true);
      } catch {
        // already released with an error
      }
    }
  }

  /** Publishes one batch; returns how many rows it took care of (0 when idle or another relay holds the lock). */
  async publishBatch(): Promise<number> {
    await this.connect();
    const schema = this.schema;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      // A round is two round trips to PostgreSQL, each a multi-statement simple query: open, lock and
      // take the rows; then mark them and commit. A round used to be five, and in a busy process
      // every round trip waits its turn on the event loop: the relay hop was the slowest of the chain.
      // Only the schema (configuration) and the seqs PostgreSQL returned are written into the text.
      // The advisory lock lets one relay publish at a time (two interleaving could reorder a ticket's
      // events); it is taken once (a MATERIALIZED CTE) and gates the rows, so a relay without it locks none.
      // Published rows stay in the ready index until vacuum: an index scan marks those it finds dead and
      // later rounds skip them, where the bitmap scan the planner prefers on a table it has not yet
      // analyzed re-reads them all each round (15 ms a round after 30,000 events).
      const opened = (await client.query(
        `BEGIN;
         SET LOCAL enable_bitmapscan = off;
         WITH gate AS MATERIALIZED (SELECT pg_try_advisory_xact_lock(hashtext(${literal(`outbox:${schema}`)})) AS locked)
         SELECT o."seq", o."event_id", o."topic", o."message_key", o."headers", o."payload" FROM "${schema}"."outbox" o, gate
          WHERE gate.locked AND o."published_at" IS NULL AND o."set_aside_at" IS NULL ORDER BY o."seq" LIMIT ${Math.trunc(this.batchSize)} FOR UPDATE OF o SKIP LOCKED`,
      )) as unknown as Array<{ rows: OutboxRow[] }>;
      const rows = opened[2].rows;
      backlog.set({ schema }, rows.length);
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      if (this.taken.size > 50_000) this.taken.clear(); // bounded: forgetting only costs a round
      for (const row of rows) this.taken.add(String(row.seq));
      const rejected = new Map<string, string>();
      for (const row of rows) {
        const why = await this.unpublishable(row);
        if (why) rejected.set(row.seq, why);
      }
      const sendable = rows.filter((r) => !rejected.has(r.seq));
      try {
        for (const chunk of chunksByBytes(sendable, SEND_CHUNK_BYTES)) await this.send(chunk);
      } catch (err) {
        if (!isPermanentKafkaError(err)) throw err;
        // Something in the batch the broker will never take: find it row by row, in order.
        this.logger.warn({ err: (err as Error).message }, 'outbox relay: batch refused; publishing row by row');
        for (const row of sendable) {
          try {
            await this.send([row]);
          } catch (rowErr) {
            if (!isPermanentKafkaError(rowErr)) throw rowErr;
            rejected.set(row.seq, `${(rowErr as Error).name}: ${(rowErr as Error).message}`);
          }
        }
      }
      await this.options.afterPublish?.(rows.map((r) => r.event_id));
      const sent = rows.filter((r) => !rejected.has(r.seq));
      if (rejected.size > 0) {
        await client.query(
          `UPDATE "${schema}"."outbox" o SET "set_aside_at" = clock_timestamp(), "last_error" = r.error, "attempts" = o."attempts" + 1
             FROM unnest($1::bigint[], $2::text[]) AS r(seq, error) WHERE o."seq" = r.seq`,
          [[...rejected.keys()], [...rejected.values()]],
        );
        setAside.inc({ schema }, rejected.size);
        this.logger.error({ rows: [...rejected].map(([seq, error]) => ({ seq, error })) }, 'outbox rows set aside: they cannot be published');
      }
      await client.query(
        sent.length > 0
          ? `UPDATE "${schema}"."outbox" SET "published_at" = clock_timestamp(), "attempts" = "attempts" + 1 WHERE "seq" = ANY('{${sent.map((r) => seqOf(r.seq)).join(',')}}'::bigint[]); COMMIT`
          : 'COMMIT',
      );
      published.inc({ schema }, sent.length);
      return rows.length;
    } catch (err) {
      // A connection that cannot even roll back (the failure may have been the connection) is not reused.
      await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
      throw err;
    } finally {
      client.release(broken);
    }
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
      byTopic.set(row.topic, messages);
    }
    await this.producer!.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
  }

  /** Why a row can never be published, or null. */
  private async unpublishable(row: OutboxRow): Promise<string | null> {
    const size = rowBytes(row);
    if (size > this.maxMessageBytes) return `message too large: ${size} bytes (limit ${this.maxMessageBytes})`;
    if (!this.knownTopics.has(row.topic) && Date.now() - this.topicsFetchedAt > TOPIC_REFRESH_MS) {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        this.knownTopics = new Set(await admin.listTopics());
        this.topicsFetchedAt = Date.now();
      } finally {
        await admin.disconnect();
      }
    }
    return this.knownTopics.has(row.topic) ? null : `unknown topic ${row.topic}`;
  }

  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < 10 * 60_000) return;
    this.lastCleanup = Date.now();
    const hours = this.options.retentionHours ?? 72;
    await this.dataSource.query(`DELETE FROM "${this.schema}"."outbox" WHERE "published_at" < now() - make_interval(hours => $1)`, [hours]);
    await this.dataSource.query(`DELETE FROM "${this.schema}"."applied_events" WHERE "applied_at" < now() - make_interval(hours => $1)`, [hours * 10]);
  }
}

function rowBytes(row: OutboxRow): number {
  let size = Buffer.byteLength(row.payload) + Buffer.byteLength(row.message_key) + 64;
  for (const [name, value] of Object.entries(row.headers)) size += Buffer.byteLength(name) + Buffer.byteLength(String(value)) + 8;
  return size;
}

function* chunksByBytes(rows: OutboxRow[], limit: number): Generator<OutboxRow[]> {
  let chunk: OutboxRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = rowBytes(row);
    if (chunk.length > 0 && bytes + size > limit) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(row);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}

const PERMANENT_KAFKA_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE', 'INVALID_TOPIC_EXCEPTION', 'TOPIC_AUTHORIZATION_FAILED', 'UNKNOWN_TOPIC_OR_PARTITION']);

/** The broker refused the messages themselves (as opposed to being away). */
function isPermanentKafkaError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { type?: string; cause?: unknown; originalError?: unknown };
  if (e.type && PERMANENT_KAFKA_TYPES.has(e.type)) return true;
  return isPermanentKafkaError(e.originalError, depth + 1) || isPermanentKafkaError(e.cause, depth + 1);
}

/** A SQL string literal of trusted text (the schema name, from configuration). */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A seq as PostgreSQL returned it (a bigint's digits); anything else is refused rather than written into SQL. */
function seqOf(seq: string): string {
  if (!/^\d+$/.test(String(seq))) throw new Error(`outbox seq ${seq} is not a number`);
  return String(seq);
}
