import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';
import { complaintIdentityKey, isLaporSource, type LaporActionKind, type OutboundActionPayload } from '@bekasi/intake-domain';

export type ActionStatus = 'pending' | 'sent' | 'failed';

export interface OutboundActionRow {
  readonly seq: string;
  readonly id: string;
  readonly eventId: string;
  readonly idempotencyKey: string;
  readonly ticketId: string;
  readonly laporTrackingId: string;
  readonly kind: LaporActionKind;
  readonly payload: OutboundActionPayload;
  readonly status: ActionStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly lastError: string | null;
  readonly laporMessage: string | null;
  readonly laporReference: string | null;
  readonly eventAt: Date;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

const rowOf = (r: any): OutboundActionRow => ({
  seq: String(r.seq),
  id: r.id,
  eventId: r.event_id,
  idempotencyKey: r.idempotency_key,
  ticketId: r.ticket_id,
  laporTrackingId: r.lapor_tracking_id,
  kind: r.kind,
  payload: r.payload,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: new Date(r.next_attempt_at),
  lastError: r.last_error,
  laporMessage: r.lapor_message,
  laporReference: r.lapor_reference,
  eventAt: new Date(r.event_at),
  createdAt: new Date(r.created_at),
  sentAt: r.sent_at ? new Date(r.sent_at) : null,
});

export interface LaporTicketRow {
  readonly ticketId: string;
  readonly laporTrackingId: string;
  readonly trackingId: string;
  readonly status: string;
  readonly closedBy: string | null;
  readonly archivedBy: string | null;
  readonly unitCode: string | null;
  readonly version: number;
}

/** The connector's tables in intake's schema: the per-ticket send queue, LAPOR tickets as the events told us, instansi ids. */
export class LaporOutboundRepository {
  constructor(private readonly tx: EntityManager) {}

  private get s() {
    return schemaOfManager(this.tx);
  }

  /** The LAPOR! tracking id of each of the complaints that came from LAPOR! (the others are absent), in one query. */
  async laporOrigins(complaintIds: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.tx.query(`SELECT "id", "source", "external_id" FROM "${this.s}"."complaints" WHERE "id" = ANY($1::uuid[])`, [[...complaintIds]]);
    return new Map(rows.filter((r: any) => isLaporSource(r.source)).map((r: any) => [r.id, r.external_id]));
  }

  async enqueue(action: { eventId: string; idempotencyKey: string; ticketId: string; laporTrackingId: string; kind: LaporActionKind; payload: OutboundActionPayload; eventAt: Date }) {
    await this.tx.query(
      `INSERT INTO "${this.s}"."lapor_outbound_actions" ("id","event_id","idempotency_key","ticket_id","lapor_tracking_id","kind","payload","event_at")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT ("event_id") DO NOTHING`,
      [randomUUID(), action.eventId, action.idempotencyKey, action.ticketId, action.laporTrackingId, action.kind, JSON.stringify(action.payload), action.eventAt],
    );
  }

  /** Keeps the newest state the events told of (events of one ticket arrive in order, but a redelivery may be older). */
  async recordTicket(t: LaporTicketRow & { at: Date }) {
    await this.tx.query(
      `INSERT INTO "${this.s}"."lapor_tickets" ("ticket_id","lapor_tracking_id","tracking_id","status","closed_by","archived_by","unit_code","version","updated_at")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
       ON CONFLICT ("ticket_id") DO UPDATE SET "status"=EXCLUDED."status", "closed_by"=COALESCE(EXCLUDED."closed_by","lapor_tickets"."closed_by"),
         "archived_by"=COALESCE(EXCLUDED."archived_by","lapor_tickets"."archived_by"), "unit_code"=EXCLUDED."unit_code",
         "version"=EXCLUDED."version", "updated_at"=EXCLUDED."updated_at"
       WHERE "lapor_tickets"."version" <= EXCLUDED."version"`,
      [t.ticketId, t.laporTrackingId, t.trackingId, t.status, t.closedBy, t.archivedBy, t.unitCode, t.version, t.at],
    );
  }

