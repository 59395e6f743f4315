import type { EntityManager } from 'typeorm';
import type { IkpIndicator, TargetProposal } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';

export type UnitTargets = Map<string, Partial<Record<IkpIndicator, number>>>;

/** Targets of the complaint-handling indicators per unit and month, and their negotiation history. */
export class UnitTargetRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  async ofPeriod(period: string): Promise<UnitTargets> {
    const rows = await this.db.query(`SELECT unit_code, indicator, target FROM "${this.s}"."targets" WHERE period = $1`, [period]);
    const targets: UnitTargets = new Map();
    for (const r of rows) targets.set(r.unit_code, { ...targets.get(r.unit_code), [r.indicator]: r.target });
    return targets;
  }

  async set(unitCode: string, period: string, indicator: IkpIndicator, target: number, source: 'set' | 'negotiated', by: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO "${this.s}"."targets" (unit_code, period, indicator, target, source, set_by, set_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (unit_code, period, indicator) DO UPDATE SET target = EXCLUDED.target, source = EXCLUDED.source, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at`,
      [unitCode, period, indicator, target, source, by, at],
    );
  }

  /** Serialises negotiations of one unit, month and indicator. */
  async lockNegotiation(unitCode: string, period: string, indicator: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ikp:${unitCode}:${period}:${indicator}`]);
  }

  openProposals(unitCode: string, period: string, indicator: string): Promise<TargetProposal[]> {
    return this.db.query(
      `SELECT id, state FROM "${this.s}"."target_proposals" WHERE unit_code = $1 AND period = $2 AND indicator = $3 AND state = 'proposed'`,
      [unitCode, period, indicator],
    );
  }

  async insertProposal(p: TargetProposal & { proposedBy: string; proposedAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO "${this.s}"."target_proposals" (id, unit_code, period, indicator, current_target, proposed_target, reason, state, proposed_by, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'proposed', $8, $9)`,
      [p.id, p.unitCode, p.period, p.indicator, p.currentTarget, p.proposedTarget, p.reason, p.proposedBy, p.proposedAt],
    );
  }

  async findProposal(id: string, forUpdate = false): Promise<TargetProposal | null> {
    const [row] = await this.db.query(
      `SELECT id, unit_code AS "unitCode", period, indicator, current_target AS "currentTarget", proposed_target AS "proposedTarget", reason, state
       FROM "${this.s}"."target_proposals" WHERE id = $1 ${forUpdate ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async decideProposal(id: string, state: string, by: string, at: Date, note: string | null): Promise<void> {
    await this.db.query(`UPDATE "${this.s}"."target_proposals" SET state = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1`, [id, state, by, at, note]);
  }

  proposalsOf(unitCode: string, period: string): Promise<Array<{ id: string; indicator: IkpIndicator; state: 'proposed' | 'approved' | 'rejected'; [field: string]: unknown }>> {
    return this.db.query(
      `SELECT id, indicator, current_target AS "currentTarget", proposed_target AS "proposedTarget", reason, state, proposed_by AS "proposedBy",
              proposed_at AS "proposedAt", decided_by AS "decidedBy", decided_at AS "decidedAt", decision_note AS "decisionNote"
       FROM "${this.s}"."target_proposals" WHERE unit_code = $1 AND period = $2 ORDER BY seq`,
      [unitCode, period],
    );
  }

  /** Every decided proposal of a month, all units (the Rapim pack). */
  decidedOfPeriod(period: string): Promise<Array<{ unitCode: string; indicator: IkpIndicator; currentTarget: number; proposedTarget: number; reason: string; state: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date }>> {
    return this.db.query(
      `SELECT unit_code AS "unitCode", indicator, current_target AS "currentTarget", proposed_target AS "proposedTarget", reason, state, decided_by AS "decidedBy", decided_at AS "decidedAt"
       FROM "${this.s}"."target_proposals" WHERE period = $1 AND state <> 'proposed' ORDER BY unit_code, seq`,
      [period],
    );
  }
}
