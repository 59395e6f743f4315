import { Inject, Injectable, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxRelay, schemaOfManager } from '@bekasi/messaging';
import { counter, gauge, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { laporApiFieldMapping, readLaporApiRecord, type LaporApiFieldMapping, recordForAdmin, REJECTED_RECORD_RETENTION_DAYS } from '@bekasi/intake-domain';
import type { IntakeConfig } from '../intake.config';
import { ComplaintIntakeService } from '../complaint-intake/complaint-intake.service';
import { LaporApiClient, LaporApiError } from './lapor-api.client';

export const LAPOR_POLLER_HOOKS = Symbol('LAPOR_POLLER_HOOKS');

/** Fault injection for tests: runs for each record of a page once the page is written, before it commits. */
export interface LaporPollerHooks {
  afterRecord?: (position: number, externalId: string | null) => Promise<void> | void;
}

export interface PollOutcome {
  received: number;
  repeats: number;
  rejected: number;
  hasMore: boolean;
}

const FEED = 'lapor-api';
const records = counter({ name: 'intake_lapor_poll_records_total', help: 'LAPOR! API records read by the poller', labelNames: ['outcome'] });
const failures = counter({ name: 'intake_lapor_poll_failures_total', help: 'Failed LAPOR! API polls', labelNames: ['reason'] });
const lagSeconds = gauge({ name: 'intake_lapor_poll_lag_seconds', help: 'Age of the newest report of the last page while the poller is behind; 0 when caught up' });
const backlog = gauge({ name: 'intake_lapor_poll_backlog', help: 'Reports the LAPOR! API says are still waiting after the last page' });
const backoffMs = gauge({ name: 'intake_lapor_poll_backoff_ms', help: 'Delay before the next poll after failures or slow answers' });
const lastSuccess = gauge({ name: 'intake_lapor_poll_last_success_timestamp_seconds', help: 'When a page was last read and committed' });

/**
 * Pages through the LAPOR! API from the cursor in PostgreSQL. Each page's complaints, its
 * rejected records and the cursor's move commit in one transaction, so a restart (or a crash
 * mid-page) re-reads exactly the page that did not commit, and identity keys absorb repeats.
 */
@Injectable()
export class LaporPoller implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private consecutiveFailures = 0;
  private readonly mapping: LaporApiFieldMapping;

  constructor(
    private readonly dataSource: DataSource,
    private readonly api: LaporApiClient,
    private readonly intake: ComplaintIntakeService,
    private readonly relay: OutboxRelay,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Optional() @Inject(LAPOR_POLLER_HOOKS) private readonly hooks: LaporPollerHooks | null = null,
  ) {
    this.mapping = laporApiFieldMapping(config.LAPOR_API_FIELD_MAPPING ? JSON.parse(config.LAPOR_API_FIELD_MAPPING) : {});
  }

  onApplicationBootstrap() {
    if (!this.api.enabled) {
      this.logger.info('LAPOR! API poller off (LAPOR_API_BASE_URL unset)');
      return;
    }
    this.running = true;
    this.loop = this.run();
    this.logger.info({ baseUrl: this.config.LAPOR_API_BASE_URL }, 'LAPOR! API poller started');
  }

  async beforeApplicationShutdown() {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run() {
    while (this.running) {
      let delay = this.config.LAPOR_POLL_INTERVAL_MS;
      const started = Date.now();
      try {
        const outcome = await this.pollOnce();
        this.consecutiveFailures = 0;
        const elapsed = Date.now() - started;
        // A slow answer is a sign of a struggling API: keep reading, but give it room.
        const slow = elapsed > this.config.LAPOR_POLL_TIMEOUT_MS / 2;
        delay = outcome.hasMore ? (slow ? Math.min(elapsed, this.config.LAPOR_POLL_MAX_BACKOFF_MS) : 0) : this.config.LAPOR_POLL_INTERVAL_MS;
      } catch (err) {
        this.consecutiveFailures++;
        const reason = err instanceof LaporApiError ? err.reason : 'internal';
        failures.inc({ reason });
        delay = Math.min(this.config.LAPOR_POLL_MAX_BACKOFF_MS, this.config.LAPOR_POLL_INTERVAL_MS * 2 ** Math.min(this.consecutiveFailures, 16));
        this.logger.warn({ err: (err as Error).message, reason, failures: this.consecutiveFailures, retryInMs: delay }, 'LAPOR! API poll failed; backing off');
      }
      backoffMs.set(this.consecutiveFailures > 0 ? delay : 0);
      if (delay > 0 && this.running) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
    }
  }

  /** Reads and commits one page; exposed for tests and the benchmark. */
  async pollOnce(): Promise<PollOutcome> {
    const cursor = await this.currentCursor();
    const page = await this.api.fetchPage(cursor, this.config.LAPOR_POLL_PAGE_SIZE);
    const outcome: PollOutcome = { received: 0, repeats: 0, rejected: 0, hasMore: page.hasMore };
    let newest: Date | null = null;
    await this.dataSource.transaction(async (tx) => {
      const schema = schemaOfManager(tx);
      const [locked] = await tx.query(`SELECT "cursor" FROM "${schema}"."lapor_poll_cursor" WHERE "feed" = $1 FOR UPDATE`, [FEED]);
      // Another instance moved the cursor since we read it: its page, not ours, is the truth.
      if ((locked?.cursor ?? null) !== cursor) throw new LaporApiError('cursor moved by another poller', 'invalid');
      const readings = page.items.map((record) => readLaporApiRecord(record, this.mapping));
      // The page's complaints in one multi-row write (a handful of statements, not a handful per record).
      const drafts = readings.flatMap((reading) => (reading.draft ? [reading.draft] : []));
      const receipts = drafts.length > 0 ? await this.intake.receiveManyWithin(tx, drafts.map((draft) => ({ draft }))) : [];
      for (const receipt of receipts) {
        if (receipt.repeat) outcome.repeats++;
        else outcome.received++;
      }
      for (const draft of drafts) if (!newest || draft.receivedAt > newest) newest = draft.receivedAt;
      for (const [position, record] of page.items.entries()) {
        const reading = readings[position];
        if (!reading.draft) {
          outcome.rejected++;
          await tx.query(
            `INSERT INTO "${schema}"."lapor_poll_rejections" ("page_cursor", "position", "external_id", "field", "reason", "record")
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
            // Kept for the admin masked and cleaned (no raw NIK or phone, no NUL), and only for a while.
            [cursor ?? '', position, reading.rejection.externalId, reading.rejection.field, reading.rejection.reason, JSON.stringify(recordForAdmin(record ?? null))],
          );
        }
        await this.hooks?.afterRecord?.(position, reading.draft?.externalId ?? reading.rejection?.externalId ?? null);
      }
      await tx.query(`DELETE FROM "${schema}"."lapor_poll_rejections" WHERE "rejected_at" < now() - make_interval(days => $1)`, [REJECTED_RECORD_RETENTION_DAYS]);
      await tx.query(
        `INSERT INTO "${schema}"."lapor_poll_cursor" ("feed", "cursor", "pages_read", "updated_at") VALUES ($1, $2, 1, now())
         ON CONFLICT ("feed") DO UPDATE SET "cursor" = EXCLUDED."cursor", "pages_read" = "lapor_poll_cursor"."pages_read" + 1, "updated_at" = now()`,
        [FEED, page.nextCursor ?? cursor],
      );
    });
    if (outcome.received > 0) this.relay.nudge();
    records.inc({ outcome: 'received' }, outcome.received);
    records.inc({ outcome: 'repeat' }, outcome.repeats);
    records.inc({ outcome: 'rejected' }, outcome.rejected);
    lagSeconds.set(page.hasMore && newest ? Math.max(0, (Date.now() - (newest as Date).getTime()) / 1000) : 0);
    backlog.set(page.remaining ?? (page.hasMore ? this.config.LAPOR_POLL_PAGE_SIZE : 0));
    lastSuccess.set(Date.now() / 1000);
    if (outcome.rejected > 0) this.logger.warn({ rejected: outcome.rejected, cursor }, 'LAPOR! API records rejected (kept in lapor_poll_rejections)');
    return outcome;
  }

  async currentCursor(): Promise<string | null> {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    const rows = await this.dataSource.query(`SELECT "cursor" FROM "${schema}"."lapor_poll_cursor" WHERE "feed" = $1`, [FEED]);
    return rows[0]?.cursor ?? null;
  }
}
