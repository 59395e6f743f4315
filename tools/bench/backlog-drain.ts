// Backlog drain: N new complaints stored in intake at once (a LAPOR! backlog, a replay after an
// outage), through intake's own use case in transactions of 1,000, then the time until every one is
// a ticket with its deadlines and timers (done, as in the steps). The running system does the rest.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '@bekasi/platform';
import { AppModule } from '../../apps/intake/src/app.module';
import { ComplaintIntakeService } from '../../apps/intake/src/complaint-intake/complaint-intake.service';
import { IntakeConfig } from '../../apps/intake/src/intake.config';
import { complaintText } from './complaint-texts';
import { TicketAssignedV1, TicketTriagedV1 } from '@bekasi/contracts';

export interface DrainResult {
  complaints: number;
  storedSeconds: number;
  drainedSeconds: number;
  done: number;
  perSecond: number;
}

async function doneByPrefix(db: Client, prefix: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM intake.complaints c
       JOIN desk.outbox dout ON dout.message_key = c.id::text AND dout.event_type = ANY($2::text[])
       JOIN sla.applied_events sa ON sa.event_id = dout.event_id::text
      WHERE c.external_id LIKE $1`,
    [`${prefix}-%`, [TicketAssignedV1.type, TicketTriagedV1.type]],
  );
  return rows[0].n;
}

export async function backlogDrain(db: Client, count: number, timeoutSeconds: number): Promise<DrainResult> {
  const config = loadConfig(IntakeConfig, { ...process.env, LAPOR_API_BASE_URL: undefined, DEMO_SEED: 'false', LOG_LEVEL: 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ configValues: config }), { logger: ['error', 'warn'] });
  const marker = `drain-${Date.now()}`;
  const started = Date.now();
  try {
    const intake = app.get(ComplaintIntakeService);
    const dataSource = app.get(DataSource);
    for (let from = 0; from < count; from += 1000) {
      const list = Array.from({ length: Math.min(1000, count - from) }, (_, k) => {
        const i = from + k;
        const { title, text, category } = complaintText(i, marker);
        return {
          draft: {
            source: 'web-form' as const, externalId: `${marker}-${i}`, channel: null, receivedAt: new Date(), title, text,
            category: { id: null, name: category }, classification: null, anonymous: false, confidential: false, reporter: null, locationText: null, attachments: [],
          },
        };
      });
      await dataSource.transaction((tx) => intake.receiveManyWithin(tx, list as any));
    }
  } finally {
    await app.close();
  }
  const stored = Date.now();
  let done = 0;
  while (Date.now() - stored < timeoutSeconds * 1000) {
    done = await doneByPrefix(db, marker);
    if (done >= count) break;
    await new Promise((r) => setTimeout(r, 2000));
  }
  const finished = Date.now();
  return { complaints: count, storedSeconds: (stored - started) / 1000, drainedSeconds: (finished - started) / 1000, done, perSecond: Math.round(done / ((finished - started) / 1000)) };
}
