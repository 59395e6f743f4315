import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';

export interface TicketOrigin {
  /** The channel the complaint came by (complaint.received's `source`, as routing's decisions carry it). */
  source: string | null;
  /** SP4N-LAPOR!'s tracking id when the complaint came from LAPOR!. */
  laporTrackingId: string | null;
}

const UNKNOWN: TicketOrigin = { source: null, laporTrackingId: null };

export interface TicketOriginRow {
  ticketId: string;
  source: string;
  laporTrackingId: string | null;
}

/** Where tickets came from, recorded from routing's decisions (desk's tickets table stays as routing's events fill it). */
export class TicketOrigins {
  constructor(private readonly tx: EntityManager) {}

  /** The first origin known of a ticket stays (a decision carries the same one again). */
  async record(rows: readonly TicketOriginRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.query(
      `INSERT INTO "${schemaOfManager(this.tx)}"."ticket_origins" ("ticket_id","source","lapor_tracking_id")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT ("ticket_id") DO NOTHING`,
      [rows.map((r) => r.ticketId), rows.map((r) => r.source), rows.map((r) => r.laporTrackingId)],
    );
  }

  async of(ticketIds: readonly string[]): Promise<Map<string, TicketOrigin>> {
    if (ticketIds.length === 0) return new Map();
    const rows = await this.tx.query(`SELECT * FROM "${schemaOfManager(this.tx)}"."ticket_origins" WHERE "ticket_id" = ANY($1::uuid[])`, [[...ticketIds]]);
    return new Map(rows.map((r: any) => [r.ticket_id, { source: r.source, laporTrackingId: r.lapor_tracking_id }]));
  }

  /** The views with `source` and `laporTrackingId` filled in (null while the origin is not known). */
  async decorate<V extends { id: string }>(views: readonly V[]): Promise<(V & TicketOrigin)[]> {
    const origins = await this.of(views.map((v) => v.id));
    return views.map((v) => ({ ...v, ...(origins.get(v.id) ?? UNKNOWN) }));
  }
}
