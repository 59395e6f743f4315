import { randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import { ALL_TOPICS, TopicNaming, type TopicName } from '@bekasi/contracts';
import { createKafka } from '@bekasi/messaging';
import type { AppLogger } from '@bekasi/platform';

export type HintListener = (topic: TopicName) => void;

/**
 * "Something changed on topic X", fed from Kafka. A plain kafkajs consumer in its own consumer
 * group per gateway instance (each instance must see every event), starting at the newest offset:
 * it hints, it never replays. Nothing of the event leaves this class but its logical topic name,
 * so a stream can't leak a ticket of another unit; the browser refetches through the scoped APIs.
 */
export class LiveHints {
  private consumer: Consumer | null = null;
  private starting: Promise<void> | null = null;
  private stopped = false;
  private readonly listeners = new Set<HintListener>();
  /** At most one hint per topic per window: a burst of events becomes one refetch. */
  private readonly pending = new Map<TopicName, NodeJS.Timeout>();

  constructor(
    private readonly settings: { brokers: string[]; topicPrefix: string },
    private readonly logger: AppLogger,
    private readonly coalesceMs = 500,
  ) {}

  subscribe(listener: HintListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  start(): Promise<void> {
    this.starting ??= this.connectAndRun();
    return this.starting;
  }

  // A stop during the connection must not leave a consumer that connects afterwards.
  private async connectAndRun(): Promise<void> {
    const naming = new TopicNaming(this.settings.topicPrefix);
    const kafka = createKafka({ ...this.settings, clientId: 'bekasi-gateway-live' }, (level, message, extra) => this.logger[level === 'debug' ? 'debug' : level]({ ...extra }, message));
    // Hints wait out coalesceMs anyway, so fetches can wait too: with kafkajs' default (answer as
    // soon as one byte is there) the gateway fetched and decoded all topics continuously under load,
    // a fetch per few events, in the process that also serves every request.
    const consumer = kafka.consumer({
      groupId: `${this.settings.topicPrefix}bekasi.gateway-live.${randomUUID()}`,
      sessionTimeout: 15_000,
      heartbeatInterval: 3_000,
      minBytes: 1024 * 1024,
      maxWaitTimeInMs: Math.max(10, Math.round(this.coalesceMs / 2)),
    });
    this.consumer = consumer;
    // kafkajs gives a consumer up for good after a non-retriable error (the group coordinator not
    // found while the broker restarts): hints would stop until the gateway restarts. Start anew.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopped) return;
      this.logger.warn({ err: (payload.error as Error).message }, 'live hints: kafkajs gave the consumer up; starting it again in 5 s');
      setTimeout(() => {
        if (this.stopped || this.consumer !== consumer) return;
        this.consumer = null;
        this.starting = null;
        void consumer.disconnect().catch(() => undefined);
        this.start().catch((err: Error) => this.logger.warn({ err: err.message }, 'live hints unavailable'));
      }, 5_000).unref();
    });
    await consumer.connect();
    if (this.stopped) return;
    await consumer.subscribe({ topics: ALL_TOPICS.map((t) => naming.physical(t)), fromBeginning: false });
    if (this.stopped) return;
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const topic = naming.logical(batch.topic);
        if (topic && batch.messages.length > 0) this.hint(topic);
      },
    });
  }

  private hint(topic: TopicName): void {
    if (this.pending.has(topic)) return;
    this.pending.set(
      topic,
      setTimeout(() => {
        this.pending.delete(topic);
        for (const l of this.listeners) l(topic);
      }, this.coalesceMs),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.starting?.catch(() => undefined);
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = null;
  }
}