  /**
   * Tickets whose oldest unsent action is due and not leased to another sender. A ticket whose
   * oldest unsent action was refused waits: its later actions must not overtake it on LAPOR!.
   */
  async dueHeads(limit: number): Promise<OutboundActionRow[]> {
    const rows = await this.tx.query(
      `SELECT h.* FROM (
         SELECT DISTINCT ON ("ticket_id") * FROM "${this.s}"."lapor_outbound_actions" WHERE "status" <> 'sent' ORDER BY "ticket_id", "seq"
       ) h
       WHERE h."status" = 'pending' AND h."next_attempt_at" <= now() AND (h."lease_until" IS NULL OR h."lease_until" < now())
       ORDER BY h."next_attempt_at", h."seq" LIMIT $1`,
      [limit],
    );
    return rows.map(rowOf);
  }

  /** The ticket's oldest unsent action if it is due now and not leased. */
  async nextDue(ticketId: string): Promise<OutboundActionRow | null> {
    const [row] = await this.tx.query(
      `SELECT *, ("status" = 'pending' AND "next_attempt_at" <= now() AND ("lease_until" IS NULL OR "lease_until" < now())) AS "due"
       FROM "${this.s}"."lapor_outbound_actions" WHERE "ticket_id" = $1 AND "status" <> 'sent' ORDER BY "seq" LIMIT 1`,
      [ticketId],
    );
    return row?.due ? rowOf(row) : null;
  }

  /** Takes the action for one send; false when another sender took it first. */
  async lease(id: string, ms: number): Promise<boolean> {
    const [, affected] = await this.tx.query(
      `UPDATE "${this.s}"."lapor_outbound_actions" SET "lease_until" = now() + ($2 || ' milliseconds')::interval, "attempts" = "attempts" + 1
       WHERE "id" = $1 AND "status" = 'pending' AND ("lease_until" IS NULL OR "lease_until" < now())`,
      [id, String(ms)],
    );
    return affected === 1;
  }

  async markSent(id: string, laporReference: string | null) {
    await this.tx.query(
      `UPDATE "${this.s}"."lapor_outbound_actions" SET "status"='sent', "sent_at"=now(), "lease_until"=NULL, "lapor_reference"=$2, "last_error"=NULL WHERE "id"=$1`,
      [id, laporReference],
    );
  }

  async markRetry(id: string, error: string, delayMs: number) {
    await this.tx.query(
      `UPDATE "${this.s}"."lapor_outbound_actions" SET "lease_until"=NULL, "last_error"=$2, "next_attempt_at"=now() + ($3 || ' milliseconds')::interval WHERE "id"=$1`,
      [id, error.slice(0, 2000), String(delayMs)],
    );
  }

  async markRefused(id: string, error: string, laporMessage: string) {
    await this.tx.query(
      `UPDATE "${this.s}"."lapor_outbound_actions" SET "status"='failed', "lease_until"=NULL, "last_error"=$2, "lapor_message"=$3 WHERE "id"=$1`,
      [id, error.slice(0, 2000), laporMessage],
    );
  }

  /** The admin's resend: back in line at once, with the same idempotency key. */
  async resend(id: string): Promise<OutboundActionRow | null> {
    const [rows] = await this.tx.query(
      `UPDATE "${this.s}"."lapor_outbound_actions" SET "status"='pending', "next_attempt_at"=now(), "lease_until"=NULL, "attempts"=0
       WHERE "id"=$1 AND "status"='failed' RETURNING *`,
      [id],
    );
    return rows?.[0] ? rowOf(rows[0]) : null;
  }

  /** Sends an already sent action again (the drift check found LAPOR! without it); the key keeps a copy LAPOR! has from doubling. */
  async requeue(id: string) {
    await this.tx.query(
      `UPDATE "${this.s}"."lapor_outbound_actions" SET "status"='pending', "next_attempt_at"=now(), "lease_until"=NULL, "attempts"=0 WHERE "id"=$1 AND "status"='sent'`,
      [id],
    );
  }

  async find(id: string): Promise<OutboundActionRow | null> {
    const [row] = await this.tx.query(`SELECT * FROM "${this.s}"."lapor_outbound_actions" WHERE "id"=$1`, [id]);
    return row ? rowOf(row) : null;
  }

  async list(filter: { status?: ActionStatus; ticketId?: string; limit: number }): Promise<OutboundActionRow[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (filter.status) where.push(`"status" = $${params.push(filter.status)}`);
    if (filter.ticketId) where.push(`"ticket_id" = $${params.push(filter.ticketId)}`);
    const rows = await this.tx.query(
      `SELECT * FROM "${this.s}"."lapor_outbound_actions" ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY "seq" DESC LIMIT ${filter.limit}`,
      params,
    );
    return rows.map(rowOf);
  }

