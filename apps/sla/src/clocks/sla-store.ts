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

  /** The clock facts of several tickets, locked for the rest of the transaction. */
  async lockFactsMany(ticketIds: readonly string[]): Promise<Map<string, { facts: StoredTicketClockFacts; policyVersion: string }>> {
    const rows: Array<{ ticketId: string; facts: StoredTicketClockFacts; policyVersion: string }> = await this.tx.query(
      `SELECT ticket_id AS "ticketId", facts, policy_version AS "policyVersion" FROM "${this.s}"."ticket_clocks" WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id FOR UPDATE`,
      [[...ticketIds]],
    );
    return new Map(rows.map((r) => [r.ticketId, { facts: r.facts, policyVersion: r.policyVersion }]));
  }

  async saveFactsMany(rows: ReadonlyArray<{ ticketId: string; facts: StoredTicketClockFacts; policyVersion: string }>, now: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.query(
      `INSERT INTO "${this.s}"."ticket_clocks" (ticket_id, facts, policy_version, updated_at)
       SELECT t, f, v, $4 FROM unnest($1::uuid[], $2::jsonb[], $3::text[]) AS r(t, f, v)
       ON CONFLICT (ticket_id) DO UPDATE SET facts = EXCLUDED.facts, updated_at = EXCLUDED.updated_at`,
      [rows.map((r) => r.ticketId), rows.map((r) => JSON.stringify(r.facts)), rows.map((r) => r.policyVersion), now],
    );
  }

  async deadlinesOf(ticketId: string): Promise<DeadlineRow[]> {
    return this.tx.query(`SELECT ${DEADLINE_COLUMNS} FROM "${this.s}"."deadlines" WHERE ticket_id = $1 ORDER BY kind`, [ticketId]);
  }

  async deadlinesOfMany(ticketIds: readonly string[]): Promise<Map<string, DeadlineRow[]>> {
    const rows: DeadlineRow[] = await this.tx.query(`SELECT ${DEADLINE_COLUMNS} FROM "${this.s}"."deadlines" WHERE ticket_id = ANY($1::uuid[]) ORDER BY ticket_id, kind`, [[...ticketIds]]);
    const byTicket = new Map<string, DeadlineRow[]>();
    for (const row of rows) byTicket.set(row.ticketId, [...(byTicket.get(row.ticketId) ?? []), row]);
    return byTicket;
  }

  async saveDeadlines(rows: readonly DeadlineRow[], now: Date): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.query(
      `INSERT INTO "${this.s}"."deadlines" (ticket_id, kind, unit_code, starts_at, working_days, due_at, state, met_at, on_time, breached_at, policy_version, updated_at)
       SELECT *, $12::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::timestamptz[], $7::text[], $8::timestamptz[], $9::boolean[], $10::timestamptz[], $11::text[])
       ON CONFLICT (ticket_id, kind) DO UPDATE SET unit_code = EXCLUDED.unit_code, starts_at = EXCLUDED.starts_at, working_days = EXCLUDED.working_days,
         due_at = EXCLUDED.due_at, state = EXCLUDED.state, met_at = EXCLUDED.met_at, on_time = EXCLUDED.on_time, breached_at = EXCLUDED.breached_at,
         policy_version = EXCLUDED.policy_version, updated_at = EXCLUDED.updated_at`,
      [
        rows.map((r) => r.ticketId), rows.map((r) => r.kind), rows.map((r) => r.unitCode), rows.map((r) => r.startsAt), rows.map((r) => r.workingDays),
        rows.map((r) => r.dueAt), rows.map((r) => r.state), rows.map((r) => r.metAt), rows.map((r) => r.onTime), rows.map((r) => r.breachedAt),
        rows.map((r) => r.policyVersion), now,
      ],
    );
  }

  async markBreached(ticketId: string, kind: string, at: Date): Promise<void> {
    await this.tx.query(
      `UPDATE "${this.s}"."deadlines" SET state = 'breached', breached_at = $3, updated_at = $3 WHERE ticket_id = $1 AND kind = $2 AND state IN ('running', 'paused')`,
      [ticketId, kind, at],
    );
  }

  /**
   * Plans the timers of several clocks: new ones become pending, pending ones move to the new instant,
   * fired ones stay fired (a reminder never fires twice), and pending ones of those clocks no longer
   * planned are cancelled. Returns the ids of planned timers that existed already (their queued job
   * carries the old instant).
   */
  async syncTimers(clocks: ReadonlyArray<{ ticketId: string; kind: string; planned: readonly PlannedTimer[]; policyVersion: string }>): Promise<Set<string>> {
    if (clocks.length === 0) return new Set();
    const planned = clocks.flatMap((c) => c.planned.map((t) => ({ ...t, ticketId: c.ticketId, policyVersion: c.policyVersion })));
    // Each clock's timers are read through (ticket_id, kind) behind an OFFSET 0 fence: joined
    // directly, the planner took the partial index of all pending timers whenever its statistics
    // lagged (a table that grew since the last ANALYZE) and read every pending timer per batch.
    await this.tx.query(
      `UPDATE "${this.s}"."timers" SET state = 'cancelled'
        WHERE id IN (SELECT x.id FROM unnest($1::uuid[], $2::text[]) AS c(ticket_id, kind)
                     CROSS JOIN LATERAL (SELECT id, state FROM "${this.s}"."timers" tm WHERE tm.ticket_id = c.ticket_id AND tm.kind = c.kind OFFSET 0) x
                     WHERE x.state = 'pending' AND NOT (x.id = ANY($3::text[])))`,
      [clocks.map((c) => c.ticketId), clocks.map((c) => c.kind), planned.map((t) => t.id)],
    );
    if (planned.length === 0) return new Set();
    const rows: Array<{ id: string; existed: boolean }> = await this.tx.query(
      `INSERT INTO "${this.s}"."timers" (id, ticket_id, kind, what, fraction, roles, unit_code, deadline_at, fire_at, state, policy_version)
       SELECT i, t, k, w, f, r, u, d, a, 'pending', v
         FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::float8[], $6::jsonb[], $7::text[], $8::timestamptz[], $9::timestamptz[], $10::text[]) AS x(i, t, k, w, f, r, u, d, a, v)
       ON CONFLICT (id) DO UPDATE SET deadline_at = EXCLUDED.deadline_at, fire_at = EXCLUDED.fire_at,
         state = CASE WHEN "timers".state = 'fired' THEN 'fired' ELSE 'pending' END
       RETURNING id, (xmax <> 0) AS existed`,
      [
        planned.map((t) => t.id), planned.map((t) => t.ticketId), planned.map((t) => t.kind), planned.map((t) => t.what), planned.map((t) => t.fraction),
        planned.map((t) => JSON.stringify(t.roles)), planned.map((t) => t.unitCode), planned.map((t) => t.deadlineAt), planned.map((t) => t.fireAt),
        planned.map((t) => t.policyVersion),
      ],
    );
    return new Set(rows.filter((r) => r.existed).map((r) => r.id));
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

  /** Pending timers due by `dueBy`, in firing order, from after `after` (keyset paging). */
  async pendingTimers(limit: number, dueBy: Date, after?: { fireAt: Date; id: string }): Promise<Array<{ id: string; fireAt: Date }>> {
    return after
      ? this.tx.query(
          `SELECT id, fire_at AS "fireAt" FROM "${this.s}"."timers" WHERE state = 'pending' AND fire_at <= $1 AND (fire_at, id) > ($3, $4) ORDER BY fire_at, id LIMIT $2`,
          [dueBy, limit, after.fireAt, after.id],
        )
      : this.tx.query(`SELECT id, fire_at AS "fireAt" FROM "${this.s}"."timers" WHERE state = 'pending' AND fire_at <= $1 ORDER BY fire_at, id LIMIT $2`, [dueBy, limit]);
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
