import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  EscalationRaisedV1,
  SlaBreachedV1,
  SlaMetV1,
  TicketAnsweredV1,
  TicketAssignedV1,
  TicketRatedV1,
  TicketReassignRequestedV1,
} from '@bekasi/contracts';
import { EventConsumer, schemaOfManager } from '@bekasi/messaging';

const SCORED_DEADLINES = new Set(['first-response', 'resolution']);

/**
 * Projects the event stream into what IKP scores: tickets per unit (assigned, answered, rated,
 * refused), the outcome of each unit deadline (on time or not) and escalations. The consumer's
 * ledger makes each event count once; every write is also an upsert, so a replay changes nothing.
 */
@Injectable()
export class IkpProjectionHandler {
  constructor(consumer: EventConsumer) {
    consumer.on(TicketAssignedV1, async (d, { tx }) => {
      if (!d.unitCode) return;
      await tx.query(
        `INSERT INTO ${t(tx, 'unit_tickets')} (ticket_id, unit_code, assigned_at) VALUES ($1, $2, $3)
         ON CONFLICT (ticket_id, unit_code) DO UPDATE SET refused = false`,
        [d.ticketId, d.unitCode, d.at],
      );
    });
    consumer.on(TicketAnsweredV1, async (d, { tx }) => {
      if (!d.unitCode) return;
      await tx.query(`UPDATE ${t(tx, 'unit_tickets')} SET answered_at = COALESCE(answered_at, $3) WHERE ticket_id = $1 AND unit_code = $2`, [d.ticketId, d.unitCode, d.at]);
    });
    consumer.on(TicketRatedV1, async (d, { tx }) => {
      if (!d.unitCode) return;
      await tx.query(`UPDATE ${t(tx, 'unit_tickets')} SET rating = $3 WHERE ticket_id = $1 AND unit_code = $2`, [d.ticketId, d.unitCode, d.rating]);
    });
    consumer.on(TicketReassignRequestedV1, async (d, { tx }) => {
      // "Bukan kewenangan": the ticket was never the refusing unit's to follow up.
      if (!d.unitCode) return;
      await tx.query(`UPDATE ${t(tx, 'unit_tickets')} SET refused = true WHERE ticket_id = $1 AND unit_code = $2`, [d.ticketId, d.unitCode]);
    });
    consumer.on(SlaMetV1, async (d, { tx }) => {
      if (!SCORED_DEADLINES.has(d.deadlineKind)) return;
      // A deadline once late stays late, whatever arrives after.
      await tx.query(
        `INSERT INTO ${t(tx, 'deadline_outcomes')} (ticket_id, kind, unit_code, deadline_at, on_time) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (ticket_id, kind, unit_code) DO UPDATE SET on_time = ${t(tx, 'deadline_outcomes')}.on_time AND EXCLUDED.on_time`,
        [d.ticketId, d.deadlineKind, d.unitCode, d.deadlineAt, d.onTime],
      );
    });
    consumer.on(SlaBreachedV1, async (d, { tx }) => {
      if (!SCORED_DEADLINES.has(d.deadlineKind)) return;
      await tx.query(
        `INSERT INTO ${t(tx, 'deadline_outcomes')} (ticket_id, kind, unit_code, deadline_at, on_time) VALUES ($1, $2, $3, $4, false)
         ON CONFLICT (ticket_id, kind, unit_code) DO UPDATE SET on_time = false`,
        [d.ticketId, d.deadlineKind, d.unitCode, d.deadlineAt],
      );
    });
    consumer.on(EscalationRaisedV1, async (d, { tx }) => {
      await tx.query(
        `INSERT INTO ${t(tx, 'escalations')} (escalation_id, ticket_id, unit_code, level, raised_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [d.escalationId, d.ticketId, d.unitCode, d.level, d.at],
      );
    });
  }
}

function t(tx: EntityManager, table: string): string {
  return `"${schemaOfManager(tx)}"."${table}"`;
}
