// LAPOR_API_BASE_URL=http://127.0.0.1:PORT node tools/run.js apps/intake/src/cli/poll-benchmark.ts [PAGE_SIZE=500]
// Polls a running lapor-sim from the start of its feed into a throw-away schema (real outbox and
// relay), and prints reports per second once the cursor reaches the end of the feed.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@bekasi/platform';
import { AppModule } from '../app.module';
import { dropBenchWorkspace } from './bench-workspace';
import { IntakeConfig } from '../intake.config';
import { LaporPoller } from '../lapor-poll/lapor-poller';

async function main() {
  const baseUrl = process.env.LAPOR_API_BASE_URL ?? 'http://127.0.0.1:3100';
  const pageSize = process.argv[2] ?? '500';
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `pollbench_${randomBytes(4).toString('hex')}`;
  const { reports } = (await (await fetch(`${baseUrl}/admin/state`)).json()) as { reports: number };
  const config = loadConfig(IntakeConfig, {
    DATABASE_URL: databaseUrl, DB_SCHEMA: schema, KAFKA_TOPIC_PREFIX: `${schema}.`, LOG_LEVEL: 'warn',
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    LAPOR_API_BASE_URL: baseUrl, LAPOR_POLL_PAGE_SIZE: pageSize, LAPOR_POLL_INTERVAL_MS: '20',
  });
  const started = Date.now();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ configValues: config }), { logger: ['error', 'warn'] });
  try {
    const poller = app.get(LaporPoller);
    while (Number((await poller.currentCursor()) ?? 0) < reports) await new Promise((r) => setTimeout(r, 100));
    const seconds = (Date.now() - started) / 1000;
    console.log(JSON.stringify({ reports, pageSize: Number(pageSize), seconds, reportsPerSecond: Math.round(reports / seconds) }));
  } finally {
    await app.close();
    await dropBenchWorkspace(databaseUrl, schema, config.KAFKA_BROKERS);
  }
}

void main();
