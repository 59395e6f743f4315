// Where a complaint's time goes, read from the tables every hop writes anyway: intake's row and
// outbox, each consumer's applied-event ledger (applied_at: just before its commit) and outbox
// (published_at: when the relay had it on Kafka). "Done" is sla's commit of the ticket's
// assignment (or triage) event: the ticket exists in desk and its deadlines and timers are stored.
import type { Client } from 'pg';
import { ComplaintReceivedV1, ComplaintTriageRequiredV1, TicketAssignedV1, TicketRoutedV1, TicketTriagedV1 } from '@bekasi/contracts';

export interface ComplaintTimeline {
  externalId: string;
  ticketId: string;
  intakeAt: number;
  intakePublished: number | null;
  routingApplied: number | null;
  routingPublished: number | null;
  deskApplied: number | null;
  deskPublished: number | null;
  slaApplied: number | null;
  status: string | null;
  timers: number;
  resolutionDeadline: boolean;
}

const ms = (v: Date | null) => (v ? new Date(v).getTime() : null);

export interface HopSchemas {
  intake: string;
  routing: string;
  desk: string;
  sla: string;
}

/** The services' own schemas (their defaults). */
export const SYSTEM_SCHEMAS: HopSchemas = { intake: 'intake', routing: 'routing', desk: 'desk', sla: 'sla' };

/** The timeline of each complaint whose external id is listed. */
export async function timelines(db: Client, externalIds: readonly string[], s: HopSchemas = SYSTEM_SCHEMAS): Promise<ComplaintTimeline[]> {
  // Read once per step, after its drain. Hash joins whatever the statistics say: on tables not yet
  // analyzed the planner chose nested loops over seq scans (14 s for 8,000 complaints).
  await db.query(`BEGIN; SET LOCAL enable_nestloop = off`);
  const { rows } = await db.query(
    `SELECT c.external_id, c.id::text AS ticket_id, c.created_at, io.published_at AS intake_published,
            ra.applied_at AS routing_applied, ro.published_at AS routing_published,
            da.applied_at AS desk_applied, dout.published_at AS desk_published, sa.applied_at AS sla_applied,
            t.status,
            (SELECT count(*)::int FROM "${s.sla}".timers tm WHERE tm.ticket_id = c.id) AS timers,
            EXISTS (SELECT 1 FROM "${s.sla}".deadlines d WHERE d.ticket_id = c.id AND d.kind = 'resolution') AS resolution_deadline
       FROM unnest($1::text[]) AS x(external_id)
       JOIN "${s.intake}".complaints c ON c.external_id = x.external_id
       JOIN "${s.intake}".outbox io ON io.message_key = c.id::text AND io.event_type = $2
       LEFT JOIN "${s.routing}".applied_events ra ON ra.event_id = io.event_id::text
       LEFT JOIN "${s.routing}".outbox ro ON ro.message_key = c.id::text AND ro.event_type = ANY($3::text[])
       LEFT JOIN "${s.desk}".applied_events da ON da.event_id = ro.event_id::text
       LEFT JOIN "${s.desk}".outbox dout ON dout.message_key = c.id::text AND dout.event_type = ANY($4::text[])
       LEFT JOIN "${s.sla}".applied_events sa ON sa.event_id = dout.event_id::text
       LEFT JOIN "${s.desk}".tickets t ON t.id = c.id`,
    [externalIds, ComplaintReceivedV1.type, [TicketRoutedV1.type, ComplaintTriageRequiredV1.type], [TicketAssignedV1.type, TicketTriagedV1.type]],
  ).finally(() => db.query('COMMIT'));
  return rows.map((r) => ({
    externalId: r.external_id,
    ticketId: r.ticket_id,
    intakeAt: ms(r.created_at)!,
    intakePublished: ms(r.intake_published),
    routingApplied: ms(r.routing_applied),
    routingPublished: ms(r.routing_published),
    deskApplied: ms(r.desk_applied),
    deskPublished: ms(r.desk_published),
    slaApplied: ms(r.sla_applied),
    status: r.status,
    timers: r.timers,
    resolutionDeadline: r.resolution_deadline,
  }));
}

/** Done: sla committed the assignment (with the resolution deadline) or the triage, with timers. */
export function isDone(t: ComplaintTimeline): boolean {
  if (t.slaApplied === null || t.timers === 0) return false;
  return t.status === 'triage' || (t.status === 'assigned' && t.resolutionDeadline);
}

/**
 * How many of a step's complaints (external ids starting with `marker-`) sla has applied since
 * `since`: polled every 250 ms while the step drains, so it reads only the ledger rows written since
 * the step began and follows each through unique indexes. A poll that joined the step's ids to the
 * three tables (even hashed) read them whole each time — up to a second of PostgreSQL per poll,
 * competing with the step's own tail. Each probe is a LIMIT 1 subquery so the plan stays a probe on
 * tables PostgreSQL has not analyzed.
 */
export async function doneCount(db: Client, marker: string, since: Date, s: HopSchemas = SYSTEM_SCHEMAS): Promise<number> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM "${s.sla}".applied_events sa
       CROSS JOIN LATERAL (SELECT o.message_key FROM "${s.desk}".outbox o WHERE o.event_id = sa.event_id::uuid LIMIT 1) dout
       CROSS JOIN LATERAL (SELECT c.external_id FROM "${s.intake}".complaints c WHERE c.id = dout.message_key::uuid LIMIT 1) c
      WHERE sa.applied_at >= $1 AND sa.event_type = ANY($2::text[]) AND starts_with(c.external_id, $3)`,
    [since, [TicketAssignedV1.type, TicketTriagedV1.type], `${marker}-`],
  );
  return rows[0].n;
}

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

export interface HopStats {
  hop: string;
  p50: number;
  p99: number;
}

/** Median and p99 of each hop over the complaints that completed. */
export function hopStats(items: ReadonlyArray<{ intendedAt: number; t: ComplaintTimeline }>): HopStats[] {
  const hops: Array<[string, (x: { intendedAt: number; t: ComplaintTimeline }) => number | null]> = [
    ['send → intake commit', (x) => x.t.intakeAt - x.intendedAt],
    ['intake relay', (x) => x.t.intakePublished && x.t.intakePublished - x.t.intakeAt],
    ['→ routing applied', (x) => x.t.routingApplied && x.t.intakePublished && x.t.routingApplied - x.t.intakePublished],
    ['routing relay', (x) => x.t.routingPublished && x.t.routingApplied && x.t.routingPublished - x.t.routingApplied],
    ['→ desk applied', (x) => x.t.deskApplied && x.t.routingPublished && x.t.deskApplied - x.t.routingPublished],
    ['desk relay', (x) => x.t.deskPublished && x.t.deskApplied && x.t.deskPublished - x.t.deskApplied],
    ['→ sla applied', (x) => x.t.slaApplied && x.t.deskPublished && x.t.slaApplied - x.t.deskPublished],
  ];
  return hops.map(([hop, f]) => {
    const values = items.map(f).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    return { hop, p50: percentile(values, 50), p99: percentile(values, 99) };
  });
}
