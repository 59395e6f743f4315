// Disposition decisions: appended, never changed, many per statement (a batch's decisions at once).
import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';
import type { DispositionDecisionRow } from './routing.entities';

/** A decision as stored; `seq` (commit order) is the database's. */
export type DecisionRecord = Omit<DispositionDecisionRow, 'seq'>;

const DECISION_COLUMNS: ReadonlyArray<{ name: string; type: string; value: (d: DecisionRecord) => unknown }> = [
  { name: 'id', type: 'uuid', value: (d) => d.id },
  { name: 'complaint_id', type: 'uuid', value: (d) => d.complaintId },
  { name: 'trigger', type: 'text', value: (d) => d.trigger },
  { name: 'outcome', type: 'text', value: (d) => d.outcome },
  { name: 'routed_by', type: 'text', value: (d) => d.routedBy },
  { name: 'unit_code', type: 'text', value: (d) => d.unitCode },
  { name: 'kecamatan_code', type: 'text', value: (d) => d.kecamatanCode },
  { name: 'confidence', type: 'float8', value: (d) => d.confidence },
  { name: 'reasons', type: 'jsonb', value: (d) => JSON.stringify(d.reasons) },
  { name: 'alternatives', type: 'jsonb', value: (d) => JSON.stringify(d.alternatives) },
  { name: 'suggestions', type: 'jsonb', value: (d) => JSON.stringify(d.suggestions) },
  { name: 'model_version', type: 'int', value: (d) => d.modelVersion },
  { name: 'rule_set_version', type: 'bigint', value: (d) => d.ruleSetVersion },
  { name: 'threshold', type: 'float8', value: (d) => d.threshold },
  { name: 'bounce_count', type: 'int', value: (d) => d.bounceCount },
  { name: 'created_at', type: 'timestamptz', value: (d) => d.createdAt },
];

function decisionOf(row: any): DecisionRecord {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    trigger: row.trigger,
    outcome: row.outcome,
    routedBy: row.routed_by,
    unitCode: row.unit_code,
    kecamatanCode: row.kecamatan_code,
    confidence: row.confidence,
    reasons: row.reasons,
    alternatives: row.alternatives,
    suggestions: row.suggestions,
    modelVersion: row.model_version,
    ruleSetVersion: Number(row.rule_set_version),
    threshold: row.threshold,
    bounceCount: row.bounce_count,
    createdAt: new Date(row.created_at),
  };
}

export class DecisionRepository {
  constructor(private readonly manager: EntityManager) {}

  private get s(): string {
    return schemaOfManager(this.manager);
  }

  /** In the order given: `seq` follows it, so two decisions about one complaint keep their order. */
  async insertMany(decisions: readonly DecisionRecord[]): Promise<void> {
    if (decisions.length === 0) return;
    const names = DECISION_COLUMNS.map((c) => `"${c.name}"`).join(', ');
    await this.manager.query(
      `INSERT INTO "${this.s}"."disposition_decisions" (${names})
       SELECT ${names} FROM unnest(${DECISION_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) WITH ORDINALITY AS d(${names}, "n") ORDER BY "n"`,
      DECISION_COLUMNS.map((c) => decisions.map((d) => c.value(d))),
    );
  }

  /** Every decision about a complaint, oldest first. */
  async ofComplaint(complaintId: string): Promise<DecisionRecord[]> {
    const rows = await this.manager.query(`SELECT * FROM "${this.s}"."disposition_decisions" WHERE "complaint_id" = $1 ORDER BY "seq"`, [complaintId]);
    return rows.map(decisionOf);
  }
}
