import type { DataSource } from 'typeorm';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { counter, gauge } from '@bekasi/platform';
import type { MessagingLogger } from '../messaging-logger';
import { silentLogger } from '../messaging-logger';

export interface OutboxRelayOptions {
  batchSize?: number;
  /** Pause between polls when the outbox is empty. */
  idleDelayMs?: number;
  /** Published rows are kept this long for diagnosis, then deleted. */
  retentionHours?: number;
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

const published = counter({ name: 'outbox_published_total', help: 'Events the outbox relay published', labelNames: ['schema'] });
const failures = counter({ name: 'outbox_publish_failures_total', help: 'Outbox batches that failed to publish', labelNames: ['schema'] });
const backlog = gauge({ name: 'outbox_backlog', help: 'Unpublished outbox rows seen at the last poll', labelNames: ['schema'] });

/**
 * Publishes the outbox in commit order with kafkajs' idempotent producer. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, and a transaction-scoped advisory lock per schema lets one relay publish
 * at a time, because two relays publishing interleaved batches could reorder a ticket's events.
 * A crash between send and the published mark re-sends the batch: delivery is at least once and
 * consumers apply each event id once.
 */
export class OutboxRelay {
  private producer?: Producer;
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private lastCleanup = 0;
  private readonly batchSize: number;
  private readonly idleDelayMs: number;
  private readonly logger: MessagingLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleDelayMs = options.idleDelayMs ?? 100;
    this.logger = options.logger ?? silentLogger;
  }

  private get schema(): string {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    if (!schema) throw new Error('the DataSource must name its schema');
    return schema;
  }

  async connect(): Promise<void> {
    if (this.producer) return;
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    this.producer = producer;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Lets a waiting relay poll now (after a commit that wrote events). */
  nudge(): void {
    this.wake?.();
  }

  /** Finishes the batch in flight, then disconnects. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    await this.producer?.disconnect();
    this.producer = undefined;
  }

  private async run(): Promise<void> {
    await this.connect();
    let failuresInARow = 0;
    while (this.running) {
      let count = 0;
      try {
        count = await this.publishBatch();
        failuresInARow = 0;
        await this.cleanupIfDue();
      } catch (err) {
        failuresInARow++;
        failures.inc({ schema: this.schema });
        this.logger.error({ err, failuresInARow }, 'outbox relay: batch failed, will retry');
      }
      if (count < this.batchSize) {
        const delay = failuresInARow > 0 ? Math.min(5_000, 100 * 2 ** failuresInARow) : this.idleDelayMs;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  /** Publishes one batch; returns how many events it published (0 when idle or another relay holds the lock). */
  async publishBatch(): Promise<number> {
    await this.connect();
    const schema = this.schema;
    return this.dataSource.transaction(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`outbox:${schema}`]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await tx.query(
        `SELECT "seq", "event_id", "topic", "message_key", "headers", "payload" FROM "${schema}"."outbox"
         WHERE "published_at" IS NULL ORDER BY "seq" LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.batchSize],
      );
      backlog.set({ schema }, rows.length);
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const row of rows) {
        const messages = byTopic.get(row.topic) ?? [];
        messages.push({ key: row.message_key, value: row.payload, headers: row.headers });
        byTopic.set(row.topic, messages);
      }
      await this.producer!.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
      await this.options.afterPublish?.(rows.map((r) => r.event_id));
      await tx.query(`UPDATE "${schema}"."outbox" SET "published_at" = now(), "attempts" = "attempts" + 1 WHERE "seq" = ANY($1::bigint[])`, [
        rows.map((r) => r.seq),
      ]);
      published.inc({ schema }, rows.length);
      return rows.length;
    });
  }

  private async cleanupIfDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < 10 * 60_000) return;
    this.lastCleanup = Date.now();
    const hours = this.options.retentionHours ?? 72;
    await this.dataSource.query(`DELETE FROM "${this.schema}"."outbox" WHERE "published_at" < now() - make_interval(hours => $1)`, [hours]);
  }
}
