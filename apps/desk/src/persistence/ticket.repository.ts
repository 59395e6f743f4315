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

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The ticket row's columns, their SQL array type and where each value comes from (multi-row writes). */
const TICKET_COLUMNS: ReadonlyArray<{ name: string; type: string; value: (r: TicketRecord) => unknown }> = [
  { name: 'id', type: 'uuid', value: (r) => r.snapshot.id },
  { name: 'tracking_id', type: 'text', value: (r) => r.complaint.trackingId },
  { name: 'version', type: 'int', value: (r) => r.snapshot.version },
  { name: 'status', type: 'text', value: (r) => r.snapshot.status },
  { name: 'unit_code', type: 'text', value: (r) => r.snapshot.unitCode },
  { name: 'paused_from', type: 'text', value: (r) => r.snapshot.pausedFrom },
  { name: 'paused_at', type: 'timestamptz', value: (r) => r.snapshot.pausedAt },
  { name: 'bounce_count', type: 'int', value: (r) => r.snapshot.bounceCount },
  { name: 'refused_unit_codes', type: 'jsonb', value: (r) => JSON.stringify(r.snapshot.refusedUnitCodes) },
  { name: 'reopen_count', type: 'int', value: (r) => r.snapshot.reopenCount },
  { name: 'received_at', type: 'timestamptz', value: (r) => r.snapshot.receivedAt },
  { name: 'assigned_at', type: 'timestamptz', value: (r) => r.snapshot.assignedAt },
  { name: 'answered_at', type: 'timestamptz', value: (r) => r.snapshot.answeredAt },
  { name: 'closed_at', type: 'timestamptz', value: (r) => r.snapshot.closedAt },
  { name: 'closed_by', type: 'text', value: (r) => r.snapshot.closedBy },
  { name: 'rating', type: 'int', value: (r) => r.snapshot.rating },
  { name: 'archive', type: 'jsonb', value: (r) => json(r.snapshot.archive) },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.snapshot.updatedAt },
  { name: 'title', type: 'text', value: (r) => r.complaint.title },
  { name: 'text', type: 'text', value: (r) => r.complaint.text },
  { name: 'category', type: 'text', value: (r) => r.complaint.category },
  { name: 'classification', type: 'text', value: (r) => r.complaint.classification },
  { name: 'kecamatan_code', type: 'text', value: (r) => r.complaint.kecamatanCode },
  { name: 'anonymous', type: 'boolean', value: (r) => r.complaint.anonymous },
  { name: 'confidential', type: 'boolean', value: (r) => r.complaint.confidential },
  { name: 'channel', type: 'text', value: (r) => r.complaint.channel },
  { name: 'priority', type: 'text', value: (r) => r.complaint.priority },
  { name: 'triage_reason', type: 'text', value: (r) => r.triageReason },
  { name: 'triage_suggestions', type: 'jsonb', value: (r) => JSON.stringify(r.triageSuggestions) },
  { name: 'last_decision_id', type: 'uuid', value: (r) => r.lastDecisionId },
  { name: 'overdue_since', type: 'timestamptz', value: (r) => r.overdueSince },
];
/** What a ticket keeps from its complaint: never rewritten by a state change. */
const IMMUTABLE_COLUMNS = new Set(['id', 'tracking_id', 'received_at', 'title', 'text', 'category', 'classification', 'kecamatan_code', 'anonymous', 'confidential', 'channel', 'priority']);

export function scopeClause(scope: UnitScope, params: unknown[]): string {
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

  /** Several tickets, locked for the rest of the transaction when `forUpdate`, by id. */
  async findMany(ids: readonly string[], forUpdate = false): Promise<Map<string, TicketRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.query(
      `SELECT * FROM "${this.s}"."tickets" WHERE "id" = ANY($1::uuid[]) ORDER BY "id"${forUpdate ? ' FOR UPDATE' : ''}`,
      [[...ids]],
    );
    return new Map(rows.map((r: any) => [r.id, recordOf(r)]));
  }

  async insert(record: TicketRecord): Promise<void> {
    await this.insertMany([record]);
  }

  /** New tickets in one statement, each in its final state (a ticket opened and routed in one go is written once). */
  async insertMany(records: readonly TicketRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.tx.query(
      `INSERT INTO "${this.s}"."tickets" (${TICKET_COLUMNS.map((c) => `"${c.name}"`).join(',')})
       SELECT * FROM unnest(${TICKET_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(',')})`,
      TICKET_COLUMNS.map((c) => records.map((r) => c.value(r))),
    );
  }

  /**
   * Stores the next state of several tickets in one statement, each only if it still has the version
   * it was read at (the caller locked them); returns how many were stored.
   */
  async updateMany(changes: ReadonlyArray<{ record: TicketRecord; expectedVersion: number }>): Promise<number> {
    if (changes.length === 0) return 0;
    const columns = TICKET_COLUMNS.filter((c) => !IMMUTABLE_COLUMNS.has(c.name));
    const [, affected] = await this.tx.query(
      `UPDATE "${this.s}"."tickets" t SET ${columns.map((c) => `"${c.name}" = u."${c.name}"`).join(', ')}
         FROM unnest($1::uuid[], $2::int[], ${columns.map((c, i) => `$${i + 3}::${c.type}[]`).join(',')}) AS u("id", "expected_version", ${columns.map((c) => `"${c.name}"`).join(',')})
        WHERE t."id" = u."id" AND t."version" = u."expected_version"`,
      [changes.map((c) => c.record.snapshot.id), changes.map((c) => c.expectedVersion), ...columns.map((col) => changes.map((c) => col.value(c.record)))],
    );
    return affected;
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
    await this.appendAuditMany([{ entry, attachments }]);
  }

  async appendAuditMany(entries: ReadonlyArray<{ entry: AuditEntry; attachments?: readonly AttachmentMetadata[] }>): Promise<void> {
    if (entries.length === 0) return;
    const e = entries.map((x) => x.entry);
    await this.tx.query(
      `INSERT INTO "${this.s}"."ticket_audit" ("ticket_id","version","at","actor_role","actor_user_id","action","from_status","to_status","reason","content","attachments")
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::jsonb[])`,
      [
        e.map((x) => x.ticketId), e.map((x) => x.version), e.map((x) => x.at), e.map((x) => x.actor.role), e.map((x) => x.actor.userId), e.map((x) => x.action),
        e.map((x) => x.from), e.map((x) => x.to), e.map((x) => x.reason), e.map((x) => x.content), entries.map((x) => JSON.stringify(x.attachments ?? [])),
      ],
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
