import {
  Global,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Kafka } from 'kafkajs';
import type { TopicNaming } from '@bekasi/contracts';
import type { Clock } from '@bekasi/clock';
import { CLOCK, LOGGER, ReadinessRegistry, SERVICE_CONFIG, SERVICE_NAME, type AppLogger, type ServiceConfig } from '@bekasi/platform';
import { EventConsumer } from './consumer/event-consumer';
import { createKafka, topicNamingOf, type KafkaSettings } from './kafka/kafka-settings';
import { provisionTopics } from './kafka/topic-provisioning';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

export const KAFKA = Symbol('KAFKA');
export const TOPIC_NAMING = Symbol('TOPIC_NAMING');

function settingsOf(service: string, config: ServiceConfig): KafkaSettings {
  return { brokers: config.KAFKA_BROKERS.split(','), topicPrefix: config.KAFKA_TOPIC_PREFIX, clientId: `bekasi-${service}` };
}

/**
 * Starts the relay and the consumer once the application is up, and stops them first on SIGTERM:
 * the consumer finishes the event in flight and commits, then the relay publishes what is left.
 */
@Injectable()
class MessagingLifecycle implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPIC_NAMING) private readonly naming: TopicNaming,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly relay: OutboxRelay,
    private readonly consumer: EventConsumer,
    private readonly readiness: ReadinessRegistry,
  ) {}

  async onModuleInit() {
    this.readiness.register('kafka', async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      try {
        await admin.describeCluster();
      } finally {
        await admin.disconnect();
      }
    });
    await provisionTopics(this.kafka, this.naming);
  }

  async onApplicationBootstrap() {
    this.relay.start();
    if (this.consumer.hasHandlers) await this.consumer.start();
  }

  async beforeApplicationShutdown(signal?: string) {
    this.logger.info({ signal }, 'draining: stopping consumer, then outbox relay');
    await this.consumer.stop();
    await this.relay.stop();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: KAFKA,
      inject: [SERVICE_NAME, SERVICE_CONFIG, LOGGER],
      useFactory: (service: string, config: ServiceConfig, logger: AppLogger) =>
        createKafka(settingsOf(service, config), (level, message, extra) => logger[level](extra, message)),
    },
    {
      provide: TOPIC_NAMING,
      inject: [SERVICE_NAME, SERVICE_CONFIG],
      useFactory: (service: string, config: ServiceConfig) => topicNamingOf(settingsOf(service, config)),
    },
    {
      provide: OutboxWriter,
      inject: [SERVICE_NAME, TOPIC_NAMING, CLOCK],
      useFactory: (service: string, naming: TopicNaming, clock: Clock) => new OutboxWriter(`/bekasi-lapor/${service}`, naming, clock),
    },
    {
      provide: OutboxRelay,
      inject: [DataSource, KAFKA, LOGGER],
      useFactory: (dataSource: DataSource, kafka: Kafka, logger: AppLogger) => new OutboxRelay(dataSource, kafka, { logger }),
    },
    {
      provide: EventConsumer,
      inject: [SERVICE_NAME, SERVICE_CONFIG, DataSource, KAFKA, TOPIC_NAMING, LOGGER, OutboxRelay],
      useFactory: (service: string, config: ServiceConfig, dataSource: DataSource, kafka: Kafka, naming: TopicNaming, logger: AppLogger, relay: OutboxRelay) =>
        new EventConsumer({
          kafka,
          dataSource,
          naming,
          groupId: `${config.KAFKA_TOPIC_PREFIX}bekasi.${service}`,
          logger,
          retry: { maxAttempts: config.CONSUMER_MAX_ATTEMPTS, initialDelayMs: config.CONSUMER_RETRY_BASE_MS },
          // The handlers wrote outbox rows: the relay in this process starts at once (pg_notify covers the others).
          afterCommit: () => relay.nudge(),
        }),
    },
    MessagingLifecycle,
  ],
  exports: [KAFKA, TOPIC_NAMING, OutboxWriter, OutboxRelay, EventConsumer],
})
export class MessagingModule {}
