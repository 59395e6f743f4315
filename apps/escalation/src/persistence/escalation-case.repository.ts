import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AlertScope, CaseClosing, EscalationStep, InboxFilter } from '@bekasi/escalation-domain';
import { schemaOfManager } from '@bekasi/messaging';

export interface StepRow {
  id: string;
  caseId: string;
  ticketId: string;
  unitCode: string;
  level: number;
  role: string;
  title: string;
  audienceUnitCode: string | null;
  audienceAsdaGroup: string | null;
  dueAt: Date;
  state: 'pending' | 'raised' | 'cancelled';
  raisedAt: Date | null;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
  deadlineKind: string;
  deadlineAt: Date;
  caseState: string;
}

export interface BreachFacts {
  ticketId: string;
  deadlineKind: string;
  unitCode: string;
  deadlineAt: string;
  breachedAt: string;
}

export interface StepFilter {
  state?: string;
  level?: number;
  unitCode?: string;
  page: number;
  pageSize: number;
}

const STEP_COLUMNS = `s.id, s.case_id AS "caseId", s.ticket_id AS "ticketId", s.unit_code AS "unitCode",
  s.level, s.role, s.title, s.audience_unit_code AS "audienceUnitCode", s.audience_asda_group AS "audienceAsdaGroup", s.due_at AS "dueAt",
  s.state, s.raised_at AS "raisedAt", s.acknowledged_at AS "acknowledgedAt", s.acknowledged_by AS "acknowledgedBy",
  c.deadline_kind AS "deadlineKind", c.deadline_at AS "deadlineAt", c.state AS "caseState"`;

/**
 * The escalation case aggregate (one per breached deadline, with one step per ladder level) in
 * PostgreSQL. Scope arrives decided (AlertScope); this only translates it into a filter.
 */
