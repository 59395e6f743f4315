import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';
import type { PlannedTimer, SlaClock, StoredTicketClockFacts } from '@bekasi/sla-domain';

export type StoredDeadlineState = SlaClock['state'] | 'breached';

export interface DeadlineRow {
  ticketId: string;
  kind: string;
  unitCode: string;
  startsAt: Date;
  workingDays: number;
  dueAt: Date | null;
  state: StoredDeadlineState;
  metAt: Date | null;
  onTime: boolean | null;
  breachedAt: Date | null;
  policyVersion: string;
}

export interface TimerRow {
  id: string;
  ticketId: string;
  kind: string;
  what: 'reminder' | 'breach';
  fraction: number | null;
  roles: string[];
  unitCode: string;
  deadlineAt: Date;
  fireAt: Date;
  state: 'pending' | 'fired' | 'cancelled';
  firedAt: Date | null;
  policyVersion: string;
}

const DEADLINE_COLUMNS = `ticket_id AS "ticketId", kind, unit_code AS "unitCode", starts_at AS "startsAt", working_days AS "workingDays",
  due_at AS "dueAt", state, met_at AS "metAt", on_time AS "onTime", breached_at AS "breachedAt", policy_version AS "policyVersion"`;
const TIMER_COLUMNS = `id, ticket_id AS "ticketId", kind, what, fraction, roles, unit_code AS "unitCode", deadline_at AS "deadlineAt",
  fire_at AS "fireAt", state, fired_at AS "firedAt", policy_version AS "policyVersion"`;

/** The SLA service's tables, always used inside the caller's transaction. */
export class SlaStore {
  private readonly s: string;

  constructor(private readonly tx: EntityManager) {
    this.s = schemaOfManager(tx);
  }

  async lockFacts(ticketId: string): Promise<{ facts: StoredTicketClockFacts; policyVersion: string } | null> {
    const rows = await this.tx.query(`SELECT facts, policy_version AS "policyVersion" FROM "${this.s}"."ticket_clocks" WHERE ticket_id = $1 FOR UPDATE`, [ticketId]);
    return rows[0] ?? null;
  }

  async saveFacts(ticketId: string, facts: StoredTicketClockFacts, policyVersion: string, now: Date): Promise<void> {
    await this.tx.query(
      `INSERT INTO "${this.s}"."ticket_clocks" (ticket_id, facts, policy_version, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (ticket_id) DO UPDATE SET facts = EXCLUDED.facts, updated_at = EXCLUDED.updated_at`,
      [ticketId, JSON.stringify(facts), policyVersion, now],
    );
  }

  async deadlinesOf(ticketId: string): Promise<DeadlineRow[]> {
    return this.tx.query(`SELECT ${DEADLINE_COLUMNS} FROM "${this.s}"."deadlines" WHERE ticket_id = $1 ORDER BY kind`, [ticketId]);
  }

  async saveDeadline(row: DeadlineRow, now: Date): Promise<void> {
    await this.tx.query(
      `INSERT INTO "${this.s}"."deadlines" (ticket_id, kind, unit_code, starts_at, working_days, due_at, state, met_at, on_time, breached_at, policy_version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (ticket_id, kind) DO UPDATE SET unit_code = EXCLUDED.unit_code, starts_at = EXCLUDED.starts_at, working_days = EXCLUDED.working_days,
         due_at = EXCLUDED.due_at, state = EXCLUDED.state, met_at = EXCLUDED.met_at, on_time = EXCLUDED.on_time, breached_at = EXCLUDED.breached_at,
         policy_version = EXCLUDED.policy_version, updated_at = EXCLUDED.updated_at`,
      [row.ticketId, row.kind, row.unitCode, row.startsAt, row.workingDays, row.dueAt, row.state, row.metAt, row.onTime, row.breachedAt, row.policyVersion, now],
    );
  }

  async markBreached(ticketId: string, kind: string, at: Date): Promise<void> {
    await this.tx.query(
      `UPDATE "${this.s}"."deadlines" SET state = 'breached', breached_at = $3, updated_at = $3 WHERE ticket_id = $1 AND kind = $2 AND state IN ('running', 'paused')`,
      [ticketId, kind, at],
    );
  }

  /**
   * Plans the timers of one clock: new ones become pending, pending ones move to the new instant,
   * fired ones stay fired (a reminder never fires twice), and pending ones no longer planned are cancelled.
   */
  async syncTimers(ticketId: string, kind: string, planned: readonly PlannedTimer[], policyVersion: string): Promise<void> {
    for (const t of planned) {
      await this.tx.query(
        `INSERT INTO "${this.s}"."timers" (id, ticket_id, kind, what, fraction, roles, unit_code, deadline_at, fire_at, state, policy_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10)
         ON CONFLICT (id) DO UPDATE SET deadline_at = EXCLUDED.deadline_at, fire_at = EXCLUDED.fire_at,
           state = CASE WHEN "timers".state = 'fired' THEN 'fired' ELSE 'pending' END`,
        [t.id, ticketId, kind, t.what, t.fraction, JSON.stringify(t.roles), t.unitCode, t.deadlineAt, t.fireAt, policyVersion],
      );
    }
    await this.tx.query(
      `UPDATE "${this.s}"."timers" SET state = 'cancelled' WHERE ticket_id = $1 AND kind = $2 AND state = 'pending' AND NOT (id = ANY($3::text[]))`,
      [ticketId, kind, planned.map((t) => t.id)],
    );
  }

  async lockTimer(id: string): Promise<TimerRow | null> {
    const rows = await this.tx.query(`SELECT ${TIMER_COLUMNS} FROM "${this.s}"."timers" WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async markFired(id: string, at: Date): Promise<void> {
    await this.tx.query(`UPDATE "${this.s}"."timers" SET state = 'fired', fired_at = $2 WHERE id = $1`, [id, at]);
  }

  async timersOf(ticketId: string): Promise<TimerRow[]> {
    return this.tx.query(`SELECT ${TIMER_COLUMNS} FROM "${this.s}"."timers" WHERE ticket_id = $1 ORDER BY fire_at, id`, [ticketId]);
  }

  async pendingTimers(limit: number, dueBy?: Date): Promise<Array<{ id: string; fireAt: Date }>> {
    return dueBy
      ? this.tx.query(`SELECT id, fire_at AS "fireAt" FROM "${this.s}"."timers" WHERE state = 'pending' AND fire_at <= $1 ORDER BY fire_at LIMIT $2`, [dueBy, limit])
      : this.tx.query(`SELECT id, fire_at AS "fireAt" FROM "${this.s}"."timers" WHERE state = 'pending' ORDER BY fire_at LIMIT $1`, [limit]);
  }

  async deadlines(filter: { unitCodes: readonly string[] | null; state?: string; kind?: string }, page: number, pageSize: number): Promise<{ items: DeadlineRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.unitCodes) where.push(`unit_code = ANY($${params.push(filter.unitCodes)}::text[])`);
    if (filter.state) where.push(`state = $${params.push(filter.state)}`);
    if (filter.kind) where.push(`kind = $${params.push(filter.kind)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.tx.query(`SELECT count(*)::int AS total FROM "${this.s}"."deadlines" ${clause}`, params);
    const items = await this.tx.query(
      `SELECT ${DEADLINE_COLUMNS} FROM "${this.s}"."deadlines" ${clause} ORDER BY due_at NULLS LAST, ticket_id, kind LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items, total };
  }
}
