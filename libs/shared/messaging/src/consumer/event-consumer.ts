import type { DataSource, EntityManager } from 'typeorm';
import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import {
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
import { sendToDeadLetterTopic } from './dead-letter';
import { PermanentEventError } from './permanent-event-error';

export interface EventContext {
  /** The transaction the handler's writes (state, outbox) must use: it also records the event as applied. */
  tx: EntityManager;
  envelope: EventEnvelope;
  topic: string;
  partition: number;
  offset: string;
}

export type EventHandler<D extends EventDefinition> = (data: EventData<D>, context: EventContext) => Promise<void>;

export interface RetryPolicy {
  /** Attempts in all, the first included, before the message goes to the dead-letter topic. */
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
  /** Offsets are committed at least this often while a batch is worked through. */
  commitEvery?: number;
}

const consumed = counter({ name: 'events_consumed_total', help: 'Events consumed, by outcome', labelNames: ['group', 'type', 'outcome'] });
const handleSeconds = histogram({
  name: 'event_handle_seconds',
  help: 'Time to apply one event (transaction included)',
  labelNames: ['group', 'type'],
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

type Outcome = 'applied' | 'duplicate' | 'ignored' | 'dead-lettered';

/**
 * The one way services consume events (reliability rules 2, 3, 5). Built on kafkajs directly rather
 * than @nestjs/microservices' Kafka transport, because the transport commits offsets on its own
 * schedule, has no retry or dead-letter handling, and renames group ids; here:
 * - offsets are committed manually, only after the effect's transaction committed;
 * - each event id is recorded in the applied-event ledger inside that same transaction, so a
 *   redelivered event is skipped;
 * - a failing event is retried with exponential backoff (heartbeating meanwhile), then sent with
 *   its error to `<topic>.dlq`, and the partition moves on;
 * - stop() lets the event in flight finish, commits, and leaves the group.
 */
export class EventConsumer {
  private readonly handlers = new Map<string, { definition: EventDefinition; handler: EventHandler<any> }>();
  private consumer?: Consumer;
  private dlqProducer?: Producer;
  private stopping = false;
  private readonly retry: RetryPolicy;
  private readonly logger: MessagingLogger;

  constructor(private readonly options: EventConsumerOptions) {
    this.retry = { maxAttempts: 5, initialDelayMs: 200, maxDelayMs: 5_000, ...options.retry };
    this.logger = options.logger ?? silentLogger;
  }

  get groupId(): string {
    return this.options.groupId;
  }

  on<D extends EventDefinition>(definition: D, handler: EventHandler<D>): this {
    if (this.consumer) throw new Error('register handlers before start()');
    if (this.handlers.has(definition.type)) throw new Error(`a handler for ${definition.type} is already registered`);
    this.handlers.set(definition.type, { definition, handler });
    return this;
  }

  get hasHandlers(): boolean {
    return this.handlers.size > 0;
  }

  get isRunning(): boolean {
    return !!this.consumer && !this.stopping;
  }

  async start(): Promise<void> {
    if (this.consumer) return;
    const { kafka, naming, groupId } = this.options;
    const topics = [...new Set([...this.handlers.values()].map((h) => naming.physical(h.definition.topic as TopicName)))];
    if (topics.length === 0) throw new Error('no handlers registered');
    this.stopping = false;
    this.dlqProducer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
    await this.dlqProducer.connect();
    const consumer = kafka.consumer({
      groupId,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 250,
      retry: { retries: 10 },
    });
    await consumer.connect();
    for (const topic of topics) await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        let pending: string | undefined;
        let sinceCommit = 0;
        const commitEvery = this.options.commitEvery ?? 100;
        const commit = async () => {
          if (pending === undefined) return;
          await consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(pending) + 1n).toString() }]);
          pending = undefined;
          sinceCommit = 0;
        };
        try {
          for (const message of batch.messages) {
            if (!isRunning() || isStale() || this.stopping) break;
            const done = await this.process(batch.topic, batch.partition, message, heartbeat);
            if (!done) break; // stopping during a retry: leave the message for the next owner
            resolveOffset(message.offset);
            pending = message.offset;
            if (++sinceCommit >= commitEvery) await commit();
            await heartbeat();
          }
        } finally {
          if (!isStale()) await commit();
        }
      },
    });
    this.consumer = consumer;
    this.logger.info({ groupId, topics }, 'consumer started');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    await this.dlqProducer?.disconnect();
    this.consumer = undefined;
    this.dlqProducer = undefined;
  }

  /** Returns false when the consumer is stopping and the message was left unprocessed. */
  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<boolean> {
    const group = this.options.groupId;
    let envelope: EventEnvelope;
    try {
      envelope = fromKafkaMessage(message);
    } catch (err) {
      await this.deadLetter(topic, partition, message, err as Error, 1);
      this.count('unknown', 'dead-lettered');
      return true;
    }
    const registered = this.handlers.get(envelope.type);
    if (!registered) {
      this.count(envelope.type, 'ignored');
      return true;
    }
    const violations = validateEventData(registered.definition, envelope.data);
    if (violations.length > 0) {
      const detail = violations.map((v) => `${v.path}: ${v.message}`).join('; ');
      await this.deadLetter(topic, partition, message, new EnvelopeFormatError(`data does not match ${envelope.type}: ${detail}`), 1);
      this.count(envelope.type, 'dead-lettered');
      return true;
    }
    for (let attempt = 1; ; attempt++) {
      const timer = handleSeconds.startTimer({ group, type: envelope.type });
      try {
        const outcome = await runWithCorrelation(
          { correlationId: envelope.correlationid, causationId: envelope.causationid, eventId: envelope.id },
          () => this.applyOnce(registered.handler, envelope, topic, partition, message.offset),
        );
        timer();
        this.count(envelope.type, outcome);
        return true;
      } catch (err) {
        timer();
        const error = err as Error;
        const permanent = error instanceof PermanentEventError;
        if (permanent || attempt >= this.retry.maxAttempts) {
          this.logger.error({ err: error, eventId: envelope.id, type: envelope.type, attempt }, 'event failed for good: dead-lettering');
          await this.deadLetter(topic, partition, message, error, attempt);
          this.count(envelope.type, 'dead-lettered');
          return true;
        }
        const delay = Math.min(this.retry.maxDelayMs, this.retry.initialDelayMs * 2 ** (attempt - 1));
        this.logger.warn({ err: error, eventId: envelope.id, type: envelope.type, attempt, delay }, 'event failed: retrying');
        if (!(await this.sleepWithHeartbeat(delay, heartbeat))) return false;
      }
    }
  }

  private async applyOnce(handler: EventHandler<any>, envelope: EventEnvelope, topic: string, partition: number, offset: string): Promise<Outcome> {
    const schema = (this.options.dataSource.options as { schema?: string }).schema;
    return this.options.dataSource.transaction(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO "${schema}"."applied_events" ("consumer_group", "event_id", "event_type", "topic", "partition", "kafka_offset")
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING "event_id"`,
        [this.options.groupId, envelope.id, envelope.type, topic, partition, offset],
      );
      if (inserted.length === 0) return 'duplicate';
      await handler(envelope.data, { tx, envelope, topic, partition, offset });
      return 'applied';
    });
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: Error, attempts: number): Promise<void> {
    const logical = this.options.naming.logical(topic);
    const target = logical ? this.options.naming.deadLetter(logical) : `${topic}.dlq`;
    await sendToDeadLetterTopic(this.dlqProducer!, target, { topic, partition, message, error, attempts, consumerGroup: this.options.groupId });
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
