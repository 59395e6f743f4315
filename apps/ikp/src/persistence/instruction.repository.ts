import type { EntityManager } from 'typeorm';
import type { UnitScope } from '@bekasi/auth';
import type { InstructionSnapshot } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';

const COLUMNS = `id, unit_code, title, description, issued_by, issued_at, due_at, negotiation_ends_at, state, cancelled_at, cancel_note, version, targets, realisations, proposals`;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

function snapshotOf(row: any): InstructionSnapshot {
  return {
    id: row.id,
    unitCode: row.unit_code,
    title: row.title,
    description: row.description,
    issuedBy: row.issued_by,
    issuedAt: new Date(row.issued_at),
    negotiationEndsAt: new Date(row.negotiation_ends_at),
    state: row.state,
    cancelledAt: date(row.cancelled_at),
    cancelNote: row.cancel_note,
    version: row.version,
    targets: row.targets.map((t: any) => ({ ...t, dueAt: new Date(t.dueAt) })),
    realisations: row.realisations.map((r: any) => ({ ...r, reportedAt: new Date(r.reportedAt), verifiedAt: date(r.verifiedAt) })),
    proposals: row.proposals.map((p: any) => ({ ...p, proposedAt: new Date(p.proposedAt), decidedAt: date(p.decidedAt) })),
  };
}

export interface InstructionFilter {
  unitCode?: string;
  period?: string;
}

/** The instruction aggregate, stored whole: one row with its targets, reports and proposals. */
export class InstructionRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  async find(id: string, forUpdate = false): Promise<InstructionSnapshot | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "${this.s}"."instructions" WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [id]);
    return row ? snapshotOf(row) : null;
  }

  async list(scope: UnitScope, filter: InstructionFilter): Promise<InstructionSnapshot[]> {
    const params: unknown[] = [];
    const where = [scope.allUnits ? 'TRUE' : `unit_code = ANY($${params.push(scope.unitCodes)}::text[])`];
    if (filter.unitCode) where.push(`unit_code = $${params.push(filter.unitCode)}`);
    if (filter.period) where.push(`periods @> ARRAY[$${params.push(filter.period)}::text]`);
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM "${this.s}"."instructions" WHERE ${where.join(' AND ')} ORDER BY due_at, seq LIMIT 500`, params);
    return rows.map(snapshotOf);
  }

  /** Every instruction with a target in the month (the IKP tally and the Rapim pack). */
  ofPeriod(period: string): Promise<InstructionSnapshot[]> {
    return this.list({ allUnits: true }, { period });
  }

  async insert(s: InstructionSnapshot): Promise<void> {
    await this.db.query(
      `INSERT INTO "${this.s}"."instructions" (id, unit_code, title, description, issued_by, issued_at, due_at, negotiation_ends_at, state, cancelled_at, cancel_note, version, targets, realisations, proposals, periods)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [s.id, s.unitCode, s.title, s.description, s.issuedBy, s.issuedAt, ...this.columnsOf(s)],
    );
  }

  /** Stores the decided snapshot; the caller holds the row lock (find(id, true)). */
  async update(s: InstructionSnapshot): Promise<void> {
    await this.db.query(
      `UPDATE "${this.s}"."instructions" SET due_at = $2, negotiation_ends_at = $3, state = $4, cancelled_at = $5, cancel_note = $6, version = $7,
         targets = $8, realisations = $9, proposals = $10, periods = $11 WHERE id = $1`,
      [s.id, ...this.columnsOf(s)],
    );
  }

  private columnsOf(s: InstructionSnapshot): unknown[] {
    const dueAt = new Date(Math.max(...s.targets.map((t) => t.dueAt.getTime())));
    return [
      dueAt, s.negotiationEndsAt, s.state, s.cancelledAt, s.cancelNote, s.version,
      JSON.stringify(s.targets), JSON.stringify(s.realisations), JSON.stringify(s.proposals), [...new Set(s.targets.map((t) => t.period))],
    ];
  }
}
