// node tools/run.js apps/intake/src/cli/import-benchmark.ts [ROWS=10000] [SEED=2026]
// Generates a synthetic export of ROWS rows, imports it into a throw-away schema of DATABASE_URL
// (default: the test database) with the real outbox, prints rows per second, then drops the schema.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { generateLaporanRingkasCsv } from '@bekasi/intake-export-reader';
import { loadConfig } from '@bekasi/platform';
import { AppModule } from '../app.module';
import { dropBenchWorkspace } from './bench-workspace';
import { ImportExportService } from '../import-export/import-export.service';
import { IntakeConfig } from '../intake.config';

async function main() {
  const rows = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 2026);
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const config = loadConfig(IntakeConfig, {
    DATABASE_URL: databaseUrl, DB_SCHEMA: schema, KAFKA_TOPIC_PREFIX: `${schema}.`, LOG_LEVEL: 'warn',
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  });
  const csv = Buffer.from(generateLaporanRingkasCsv(rows, seed));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ configValues: config }), { logger: ['error', 'warn'] });
  try {
    const started = process.hrtime.bigint();
    const report = await app.get(ImportExportService).importFile(csv, `synthetic-${rows}.csv`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(JSON.stringify({ rows: report.rows, imported: report.imported, rejected: report.rejected.length, likelyDuplicates: report.likelyDuplicates, seconds: Number(seconds.toFixed(2)), rowsPerSecond: Math.round(report.rows / seconds) }));
    const again = Date.now();
    const second = await app.get(ImportExportService).importFile(csv, `synthetic-${rows}.csv`);
    console.log(JSON.stringify({ reimport: { imported: second.imported, duplicates: second.duplicates, seconds: (Date.now() - again) / 1000 } }));
  } finally {
    await app.close();
    await dropBenchWorkspace(databaseUrl, schema, config.KAFKA_BROKERS);
  }
}

void main();
