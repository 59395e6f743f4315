// Redis with many open tickets: M open tickets' timers (3 each: the 50 % and 80 % reminders and the
// breach, over the coming working weeks) live in PostgreSQL; BullMQ holds only those due within the
// queue horizon. Measures Redis memory after a wipe and the rebuild (sla's own reconcile) time, and
// what holding every timer in Redis would cost (bytes per job, measured on a sample).
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { SystemClock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000 } from '@bekasi/messaging';
import { loadConfig } from '@bekasi/platform';
import { CreateSlaTables1764200000000 } from '../../apps/sla/src/persistence/migrations/1764200000000-create-sla-tables';
import { SlaConfig } from '../../apps/sla/src/sla.config';
import { SlaTimerQueue } from '../../apps/sla/src/timers/sla-timer-queue';
import { deleteRedisKeys } from './bench-workspace.cli';

export interface TimerFigures {
  openTickets: number;
  timersInPostgres: number;
  jobsInRedis: number;
  redisMb: number;
  rebuildSeconds: number;
  bytesPerJob: number;
  allInRedisMb: number;
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, fatal() {}, trace() {} } as any;

async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);
}

const wipe = (redis: Redis, prefix: string) => deleteRedisKeys(redis, `${prefix}:*`);

export async function timerHorizon(openTickets: number): Promise<TimerFigures> {
  const schema = 'bench_timers';
  const prefix = 'benchtimers';
  const config = loadConfig(SlaConfig, { ...process.env, DB_SCHEMA: schema, REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' });
  const ds = new DataSource({ type: 'postgres', url: config.DATABASE_URL, schema, migrations: [CreateMessagingTables1763900000000, CreateSlaTables1764200000000], migrationsRun: false, extra: { max: 4 } });
  const admin = new DataSource({ type: 'postgres', url: config.DATABASE_URL });
  await admin.initialize();
  await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.destroy();
  await ds.initialize();
  await ds.runMigrations();
  const redis = new Redis(config.REDIS_URL);
  try {
    // Open tickets received over the last days: their timers fall over the next four weeks.
    await ds.query(
      `INSERT INTO "${schema}"."timers" (id, ticket_id, kind, what, fraction, roles, unit_code, deadline_at, fire_at, state, policy_version)
       SELECT t.id::text || '.resolution.' || w.what, t.id, 'resolution', CASE WHEN w.what = 'breach' THEN 'breach' ELSE 'reminder' END, w.fraction, '["officer"]', 'DINAS_PUPR',
              now() + interval '1 minute' + (t.n % 2419200) * interval '1 second', now() + interval '1 minute' + (t.n % 2419200) * interval '1 second' * w.at, 'pending', 'bench'
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $1) AS n) t
        CROSS JOIN (VALUES ('r50', 0.5, 0.5), ('r80', 0.8, 0.8), ('breach', NULL, 1.0)) AS w(what, fraction, at)`,
      [openTickets],
    );
    await ds.query(`ANALYZE "${schema}"."timers"`);
    const clock = new SystemClock();
    const queue = new SlaTimerQueue(config, clock, silent, ds, {} as any);
    await wipe(redis, prefix);
    const empty = await usedMemory(redis);
    const started = Date.now();
    const jobs = await queue.reconcile();
    const rebuildSeconds = (Date.now() - started) / 1000;
    const redisBytes = (await usedMemory(redis)) - empty;
    // Bytes per job, from a sample queued regardless of the horizon.
    const sample = 20_000;
    const rows: Array<{ id: string; fireAt: Date }> = await ds.query(`SELECT id, fire_at AS "fireAt" FROM "${schema}"."timers" ORDER BY fire_at DESC LIMIT $1`, [sample]);
    const before = await usedMemory(redis);
    await (queue as any).add(rows);
    const bytesPerJob = ((await usedMemory(redis)) - before) / rows.length;
    await queue.onApplicationShutdown();
    return {
      openTickets,
      timersInPostgres: openTickets * 3,
      jobsInRedis: jobs,
      redisMb: Math.round((redisBytes / 1048576) * 10) / 10,
      rebuildSeconds,
      bytesPerJob: Math.round(bytesPerJob),
      allInRedisMb: Math.round((bytesPerJob * openTickets * 3) / 1048576),
    };
  } finally {
    await wipe(redis, prefix);
    redis.disconnect();
    await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => undefined);
    await ds.destroy();
  }
}
