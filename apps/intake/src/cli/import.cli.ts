// npm run import -- FILE [FILE...]
// Imports "Laporan Ringkas" exports straight into intake's PostgreSQL schema and outbox, through
// the same use case as POST /api/v1/intake/imports, by starting intake's Nest context without HTTP
// and without the poller. Its outbox relay publishes before exit; a running intake would also
// publish whatever is left (the relay is one per schema at a time).
import 'reflect-metadata';
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { basename } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@bekasi/platform';
import { AppModule } from '../app.module';
import { ImportExportService } from '../import-export/import-export.service';
import { IntakeConfig } from '../intake.config';

async function main(files: string[]) {
  if (files.length === 0) {
    console.error('usage: npm run import -- FILE.xlsx|FILE.csv [...]');
    process.exit(2);
  }
  for (const file of files) await access(file).catch(() => { console.error(`berkas tidak ditemukan: ${file}`); process.exit(2); });
  let config: IntakeConfig;
  try {
    config = loadConfig(IntakeConfig, { ...process.env, LAPOR_API_BASE_URL: undefined, DEMO_SEED: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`import: ${err.message}`);
      process.exit(78);
    }
    throw err;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ configValues: config }), { logger: ['error', 'warn'] });
  let failed = false;
  try {
    const imports = app.get(ImportExportService);
    for (const file of files) {
      const started = Date.now();
      try {
        const report = await imports.importFile(createReadStream(file), basename(file));
        const seconds = (Date.now() - started) / 1000;
        console.log(
          `${file}: ${report.rows} baris — ${report.imported} diimpor (${report.historical} riwayat, ${report.live} aktif, ` +
            `${report.likelyDuplicates} diduga duplikat), ${report.duplicates} sudah ada, ${report.rejected.length} ditolak ` +
            `(${seconds.toFixed(1)} s, ${Math.round(report.rows / Math.max(seconds, 0.001))} baris/s)`,
        );
        for (const row of report.rejected) console.log(`  baris ${row.rowNumber}${row.trackingId ? ` (${row.trackingId})` : ''}: ${row.reasons.join(' ')}`);
      } catch (err) {
        failed = true;
        console.error(`${file}: ${(err as Error).message}`);
      }
    }
  } finally {
    await app.close();
  }
  process.exit(failed ? 1 : 0);
}

void main(process.argv.slice(2));
