import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Kafka } from 'kafkajs';
import { TopicNaming } from '@bekasi/contracts';
import { CreateMessagingTables1763900000000, createKafka, deleteTopics, provisionTopics } from '@bekasi/messaging';
import { ensureDatabaseAndSchema, loadConfig, ServiceConfig } from '@bekasi/platform';
import { testAuth } from './test-auth';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * What an integration test gets: its own topic set on the real broker (prefixed), a fresh
 * PostgreSQL schema and a Redis key prefix, all removed by cleanup().
 */
export class TestInfra {
  readonly schema: string;
  readonly topicPrefix: string;
  readonly redisPrefix: string;
  readonly naming: TopicNaming;
  readonly kafka: Kafka;
  private readonly dataSources: DataSource[] = [];
  private readonly redisClients: Redis[] = [];

  private constructor(readonly id: string) {
    this.schema = `t_${id}`;
    this.topicPrefix = `${id}.`;
    this.redisPrefix = `${id}:`;
    this.naming = new TopicNaming(this.topicPrefix);
    this.kafka = createKafka({ brokers: TEST_KAFKA_BROKERS.split(','), topicPrefix: this.topicPrefix, clientId: `test-${id}` });
  }

  static async create(label = 'test', options: { partitions?: number } = {}): Promise<TestInfra> {
    const id = `${label.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 12)}${randomBytes(4).toString('hex')}`;
    const infra = new TestInfra(id);
    await ensureDatabaseAndSchema(TEST_DATABASE_URL, infra.schema);
    await provisionTopics(infra.kafka, infra.naming, { partitions: options.partitions ?? 3, deadLetterPartitions: 1, replicationFactor: 1 });
    return infra;
  }

  /** A service configuration pointing at this test's schema, topics and Redis prefix. */
  config<C extends ServiceConfig>(cls: new () => C = ServiceConfig as new () => C, overrides: Record<string, string> = {}): C {
    return loadConfig(cls, {
      DATABASE_URL: TEST_DATABASE_URL,
      DB_SCHEMA: this.schema,
      KAFKA_BROKERS: TEST_KAFKA_BROKERS,
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: this.redisPrefix,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      CONSUMER_RETRY_BASE_MS: '50',
      ...testAuth().env,
      ...overrides,
    });
  }

  /** A DataSource on this test's schema with the messaging tables (and any extra migrations) in place. */
  async dataSource(extra: Partial<Pick<DataSourceOptions, 'entities' | 'migrations'>> = {}): Promise<DataSource> {
    const ds = new DataSource({
      type: 'postgres',
      url: TEST_DATABASE_URL,
      schema: this.schema,
      entities: (extra.entities as any) ?? [],
      migrations: [CreateMessagingTables1763900000000, ...(((extra.migrations as any[]) ?? []))],
      migrationsRun: true,
      extra: { max: 5 },
    });
    await ds.initialize();
    this.dataSources.push(ds);
    return ds;
  }

  redis(): Redis {
    const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    this.redisClients.push(client);
    return client;
  }

  async cleanup(): Promise<void> {
    for (const ds of this.dataSources) if (ds.isInitialized) await ds.destroy();
    const { Client } = await import('pg');
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await client.end();
    await deleteTopics(this.kafka, this.naming).catch(() => undefined);
    const redis = new Redis(TEST_REDIS_URL);
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${this.redisPrefix}*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    await redis.quit();
    for (const c of this.redisClients) await c.quit().catch(() => undefined);
  }
}

/** Polls until `probe` returns a truthy value (returned) or the time runs out (throws with `what`). */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as T;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
