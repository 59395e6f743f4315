import type { EntityManager } from 'typeorm';
import type { AuditEntry, PausableStatus, TicketSnapshot, TicketStatus, ClosedBy, SatisfactionRating, ArchiveRecord } from '@bekasi/tickets-domain';
import type { AttachmentMetadata, UnitSuggestion } from '@bekasi/desk-client';
import { schemaOfManager } from '@bekasi/messaging';
import { ALL_UNITS, type UnitScope } from '@bekasi/auth';

/** What desk keeps of the complaint beside the state machine's snapshot (masked text, no reporter identity). */
export interface ComplaintFacts {
  readonly trackingId: string;
  readonly title: string;
  readonly text: string;
  readonly category: string | null;
  readonly classification: string | null;
  readonly kecamatanCode: string | null;
  readonly anonymous: boolean;
  readonly confidential: boolean;
  readonly channel: string | null;
  readonly priority: 'normal' | 'high';
}

export interface TicketRecord {
  readonly snapshot: TicketSnapshot;
  readonly complaint: ComplaintFacts;
  readonly triageReason: string | null;
  readonly triageSuggestions: readonly UnitSuggestion[];
  readonly lastDecisionId: string | null;
  readonly overdueSince: Date | null;
}

export interface StoredAuditEntry extends AuditEntry {
  readonly attachments: readonly AttachmentMetadata[];
}

export interface InboxFilter {
  readonly statuses?: readonly TicketStatus[];
  readonly overdue?: boolean;
  readonly kecamatanCode?: string;
  readonly category?: string;
  readonly unitCode?: string;
  readonly text?: string;
  readonly page: number;
  readonly pageSize: number;
}

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

function recordOf(row: any): TicketRecord {
  const archive = row.archive as (Omit<ArchiveRecord, 'archivedAt'> & { archivedAt: string }) | null;
  return {
    snapshot: {
      id: row.id,
      version: row.version,
      status: row.status,
      unitCode: row.unit_code,
      pausedFrom: row.paused_from as PausableStatus | null,
      pausedAt: date(row.paused_at),
      bounceCount: row.bounce_count,
      refusedUnitCodes: row.refused_unit_codes,
      reopenCount: row.reopen_count,
      receivedAt: new Date(row.received_at),
      assignedAt: date(row.assigned_at),
      answeredAt: date(row.answered_at),
      closedAt: date(row.closed_at),
      closedBy: row.closed_by as ClosedBy | null,
      rating: row.rating as SatisfactionRating | null,
      archive: archive ? { ...archive, archivedAt: new Date(archive.archivedAt) } : null,
      updatedAt: new Date(row.updated_at),
    },
    complaint: {
      trackingId: row.tracking_id,
      title: row.title,
      text: row.text,
      category: row.category,
      classification: row.classification,
      kecamatanCode: row.kecamatan_code,
      anonymous: row.anonymous,
      confidential: row.confidential,
      channel: row.channel,
      priority: row.priority,
    },
    triageReason: row.triage_reason,
    triageSuggestions: row.triage_suggestions,
    lastDecisionId: row.last_decision_id,
    overdueSince: date(row.overdue_since),
  };
}

function scopeClause(scope: UnitScope, params: unknown[]): string {
  if (scope.allUnits) return 'TRUE';
  params.push([...scope.unitCodes]);
  return `"unit_code" = ANY($${params.length}::text[])`;
}

/** Tickets and their audit trail in desk's schema; every read is scoped to the caller's units. */
export class TicketRepository {
  constructor(private readonly tx: EntityManager) {}

  private get s(): string {
    return schemaOfManager(this.tx);
  }

