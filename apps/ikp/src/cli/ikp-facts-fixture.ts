// Synthetic IKP facts written straight into the projections with set-based SQL (generate_series):
// the recompute benchmark and the Rapim demo need months of tickets without pushing each through
// Kafka. Deterministic: the same arguments give the same facts.
import type { DataSource } from 'typeorm';
import { periodBounds } from '@bekasi/ikp-domain';
import { UNITS } from '@bekasi/reference-data';

/**
 * `tickets` tickets assigned in `period`, spread over every unit of the registry with a per-unit
 * quality drawn from the unit's position (some units answer late more often than others), their
 * first-response and resolution outcomes, ratings, refusals and escalations beyond the unit.
 * `quality` (0-1) shifts every unit's chance of being on time: months can differ.
 */
export async function seedTicketFacts(ds: DataSource, schema: string, period: string, tickets: number, offset: number, quality = 0.8): Promise<void> {
  const { from, until } = periodBounds(period);
  const units = UNITS.map((u) => u.code);
  const span = (until.getTime() - from.getTime()) / 1000 - 1;
  // Every expression below is a hash of the ticket number n: reproducible, no random().
  await ds.query(
    `INSERT INTO "${schema}"."unit_tickets" (ticket_id, unit_code, assigned_at, answered_at, rating, refused, tracking_id)
     SELECT md5('t' || n)::uuid, u.code, $2::timestamptz + ((n * 7919) % $3) * interval '1 second',
            CASE WHEN (n * 31) % 100 < 45 + (u.k * 7) % 50 THEN $2::timestamptz + ((n * 7919) % $3) * interval '1 second' + interval '2 days' END,
            CASE WHEN (n * 17) % 100 < 40 THEN 1 + (n * 13 + u.k) % 5 END,
            (n * 29) % 100 < 2,
            'BKS-' || left($6, 4) || '-' || lpad(n::text, 7, '0')
     FROM generate_series($4::bigint + 1, $4::bigint + $5) AS n
     JOIN (SELECT code, ordinality::int AS k FROM unnest($1::text[]) WITH ORDINALITY AS code) u ON u.k = 1 + n % array_length($1::text[], 1)`,
    [units, from, Math.floor(span), offset, tickets, period],
  );
  const threshold = Math.round(quality * 100);
  await ds.query(
    `INSERT INTO "${schema}"."deadline_outcomes" (ticket_id, kind, unit_code, deadline_at, on_time)
     SELECT ticket_id, k.kind, unit_code, assigned_at + k.after, (abs(hashtext(ticket_id::text || k.kind)) % 100) < $2 + (hashtext(unit_code) % 40)
     FROM "${schema}"."unit_tickets" t CROSS JOIN (VALUES ('first-response', interval '3 days'), ('resolution', interval '10 days')) AS k(kind, after)
     WHERE NOT refused AND assigned_at >= $1 AND assigned_at < $3 AND (k.kind = 'first-response' OR answered_at IS NOT NULL)`,
    [from, threshold, until],
  );
  await ds.query(
    `INSERT INTO "${schema}"."escalations" (escalation_id, ticket_id, unit_code, level, raised_at, beyond_unit)
     SELECT md5('e' || o.ticket_id::text)::uuid, o.ticket_id, o.unit_code, 2, o.deadline_at + interval '2 days', true
     FROM "${schema}"."deadline_outcomes" o JOIN "${schema}"."unit_tickets" t USING (ticket_id, unit_code)
     WHERE o.kind = 'first-response' AND NOT o.on_time AND t.answered_at IS NULL AND t.assigned_at >= $1 AND t.assigned_at < $2
     ON CONFLICT DO NOTHING`,
    [from, until],
  );
}
