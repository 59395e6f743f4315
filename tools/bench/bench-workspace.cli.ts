// The bench's own workspace: its database (dropped and created again), its prefixed topics and its
// Redis keys, so each run starts from nothing and never touches the demo system's data.
// Usage: node tools/run.js tools/bench/bench-workspace.cli.ts reset
import Redis from 'ioredis';
import { Client } from 'pg';
import { TopicNaming } from '@bekasi/contracts';
import { createKafka, deleteTopics } from '@bekasi/messaging';

export async function resetWorkspace(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const url = new URL(env.DATABASE_URL!);
  const database = url.pathname.slice(1);
  if (!/^bekasi_(bench|chaos)\w*$/.test(database)) throw new Error(`refusing to drop ${database}: only bekasi_bench… and bekasi_chaos… databases are reset`);
  const admin = new URL(env.DATABASE_URL!);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  const prefix = env.KAFKA_TOPIC_PREFIX ?? 'bench.';
  await deleteTopics(createKafka({ brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), topicPrefix: prefix, clientId: 'bench' }), new TopicNaming(prefix));
  const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  await deleteRedisKeys(redis, `${env.REDIS_PREFIX ?? 'bench'}:*`);
  redis.disconnect();
}

/** Deletes the keys matching `pattern` (never FLUSHALL: Redis is shared); returns how many went. */
export async function deleteRedisKeys(redis: Redis, pattern: string): Promise<number> {
  let removed = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) removed += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return removed;
}

if (process.argv[1] === __filename && process.argv[2] === 'reset') {
  resetWorkspace().catch((err) => {
    console.error(`bench workspace: ${(err as Error).message}`);
    process.exit(1);
  });
}