  /** The ticket if it exists and is in `scope`; locked for the rest of the transaction when `forUpdate`. */
  async find(id: string, scope: UnitScope = ALL_UNITS, forUpdate = false): Promise<TicketRecord | null> {
    const params: unknown[] = [id];
    const where = scopeClause(scope, params);
    const rows = await this.tx.query(
      `SELECT * FROM "${this.s}"."tickets" WHERE "id" = $1 AND ${where}${forUpdate ? ' FOR UPDATE' : ''}`,
      params,
    );
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async findByTrackingId(trackingId: string, forUpdate = false): Promise<TicketRecord | null> {
    const rows = await this.tx.query(`SELECT * FROM "${this.s}"."tickets" WHERE "tracking_id" = $1${forUpdate ? ' FOR UPDATE' : ''}`, [trackingId]);
    return rows[0] ? recordOf(rows[0]) : null;
  }

  async insert(record: TicketRecord): Promise<void> {
    const t = record.snapshot;
    const c = record.complaint;
    await this.tx.query(
      `INSERT INTO "${this.s}"."tickets" ("id","tracking_id","version","status","unit_code","paused_from","paused_at","bounce_count","refused_unit_codes",
        "reopen_count","received_at","assigned_at","answered_at","closed_at","closed_by","rating","archive","updated_at","title","text","category",
        "classification","kecamatan_code","anonymous","confidential","channel","priority","triage_reason","triage_suggestions","last_decision_id")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26,$27,$28,$29,$30)`,
      [
        t.id, c.trackingId, t.version, t.status, t.unitCode, t.pausedFrom, t.pausedAt, t.bounceCount, JSON.stringify(t.refusedUnitCodes),
        t.reopenCount, t.receivedAt, t.assignedAt, t.answeredAt, t.closedAt, t.closedBy, t.rating, t.archive ? JSON.stringify(t.archive) : null, t.updatedAt,
        c.title, c.text, c.category, c.classification, c.kecamatanCode, c.anonymous, c.confidential, c.channel, c.priority,
        record.triageReason, JSON.stringify(record.triageSuggestions), record.lastDecisionId,
      ],
    );
  }

  /**
   * Stores the next snapshot only if nobody else moved the ticket since `expectedVersion` was read.
   * Returns false on a lost race, which the caller answers as a version conflict.
   */
  async update(
    next: TicketSnapshot,
    expectedVersion: number,
    extra: { triageReason?: string | null; triageSuggestions?: readonly UnitSuggestion[]; lastDecisionId?: string | null } = {},
  ): Promise<boolean> {
    const sets = [
      '"version"=$3', '"status"=$4', '"unit_code"=$5', '"paused_from"=$6', '"paused_at"=$7', '"bounce_count"=$8', '"refused_unit_codes"=$9',
      '"reopen_count"=$10', '"assigned_at"=$11', '"answered_at"=$12', '"closed_at"=$13', '"closed_by"=$14', '"rating"=$15', '"archive"=$16', '"updated_at"=$17',
    ];
    const params: unknown[] = [
      next.id, expectedVersion, next.version, next.status, next.unitCode, next.pausedFrom, next.pausedAt, next.bounceCount,
      JSON.stringify(next.refusedUnitCodes), next.reopenCount, next.assignedAt, next.answeredAt, next.closedAt, next.closedBy, next.rating,
      next.archive ? JSON.stringify(next.archive) : null, next.updatedAt,
    ];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`"${column}"=$${params.length}`);
    };
    if (extra.triageReason !== undefined) add('triage_reason', extra.triageReason);
    if (extra.triageSuggestions !== undefined) add('triage_suggestions', JSON.stringify(extra.triageSuggestions));
    if (extra.lastDecisionId !== undefined) add('last_decision_id', extra.lastDecisionId);
    const [, affected] = await this.tx.query(`UPDATE "${this.s}"."tickets" SET ${sets.join(', ')} WHERE "id"=$1 AND "version"=$2`, params);
    return affected === 1;
  }

  async markOverdue(id: string, since: Date): Promise<void> {
    await this.tx.query(`UPDATE "${this.s}"."tickets" SET "overdue_since" = COALESCE("overdue_since", $2) WHERE "id" = $1`, [id, since]);
  }

  /** The only write path of the audit trail: an insert. */
  async appendAudit(entry: AuditEntry, attachments: readonly AttachmentMetadata[] = []): Promise<void> {
    await this.tx.query(
      `INSERT INTO "${this.s}"."ticket_audit" ("ticket_id","version","at","actor_role","actor_user_id","action","from_status","to_status","reason","content","attachments")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
      [entry.ticketId, entry.version, entry.at, entry.actor.role, entry.actor.userId, entry.action, entry.from, entry.to, entry.reason, entry.content, JSON.stringify(attachments)],
    );
  }

  async history(ticketId: string): Promise<StoredAuditEntry[]> {
    const rows = await this.tx.query(`SELECT * FROM "${this.s}"."ticket_audit" WHERE "ticket_id" = $1 ORDER BY "version", "seq"`, [ticketId]);
    return rows.map((r: any) => ({
      ticketId: r.ticket_id,
      version: r.version,
      at: new Date(r.at),
      actor: { role: r.actor_role, userId: r.actor_user_id },
      action: r.action,
      from: r.from_status,
      to: r.to_status,
      reason: r.reason,
      content: r.content,
      attachments: r.attachments,
    }));
  }

  async inbox(scope: UnitScope, filter: InboxFilter): Promise<{ items: TicketRecord[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeClause(scope, params)];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (filter.statuses?.length) add((p) => `"status" = ANY(${p}::text[])`, [...filter.statuses]);
    if (filter.overdue !== undefined) where.push(filter.overdue ? `"overdue_since" IS NOT NULL AND "status" NOT IN ('closed','archived')` : `"overdue_since" IS NULL`);
    if (filter.kecamatanCode) add((p) => `"kecamatan_code" = ${p}`, filter.kecamatanCode);
    if (filter.category) add((p) => `"category" ILIKE ${p}`, filter.category);
    if (filter.unitCode) add((p) => `"unit_code" = ${p}`, filter.unitCode);
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      add((p) => `("title" ILIKE ${p} OR "text" ILIKE ${p} OR "tracking_id" ILIKE ${p})`, pattern);
    }
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.tx.query(`SELECT count(*)::int AS total FROM "${this.s}"."tickets" WHERE ${whereSql}`, params);
    const rows = await this.tx.query(
      `SELECT * FROM "${this.s}"."tickets" WHERE ${whereSql}
       ORDER BY ("priority" = 'high') DESC, "received_at" DESC, "id" LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`,
      params,
    );
    return { items: rows.map(recordOf), total };
  }
}