export class EscalationCaseRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  private get from(): string {
    return `"${this.s}"."escalation_steps" s JOIN "${this.s}"."escalation_cases" c ON c.id = s.case_id`;
  }

  /** Opens the case of a breach with its planned steps; null when the same breach was announced before. */
  async open(breach: BreachFacts, steps: ReadonlyArray<EscalationStep & { audience: { unitCode: string | null; asdaGroup: string | null } }>): Promise<string | null> {
    const caseId = randomUUID();
    const inserted = await this.db.query(
      `INSERT INTO "${this.s}"."escalation_cases" (id, ticket_id, deadline_kind, unit_code, deadline_at, breached_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, 'open') ON CONFLICT DO NOTHING RETURNING id`,
      [caseId, breach.ticketId, breach.deadlineKind, breach.unitCode, breach.deadlineAt, breach.breachedAt],
    );
    if (inserted.length === 0) return null;
    await this.db.query(
      `INSERT INTO "${this.s}"."escalation_steps" (id, case_id, ticket_id, unit_code, level, role, title, audience_unit_code, audience_asda_group, due_at, state)
       SELECT gen_random_uuid(), $1, $2, $3, x.level, x.role, x.title, x.audience_unit_code, x.audience_asda_group, x.due_at, 'pending'
       FROM jsonb_to_recordset($4::jsonb) AS x(level int, role text, title text, audience_unit_code text, audience_asda_group text, due_at timestamptz)`,
      [
        caseId,
        breach.ticketId,
        breach.unitCode,
        JSON.stringify(steps.map((st) => ({ level: st.level, role: st.role, title: st.title, audience_unit_code: st.audience.unitCode, audience_asda_group: st.audience.asdaGroup, due_at: st.dueAt.toISOString() }))),
      ],
    );
    return caseId;
  }

  /** Ends open cases of a ticket (and their pending steps); returns how many. */
  /**
   * Closes the open cases each closing matches, and cancels their pending steps, in one statement for
   * the whole batch. A case two closings match takes the first (as if they ran one after the other).
   */
  async close(closings: ReadonlyArray<{ ticketId: string; closing: CaseClosing }>, at: Date): Promise<number> {
    if (closings.length === 0) return 0;
    const col = <K extends keyof CaseClosing>(k: K) => closings.map((c) => c.closing[k] ?? null);
    const [{ closed }] = await this.db.query(
      `WITH c AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS c(ticket_id, state, reason, deadline_kind, other_than_unit, unit_code, n)
       ), m AS (
         SELECT DISTINCT ON (e.id) e.id, c.state, c.reason FROM "${this.s}"."escalation_cases" e JOIN c ON e.ticket_id = c.ticket_id
          WHERE e.state = 'open' AND (c.deadline_kind IS NULL OR e.deadline_kind = c.deadline_kind)
            AND (c.other_than_unit IS NULL OR e.unit_code <> c.other_than_unit) AND (c.unit_code IS NULL OR e.unit_code = c.unit_code)
          ORDER BY e.id, c.n
       ), u AS (
         UPDATE "${this.s}"."escalation_cases" e SET state = m.state, closed_at = $7, closed_reason = m.reason FROM m WHERE e.id = m.id RETURNING e.id
       ), s AS (
         UPDATE "${this.s}"."escalation_steps" SET state = 'cancelled' WHERE case_id IN (SELECT id FROM u) AND state = 'pending'
       )
       SELECT count(*)::int AS closed FROM u`,
      [closings.map((c) => c.ticketId), col('state'), col('reason'), col('deadlineKind'), col('otherThanUnit'), col('unitCode'), at],
    );
    return closed;
  }

  /** Steps fallen due, locked; SKIP LOCKED so each is raised by exactly one replica. */
  async lockDue(now: Date, caseId?: string): Promise<StepRow[]> {
    const params: unknown[] = [now];
    const caseFilter = caseId ? `AND s.case_id = $${params.push(caseId)}` : '';
    return this.db.query(
      `SELECT ${STEP_COLUMNS} FROM ${this.from}
       WHERE s.state = 'pending' AND c.state = 'open' AND s.due_at <= $1 ${caseFilter}
       ORDER BY s.due_at, s.level LIMIT 200 FOR UPDATE OF s SKIP LOCKED`,
      params,
    );
  }

  async markRaised(stepIds: readonly string[], at: Date): Promise<void> {
    if (stepIds.length > 0) await this.db.query(`UPDATE "${this.s}"."escalation_steps" SET state = 'raised', raised_at = $2 WHERE id = ANY($1::uuid[])`, [stepIds, at]);
  }

  async addDeliveries(deliveries: ReadonlyArray<{ stepId: string; channel: string; payload: object }>): Promise<void> {
    for (const d of deliveries) {
      await this.db.query(
        `INSERT INTO "${this.s}"."deliveries" (id, step_id, channel, payload, state, next_attempt_at) VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING`,
        [randomUUID(), d.stepId, d.channel, JSON.stringify(d.payload), new Date()],
      );
    }
  }

  async page(scope: AlertScope, filter: StepFilter): Promise<{ items: StepRow[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopeFilter(scope, params)];
    if (filter.state) where.push(`s.state = $${params.push(filter.state)}`);
    if (filter.level) where.push(`s.level = $${params.push(filter.level)}`);
    if (filter.unitCode) where.push(`s.unit_code = $${params.push(filter.unitCode)}`);
    const clause = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM ${this.from} WHERE ${clause}`, params);
    const items = await this.db.query(
      `SELECT ${STEP_COLUMNS} FROM ${this.from} WHERE ${clause} ORDER BY s.due_at DESC, s.level DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items, total };
  }

  async inbox(filter: InboxFilter): Promise<StepRow[]> {
    const params: unknown[] = [filter.role];
    const scope = scopeFilter(filter.scope, params);
    return this.db.query(
      `SELECT ${STEP_COLUMNS} FROM ${this.from} WHERE s.state = 'raised' AND s.acknowledged_at IS NULL AND s.role = $1 AND ${scope} ORDER BY s.raised_at DESC LIMIT 200`,
      params,
    );
  }

  async findStep(id: string, forUpdate = false): Promise<StepRow | null> {
    const [row] = await this.db.query(`SELECT ${STEP_COLUMNS} FROM ${this.from} WHERE s.id = $1 ${forUpdate ? 'FOR UPDATE OF s' : ''}`, [id]);
    return row ?? null;
  }

  async markAcknowledged(id: string, at: Date, by: string): Promise<void> {
    await this.db.query(`UPDATE "${this.s}"."escalation_steps" SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1`, [id, at, by]);
  }
}

function scopeFilter(scope: AlertScope, params: unknown[]): string {
  return scope.allUnits ? 'TRUE' : `s.unit_code = ANY($${params.push(scope.unitCodes)}::text[])`;
}
