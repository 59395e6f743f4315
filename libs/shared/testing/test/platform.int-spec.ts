import { Body, Controller, Module, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IsInt, IsString, Max, MinLength } from 'class-validator';
import request from 'supertest';
import { MessagingModule } from '@bekasi/messaging';
import { CreateMessagingTables1763900000000 } from '@bekasi/messaging';
import { TestInfra, waitFor } from '../src';
import { DataSource } from 'typeorm';
import { ConfigError, configureApp, loadConfig, PlatformModule, ServiceConfig, TableStatisticsKeeper } from '@bekasi/platform';

class EchoDto {
  @IsString() @MinLength(3) title!: string;
  @IsInt() @Max(5) rating!: number;
}

@Controller('echo')
class EchoController {
  @Post()
  echo(@Body() body: EchoDto) {
    return body;
  }
}

describe('platform: a service skeleton against the real PostgreSQL, Redis and Kafka', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;

  beforeAll(async () => {
    infra = await TestInfra.create('platform');
    @Module({
      imports: [
        PlatformModule.forService({ service: 'probe', configValues: infra.config(), migrations: [CreateMessagingTables1763900000000] }),
        MessagingModule,
      ],
      controllers: [EchoController],
    })
    class ProbeModule {}
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'probe', title: 'probe', bodyLimit: '1kb' });
  });
  afterAll(async () => {
    await app?.close();
    await infra.cleanup();
  });

  it('answers /health/live and /health/ready with PostgreSQL, Redis and Kafka up', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(Object.keys(ready.body.info).sort()).toEqual(['kafka', 'postgres', 'redis']);
  });

  it('runs the migrations into the service schema', async () => {
    const ds = await infra.dataSource();
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('outbox', 'applied_events')`, [infra.schema]);
    expect(n).toBe(2);
  });

  it('analyzes a table of its schema that grew since its statistics were taken, and only then', async () => {
    const ds = await infra.dataSource();
    const keeper = app.get(TableStatisticsKeeper);
    await keeper.analyzeStale();
    await ds.query(
      `INSERT INTO "${infra.schema}"."applied_events" ("consumer_group", "event_id", "event_type", "topic", "partition", "kafka_offset")
       SELECT 'probe', 'e' || n, 'test.v1', 'tickets', 0, n FROM generate_series(1, 3000) AS n`,
    );
    // The activity counters reach pg_stat_user_tables within a second of the commit.
    await waitFor('the insert counted', async () => {
      const [{ n }] = await ds.query(`SELECT n_mod_since_analyze::int AS n FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'applied_events'`, [infra.schema]);
      return n >= 3000;
    });
    expect(await keeper.analyzeStale()).toContain('applied_events');
    const [{ rows }] = await ds.query(`SELECT reltuples::int AS rows FROM pg_class WHERE oid = $1::regclass`, [`"${infra.schema}"."applied_events"`]);
    expect(rows).toBe(3000);
    await waitFor('the analyze counted', async () => {
      const [{ n }] = await ds.query(`SELECT n_mod_since_analyze::int AS n FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'applied_events'`, [infra.schema]);
      return n === 0;
    });
    expect(await keeper.analyzeStale()).not.toContain('applied_events');
  });

  it('plans a named statement once on its connection, and again only after the keeper analyzed its grown table', async () => {
    const ds = app.get(DataSource);
    const table = `"${infra.schema}"."plan_probe"`;
    await ds.query(`CREATE TABLE ${table} (id int PRIMARY KEY, k text NOT NULL, t timestamptz NOT NULL)`);
    await ds.query(`CREATE INDEX ON ${table} (k, t)`);
    const runner = ds.createQueryRunner();
    try {
      await runner.connect();
      await runner.query(`PREPARE nearest(text[]) AS SELECT x.* FROM unnest($1::text[]) u(k) CROSS JOIN LATERAL (SELECT * FROM ${table} p WHERE p.k = u.k ORDER BY t DESC LIMIT 40) x`);
      const plan = async () => ((await runner.query(`EXPLAIN EXECUTE nearest('{a}')`)) as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
      const empty = await plan();
      expect(empty).not.toContain('Index Scan Backward');
      await ds.query(`INSERT INTO ${table} SELECT n, (n % 20)::text, now() - n * interval '1 second' FROM generate_series(1, 50000) AS n`);
      // Generic plans only: the table grew 50,000 rows and the statement keeps the plan made on it empty.
      expect(await plan()).toBe(empty);
      await waitFor('the insert counted', async () => {
        const [{ n }] = await ds.query(`SELECT n_mod_since_analyze::int AS n FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'plan_probe'`, [infra.schema]);
        return n >= 50000;
      });
      expect(await app.get(TableStatisticsKeeper).analyzeStale()).toContain('plan_probe');
      expect(await plan()).toContain('Index Scan Backward');
    } finally {
      await runner.release();
    }
  });

  it('exposes Prometheus metrics', async () => {
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('answers bad input with 400 naming each field and reason', async () => {
    const res = await request(app.getHttpServer()).post('/echo').send({ title: 'ab', rating: 9, extra: true }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['extra', 'rating', 'title']);
    expect(res.body.errors.find((e: { field: string }) => e.field === 'rating').reasons[0]).toMatch(/5/);
  });

  it('answers an oversized body with 413 and malformed JSON with 400', async () => {
    const big = await request(app.getHttpServer()).post('/echo').set('content-type', 'application/json').send(JSON.stringify({ title: 'x'.repeat(5000), rating: 1 })).expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, message: 'Ukuran data melebihi batas' });
    const bad = await request(app.getHttpServer()).post('/echo').set('content-type', 'application/json').send('{"title":').expect(400);
    expect(bad.body.message).toBe('Data JSON tidak dapat dibaca');
  });

  it('carries the caller\'s correlation id back', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').set('x-correlation-id', 'abc-123').expect(200);
    expect(res.headers['x-correlation-id']).toBe('abc-123');
  });
});

describe('migrations: replicas starting together', () => {
  it('migrate a fresh schema once, the others waiting for the lock instead of failing', async () => {
    const infra = await TestInfra.create('replicas');
    // Slow enough that the replicas' migrations would overlap without the lock.
    class SlowTable1763900000001 {
      name = 'SlowTable1763900000001';
      async up(queryRunner: { query(sql: string): Promise<unknown> }) {
        await queryRunner.query('SELECT pg_sleep(0.5)');
        await queryRunner.query(`CREATE TABLE "${infra.schema}"."slow" ("id" INT PRIMARY KEY)`);
      }
      async down() {}
    }
    const start = async () => {
      @Module({ imports: [PlatformModule.forService({ service: 'replica', configValues: infra.config(), migrations: [CreateMessagingTables1763900000000, SlowTable1763900000001] })] })
      class ReplicaModule {}
      const moduleRef = await Test.createTestingModule({ imports: [ReplicaModule] }).compile();
      return moduleRef.createNestApplication({ logger: false }).init();
    };
    try {
      const replicas = await Promise.all([start(), start(), start()]);
      const ds = await infra.dataSource();
      const applied = await ds.query(`SELECT name FROM "${infra.schema}"."migrations" ORDER BY id`);
      expect(applied.map((m: { name: string }) => m.name)).toEqual(['CreateMessagingTables1763900000000', 'SlowTable1763900000001']);
      await Promise.all(replicas.map((r) => r.close()));
    } finally {
      await infra.cleanup();
    }
  });
});

describe('configuration', () => {
  it('names every missing or malformed variable', () => {
    expect(() => loadConfig(ServiceConfig, { KAFKA_BROKERS: 'nohost', TIME_SCALE: '0', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig(ServiceConfig, { KAFKA_BROKERS: 'nohost', TIME_SCALE: '0', DATABASE_URL: 'mysql://x' });
    } catch (err) {
      const problems = (err as ConfigError).problems.join('\n');
      expect(problems).toMatch(/KAFKA_BROKERS/);
      expect(problems).toMatch(/TIME_SCALE/);
      expect(problems).toMatch(/DATABASE_URL/);
    }
  });
});
