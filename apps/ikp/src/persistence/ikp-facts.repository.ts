import type { EntityManager } from 'typeorm';
import { periodBounds } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';

/** What the projections say a unit did with its tickets in a month. */
export interface TicketFacts {
  assigned: number;
  answered: number;
  ratings: number;
  ratingSum: number;
  firstResponseDeadlines: number;
  firstResponseOnTime: number;
  resolutionDeadlines: number;
  resolutionOnTime: number;
  escalatedBeyondUnit: number;
}

export interface OverdueComplaint {
  unitCode: string;
  ticketId: string;
  trackingId: string | null;
  deadlineKind: string;
  deadlineAt: Date;
}

/**
 * Reads the projections of the event stream (unit_tickets, deadline_outcomes, escalations) for a
 * month, set-based: one grouped query, whatever the number of tickets.
 */
export class IkpFactsRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  async ticketFacts(period: string): Promise<Map<string, TicketFacts>> {
    const { from, until } = periodBounds(period);
    const rows = await this.db.query(
      `WITH tickets AS (
         SELECT unit_code, count(*)::int AS assigned, count(answered_at)::int AS answered, count(rating)::int AS ratings, COALESCE(sum(rating), 0)::int AS rating_sum
         FROM "${this.s}"."unit_tickets" WHERE NOT refused AND assigned_at >= $1 AND assigned_at < $2 GROUP BY unit_code),
       outcomes AS (
         SELECT unit_code,
                count(*) FILTER (WHERE kind = 'first-response')::int AS fr_due, count(*) FILTER (WHERE kind = 'first-response' AND on_time)::int AS fr_on_time,
                count(*) FILTER (WHERE kind = 'resolution')::int AS res_due, count(*) FILTER (WHERE kind = 'resolution' AND on_time)::int AS res_on_time
         FROM "${this.s}"."deadline_outcomes" WHERE deadline_at >= $1 AND deadline_at < $2 GROUP BY unit_code),
       escalated AS (
         SELECT unit_code, count(DISTINCT ticket_id)::int AS tickets FROM "${this.s}"."escalations" WHERE beyond_unit AND raised_at >= $1 AND raised_at < $2 GROUP BY unit_code)
       SELECT COALESCE(t.unit_code, o.unit_code, e.unit_code) AS unit_code,
              COALESCE(t.assigned, 0) AS assigned, COALESCE(t.answered, 0) AS answered, COALESCE(t.ratings, 0) AS ratings, COALESCE(t.rating_sum, 0) AS rating_sum,
              COALESCE(o.fr_due, 0) AS fr_due, COALESCE(o.fr_on_time, 0) AS fr_on_time, COALESCE(o.res_due, 0) AS res_due, COALESCE(o.res_on_time, 0) AS res_on_time,
              COALESCE(e.tickets, 0) AS escalated
       FROM tickets t FULL JOIN outcomes o ON o.unit_code = t.unit_code FULL JOIN escalated e ON e.unit_code = COALESCE(t.unit_code, o.unit_code)`,
      [from, until],
    );
    return new Map(
      rows.map((r: any) => [
        r.unit_code,
        {
          assigned: r.assigned, answered: r.answered, ratings: r.ratings, ratingSum: r.rating_sum, firstResponseDeadlines: r.fr_due, firstResponseOnTime: r.fr_on_time,
          resolutionDeadlines: r.res_due, resolutionOnTime: r.res_on_time, escalatedBeyondUnit: r.escalated,
        },
      ]),
    );
  }

  /**
   * The complaints of each unit still unanswered past a breached deadline that fell in or before
   * the month, longest overdue first, at most `perUnit` per unit.
   */
  async worstOverdue(period: string, perUnit: number): Promise<OverdueComplaint[]> {
    const { until } = periodBounds(period);
    return this.db.query(
      `SELECT unit_code AS "unitCode", ticket_id AS "ticketId", tracking_id AS "trackingId", kind AS "deadlineKind", deadline_at AS "deadlineAt" FROM (
         SELECT o.unit_code, o.ticket_id, t.tracking_id, o.kind, o.deadline_at,
                row_number() OVER (PARTITION BY o.unit_code ORDER BY o.deadline_at, o.ticket_id) AS n
         FROM "${this.s}"."deadline_outcomes" o JOIN "${this.s}"."unit_tickets" t ON t.ticket_id = o.ticket_id AND t.unit_code = o.unit_code
         WHERE NOT o.on_time AND o.deadline_at < $1 AND t.answered_at IS NULL AND NOT t.refused) w
       WHERE n <= $2 ORDER BY unit_code, deadline_at`,
      [until, perUnit],
    );
  }
}