  async unsentCount(ticketId: string): Promise<number> {
    const [{ n }] = await this.tx.query(`SELECT count(*)::int AS n FROM "${this.s}"."lapor_outbound_actions" WHERE "ticket_id"=$1 AND "status" <> 'sent'`, [ticketId]);
    return n;
  }

  async lastSent(ticketId: string): Promise<OutboundActionRow | null> {
    const [row] = await this.tx.query(
      `SELECT * FROM "${this.s}"."lapor_outbound_actions" WHERE "ticket_id"=$1 AND "status"='sent' ORDER BY "seq" DESC LIMIT 1`,
      [ticketId],
    );
    return row ? rowOf(row) : null;
  }

  /** Pending and refused actions, and the age of the oldest unsent one (the connector's lag). */
  async backlog(): Promise<{ pending: number; failed: number; oldestUnsentAt: Date | null }> {
    const [row] = await this.tx.query(
      `SELECT count(*) FILTER (WHERE "status"='pending')::int AS pending, count(*) FILTER (WHERE "status"='failed')::int AS failed,
              min("event_at") AS oldest FROM "${this.s}"."lapor_outbound_actions" WHERE "status" <> 'sent'`,
    );
    return { pending: row.pending, failed: row.failed, oldestUnsentAt: row.oldest ? new Date(row.oldest) : null };
  }

  async instansiOf(unitCode: string): Promise<string | null> {
    const [row] = await this.tx.query(`SELECT "instansi_id" FROM "${this.s}"."lapor_instansi" WHERE "unit_code"=$1`, [unitCode]);
    return row?.instansi_id ?? null;
  }

  async setInstansi(unitCode: string, instansiId: string, onlyIfMissing = false) {
    await this.tx.query(
      `INSERT INTO "${this.s}"."lapor_instansi" ("unit_code","instansi_id","updated_at") VALUES ($1,$2,now())
       ON CONFLICT ("unit_code") DO ${onlyIfMissing ? 'NOTHING' : `UPDATE SET "instansi_id"=EXCLUDED."instansi_id", "updated_at"=now()`}`,
      [unitCode, instansiId],
    );
  }

  async instansiList(): Promise<{ unitCode: string; instansiId: string; updatedAt: string }[]> {
    const rows = await this.tx.query(`SELECT * FROM "${this.s}"."lapor_instansi" ORDER BY "unit_code"`);
    return rows.map((r: any) => ({ unitCode: r.unit_code, instansiId: r.instansi_id, updatedAt: new Date(r.updated_at).toISOString() }));
  }

  async openTickets(limit: number, afterTicketId: string | null): Promise<LaporTicketRow[]> {
    const rows = await this.tx.query(
      `SELECT * FROM "${this.s}"."lapor_tickets" WHERE "status" NOT IN ('archived') AND ($1::uuid IS NULL OR "ticket_id" > $1::uuid)
       ORDER BY "ticket_id" LIMIT $2`,
      [afterTicketId, limit],
    );
    return rows.map((r: any) => ({
      ticketId: r.ticket_id, laporTrackingId: r.lapor_tracking_id, trackingId: r.tracking_id, status: r.status,
      closedBy: r.closed_by, archivedBy: r.archived_by, unitCode: r.unit_code, version: r.version,
    }));
  }

  /** The report is known, but only as history back-filled from an export (no ticket to tell). */
  async isHistoricalReport(laporTrackingId: string): Promise<boolean> {
    const [row] = await this.tx.query(`SELECT 1 FROM "${this.s}"."complaints" WHERE "identity_key" = $1 AND "historical"`, [complaintIdentityKey('lapor-api', laporTrackingId)]);
    return Boolean(row);
  }

  /** The complaint of a LAPOR! report that became (or becomes) a ticket; history back-filled from an export never does. */
  async ticketByLaporId(laporTrackingId: string): Promise<{ complaintId: string; trackingId: string } | null> {
    // The three LAPOR! doors share one identity key per report (and the key is indexed).
    const [row] = await this.tx.query(`SELECT "id", "tracking_id" FROM "${this.s}"."complaints" WHERE "identity_key" = $1 AND NOT "historical"`, [
      complaintIdentityKey('lapor-api', laporTrackingId),
    ]);
    return row ? { complaintId: row.id, trackingId: row.tracking_id } : null;
  }
}
