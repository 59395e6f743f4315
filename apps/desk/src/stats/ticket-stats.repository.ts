import type { EntityManager } from 'typeorm';
import type { UnitScope } from '@bekasi/auth';
import { schemaOfManager } from '@bekasi/messaging';
import { scopeClause } from '../persistence/ticket.repository';

export interface TicketStats {
  /** Weeks start on Monday in Asia/Jakarta; oldest first, every week present. */
  weeks: { week: string; received: number; resolved: number }[];
  /** Open tickets with a breached deadline, by unit, most first. */
  overdueByUnit: { unitCode: string; count: number }[];
}

export interface StatsFilter {
  weeks: number;
  asdaGroup?: 'I' | 'II' | 'III';
  now: Date;
}

/** The leadership dashboard's counts, computed in PostgreSQL within the caller's units. */
export class TicketStatsRepository {
  constructor(private readonly tx: EntityManager) {}

  async stats(scope: UnitScope, filter: StatsFilter): Promise<TicketStats> {
    const s = schemaOfManager(this.tx);
    const params: unknown[] = [];
    const where = [scopeClause(scope, params)];
    if (filter.asdaGroup) {
      params.push(filter.asdaGroup);
      where.push(`"unit_code" IN (SELECT "code" FROM "${s}"."units" WHERE "asda_group" = $${params.length})`);
    }
    params.push(filter.now.toISOString(), filter.weeks);
    const nowP = `$${params.length - 1}::timestamptz`;
    const weeksP = `$${params.length}::int`;
    const whereSql = where.join(' AND ');
    const weeks: { week: string; received: number; resolved: number }[] = await this.tx.query(
      `WITH w AS (
         SELECT generate_series(date_trunc('week', ${nowP} AT TIME ZONE 'Asia/Jakarta') - (${weeksP} - 1) * interval '1 week',
                                date_trunc('week', ${nowP} AT TIME ZONE 'Asia/Jakarta'), interval '1 week') AS week
       ), t AS (SELECT "received_at", "answered_at" FROM "${s}"."tickets" WHERE ${whereSql})
       SELECT to_char(w.week, 'YYYY-MM-DD') AS week,
              (SELECT count(*)::int FROM t WHERE date_trunc('week', t."received_at" AT TIME ZONE 'Asia/Jakarta') = w.week) AS received,
              (SELECT count(*)::int FROM t WHERE date_trunc('week', t."answered_at" AT TIME ZONE 'Asia/Jakarta') = w.week) AS resolved
       FROM w ORDER BY w.week`,
      params,
    );
    const overdueByUnit: { unitCode: string; count: number }[] = await this.tx.query(
      `SELECT "unit_code" AS "unitCode", count(*)::int AS count FROM "${s}"."tickets"
       WHERE ${whereSql} AND "unit_code" IS NOT NULL AND "overdue_since" IS NOT NULL AND "status" NOT IN ('closed','archived')
       GROUP BY "unit_code" ORDER BY count DESC, "unit_code" LIMIT 50`,
      params.slice(0, params.length - 2),
    );
    return { weeks, overdueByUnit };
  }
}
