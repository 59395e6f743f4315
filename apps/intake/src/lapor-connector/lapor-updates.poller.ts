import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { LaporUpdateReceivedV1 } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxWriter, schemaOfManager } from '@bekasi/messaging';
import { counter, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { readLaporUpdate, type LaporUpdateReading } from '@bekasi/intake-domain';
import type { IntakeConfig } from '../intake.config';
import { LaporIntegrationClient } from './lapor-integration.client';
import { LaporOutboundRepository } from './lapor-outbound.repository';
import { WakeableLoop } from './wakeable-loop';

const FEED = 'lapor-updates';
const PAGE = 100;
const updatesRead = counter({ name: 'intake_lapor_updates_total', help: 'Updates read back from LAPOR! (replies, ratings, status changes), by outcome', labelNames: ['outcome'] });

/** `historical`: the report is only history from an export, no ticket will hear of it. */
export type UpdateOutcome = 'announced' | 'repeat' | 'unknown_report' | 'historical' | 'rejected';

/**
 * Brings back what happened on the LAPOR! side: the reporter's replies and ratings, LAPOR!'s admin
 * changing a status. Each update is recorded under LAPOR!'s update id and announced once as
 * `complaint.lapor-update-received` (desk enters it in the ticket's history), in the transaction
 * that moves the feed's cursor; a repeated update (the feed repeats itself, or the webhook and
 * the poll both bring it) finds its id taken and is not announced again.
 */
@Injectable()
export class LaporUpdatesPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private failures = 0;
  private readonly loop = new WakeableLoop(
    async () => {
      const { hasMore } = await this.pollOnce();
      this.failures = 0;
      return hasMore ? 0 : this.config.LAPOR_CONNECTOR_INTERVAL_MS;
    },
    (err) => {
      this.failures++;
      const delay = Math.min(this.config.LAPOR_CONNECTOR_MAX_BACKOFF_MS, this.config.LAPOR_CONNECTOR_INTERVAL_MS * 2 ** Math.min(this.failures, 10));
      this.logger.warn({ err: err.message, retryInMs: delay }, 'LAPOR! updates poll failed; backing off');
      return delay;
    },
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: LaporIntegrationClient,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap() {
    if (this.client.enabled) this.loop.start();
  }

  async beforeApplicationShutdown() {
    await this.loop.stop();
  }

  /** Reads and commits one page of the updates feed; exposed for tests. */
  async pollOnce(): Promise<{ read: number; hasMore: boolean }> {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    const [row] = await this.dataSource.query(`SELECT "cursor" FROM "${schema}"."lapor_poll_cursor" WHERE "feed" = $1`, [FEED]);
    const cursor: string | null = row?.cursor ?? null;
    const answer = await this.client.updates(cursor, PAGE);
    if (answer.kind !== 'answered') throw new Error(`${answer.kind}: ${answer.error}`);
    if (answer.status !== 200 || !answer.body || !Array.isArray(answer.body.items)) throw new Error(`updates feed answered HTTP ${answer.status}`);
    const items = answer.body.items as unknown[];
    const next = answer.body.next_cursor ?? answer.body.nextCursor ?? cursor;
    await this.dataSource.transaction(async (tx) => {
      const s = schemaOfManager(tx);
      const [locked] = await tx.query(`SELECT "cursor" FROM "${s}"."lapor_poll_cursor" WHERE "feed" = $1 FOR UPDATE`, [FEED]);
      if ((locked?.cursor ?? null) !== cursor) throw new Error('updates cursor moved by another poller');
      for (const record of items) updatesRead.inc({ outcome: await this.receive(tx, record) });
      await this.announceLateArrivals(tx);
      await tx.query(
        `INSERT INTO "${s}"."lapor_poll_cursor" ("feed","cursor","pages_read","updated_at") VALUES ($1,$2,1,now())
         ON CONFLICT ("feed") DO UPDATE SET "cursor"=EXCLUDED."cursor", "pages_read"="lapor_poll_cursor"."pages_read"+1, "updated_at"=now()`,
        [FEED, next === null ? null : String(next)],
      );
    });
    return { read: items.length, hasMore: Boolean(answer.body.has_more ?? answer.body.hasMore) };
  }

  /**
   * An update can come before its report (the reporter replied on LAPOR! before the report feed was
   * read): kept as `unknown_report`, it is announced once the complaint is here (for a week at most).
   */
  private async announceLateArrivals(tx: EntityManager): Promise<void> {
    const s = schemaOfManager(tx);
    const waiting = await tx.query(
      `SELECT u."update_id", u."record" FROM "${s}"."lapor_inbound_updates" u
       WHERE u."outcome" = 'unknown_report' AND u."received_at" > now() - interval '7 days'
       ORDER BY u."received_at" LIMIT 100 FOR UPDATE SKIP LOCKED`,
    );
    for (const row of waiting) {
      const reading = readLaporUpdate(row.record, this.client.fields, this.clock.now());
      if (!('update' in reading)) continue;
      const ticket = await new LaporOutboundRepository(tx).ticketByLaporId(reading.update.laporTrackingId);
      if (!ticket) continue;
      await tx.query(`UPDATE "${s}"."lapor_inbound_updates" SET "outcome" = 'announced', "complaint_id" = $2 WHERE "update_id" = $1`, [row.update_id, ticket.complaintId]);
      await this.announce(tx, reading.update, ticket);
      updatesRead.inc({ outcome: 'announced_late' });
    }
  }

  get updateIdField(): string {
    return this.client.fields.updateId;
  }

  /** One update, from the feed or the webhook, inside the caller's transaction. */
  async receive(tx: EntityManager, record: unknown): Promise<UpdateOutcome> {
    const s = schemaOfManager(tx);
    const reading = readLaporUpdate(record, this.client.fields, this.clock.now());
    if ('rejection' in reading) {
      this.logger.warn({ reason: reading.rejection }, 'LAPOR! update unreadable; skipped');
      return 'rejected';
    }
    const update: LaporUpdateReading = reading.update;
    const repo = new LaporOutboundRepository(tx);
    const ticket = await repo.ticketByLaporId(update.laporTrackingId);
    const outcome: UpdateOutcome = ticket ? 'announced' : (await repo.isHistoricalReport(update.laporTrackingId)) ? 'historical' : 'unknown_report';
    const inserted: unknown[] = await tx.query(
      `INSERT INTO "${s}"."lapor_inbound_updates" ("update_id","lapor_tracking_id","complaint_id","kind","outcome","record")
       VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT ("update_id") DO NOTHING RETURNING "update_id"`,
      [update.updateId, update.laporTrackingId, ticket?.complaintId ?? null, update.kind, outcome, JSON.stringify(record)],
    );
    if (inserted.length === 0) return 'repeat';
    if (!ticket) return outcome;
    await this.announce(tx, update, ticket);
    return 'announced';
  }

  private async announce(tx: EntityManager, update: LaporUpdateReading, ticket: { complaintId: string; trackingId: string }): Promise<void> {
    await this.outbox.append(
      tx,
      LaporUpdateReceivedV1,
      {
        complaintId: ticket.complaintId,
        trackingId: ticket.trackingId,
        laporTrackingId: update.laporTrackingId,
        updateId: update.updateId,
        kind: update.kind,
        message: update.message,
        rating: update.rating,
        laporStatus: update.laporStatus,
        at: update.at.toISOString(),
      },
      // The event's time is when it is announced (desk waits for the ticket from then); `at` keeps LAPOR!'s time.
      { subject: ticket.complaintId },
    );
  }
}
