import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';
import { gauge, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { driftResolutionOf, laporIsAhead } from '@bekasi/intake-domain';
import { toLaporStatus, type TicketStatus } from '@bekasi/tickets-domain';
import type { IntakeConfig } from '../intake.config';
import { LaporIntegrationClient } from './lapor-integration.client';
import { LaporOutboundRepository, type LaporTicketRow } from './lapor-outbound.repository';
import { LaporSender } from './lapor-sender';

const driftGauge = gauge({ name: 'intake_lapor_drift_tickets', help: 'Tickets whose LAPOR! status differs from ours, at the last check' });

export interface DriftView {
  ticketId: string;
  trackingId: string;
  laporTrackingId: string;
  ourStatus: string;
  laporStatus: string;
  resolution: string;
  detectedAt: string;
  checkedAt: string;
}

/** The label LAPOR! should show for the ticket as the events left it. */
export function expectedLaporLabel(t: Pick<LaporTicketRow, 'status' | 'closedBy' | 'archivedBy'>): string {
  return toLaporStatus({
    status: t.status as TicketStatus,
    closedBy: (t.closedBy as 'reporter' | 'admin' | 'system' | null) ?? null,
    archive: t.archivedBy ? ({ archivedBy: t.archivedBy } as never) : null,
  });
}

/**
 * Compares LAPOR!'s status of each LAPOR ticket with the one ours implies, and lists the
 * differences for the admin. What is safe is fixed: a difference an unsent action explains is left
 * to the queue, one where LAPOR! missed our last action gets that action resent (same key, so a
 * copy LAPOR! already has is not made twice); LAPOR! being ahead of us is the admin's call.
 */
@Injectable()
export class LaporDriftReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: LaporIntegrationClient,
    private readonly sender: LaporSender,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap() {
    if (!this.client.enabled) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.check()
        .catch((err) => this.logger.warn({ err: (err as Error).message }, 'LAPOR! drift check failed'))
        .finally(() => (this.running = undefined));
    }, this.config.LAPOR_RECONCILE_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown() {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the LAPOR tickets; returns the differences found. */
  async check(): Promise<DriftView[]> {
    let after: string | null = null;
    let differences = 0;
    for (;;) {
      const tickets = await new LaporOutboundRepository(this.dataSource.manager).openTickets(200, after);
      if (tickets.length === 0) break;
      after = tickets[tickets.length - 1].ticketId;
      for (const ticket of tickets) if (await this.checkOne(ticket)) differences++;
    }
    driftGauge.set(differences);
    return this.list();
  }

  private async checkOne(ticket: LaporTicketRow): Promise<boolean> {
    const answer = await this.client.report(ticket.laporTrackingId);
    if (answer.kind !== 'answered' || answer.status !== 200 || !answer.body) return false;
    const laporLabel = answer.body[this.client.fields.status];
    if (typeof laporLabel !== 'string') return false;
    const ourLabel = expectedLaporLabel(ticket);
    return this.dataSource.transaction(async (tx) => {
      const repo = new LaporOutboundRepository(tx);
      const s = schemaOfManager(tx);
      const resolution = driftResolutionOf({ ourLabel, laporLabel, unsentActions: await repo.unsentCount(ticket.ticketId), laporAhead: laporIsAhead(ourLabel, laporLabel) });
      if (resolution === null) {
        await tx.query(`DELETE FROM "${s}"."lapor_drift" WHERE "ticket_id" = $1`, [ticket.ticketId]);
        return false;
      }
      if (resolution === 'resend') {
        const last = await repo.lastSent(ticket.ticketId);
        if (last) await repo.requeue(last.id);
      }
      await tx.query(
        `INSERT INTO "${s}"."lapor_drift" ("ticket_id","lapor_tracking_id","our_status","lapor_status","resolution","detected_at","checked_at")
         VALUES ($1,$2,$3,$4,$5,now(),now())
         ON CONFLICT ("ticket_id") DO UPDATE SET "our_status"=EXCLUDED."our_status", "lapor_status"=EXCLUDED."lapor_status",
           "resolution"=EXCLUDED."resolution", "checked_at"=now()`,
        [ticket.ticketId, ticket.laporTrackingId, ourLabel, laporLabel, resolution],
      );
      if (resolution === 'resend') this.sender.nudge();
      return true;
    });
  }

  async list(): Promise<DriftView[]> {
    const s = (this.dataSource.options as { schema?: string }).schema;
    const rows = await this.dataSource.query(
      `SELECT d.*, t."tracking_id" FROM "${s}"."lapor_drift" d JOIN "${s}"."lapor_tickets" t USING ("ticket_id") ORDER BY d."detected_at" DESC LIMIT 500`,
    );
    return rows.map((r: any) => ({
      ticketId: r.ticket_id,
      trackingId: r.tracking_id,
      laporTrackingId: r.lapor_tracking_id,
      ourStatus: r.our_status,
      laporStatus: r.lapor_status,
      resolution: r.resolution,
      detectedAt: new Date(r.detected_at).toISOString(),
      checkedAt: new Date(r.checked_at).toISOString(),
    }));
  }
}
