import { Injectable, type OnModuleInit } from '@nestjs/common';
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
import { escalatedBeyondUnit } from '@bekasi/escalation-domain';
import { deadlineOnTime, nextDeadlineOnTime } from '@bekasi/ikp-domain';
import { EventConsumer, isEvent, schemaOfManager, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';

const SCORED_DEADLINES = new Set(['first-response', 'resolution']);

/** What a batch changes of one unit's ticket, folded in offset order. */
interface TicketDelta {
  ticketId: string;
  unitCode: string;
  assignedAt: string | null;
  trackingId: string | null;
  answeredAt: string | null;
  rating: number | null;
  refused: boolean | null;
}

interface DeadlineDelta {
  ticketId: string;
  kind: string;
  unitCode: string;
  deadlineAt: string;
  reports: boolean[];
}

/**
 * Projects the event stream into what IKP scores, a Kafka batch at a time: tickets per unit
 * (assigned, answered, rated, refused), the outcome of each unit deadline and the escalations. Each
 * batch is folded in memory and written with one multi-row statement per table; the consumer's
 * ledger makes each event count once, and every write is an upsert, so a replay changes nothing.
 */
@Injectable()
export class IkpProjectionHandler implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.onBatch({
      name: 'ikp.projection',
      events: [TicketAssignedV1, TicketAnsweredV1, TicketRatedV1, TicketReassignRequestedV1, SlaMetV1, SlaBreachedV1, EscalationRaisedV1],
      handle: (events, ctx) => this.handle(events, ctx),
    });
  }

  async handle(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    const tickets = new Map<string, TicketDelta>();
    const deadlines = new Map<string, DeadlineDelta>();
    const escalations: Array<{ escalationId: string; ticketId: string; unitCode: string; level: number; raisedAt: string; beyondUnit: boolean }> = [];
    const ticket = (ticketId: string, unitCode: string) => {
      const key = `${ticketId}|${unitCode}`;
      let d = tickets.get(key);
      if (!d) tickets.set(key, (d = { ticketId, unitCode, assignedAt: null, trackingId: null, answeredAt: null, rating: null, refused: null }));
      return d;
    };
    const deadline = (d: { ticketId: string; deadlineKind: string; unitCode: string; deadlineAt: string }, onTime: boolean) => {
      if (!SCORED_DEADLINES.has(d.deadlineKind)) return;
      const key = `${d.ticketId}|${d.deadlineKind}|${d.unitCode}`;
      const entry = deadlines.get(key) ?? { ticketId: d.ticketId, kind: d.deadlineKind, unitCode: d.unitCode, deadlineAt: d.deadlineAt, reports: [] };
      entry.reports.push(onTime);
      deadlines.set(key, entry);
    };
    for (const e of events) {
      if (isEvent(e, TicketAssignedV1) && e.data.unitCode) {
        const d = ticket(e.data.ticketId, e.data.unitCode);
        d.assignedAt ??= e.data.at;
        d.trackingId = e.data.trackingId ?? d.trackingId;
        d.refused = false;
      } else if (isEvent(e, TicketAnsweredV1) && e.data.unitCode) {
        const d = ticket(e.data.ticketId, e.data.unitCode);
        d.answeredAt ??= e.data.at;
      } else if (isEvent(e, TicketRatedV1) && e.data.unitCode) {
        ticket(e.data.ticketId, e.data.unitCode).rating = e.data.rating;
      } else if (isEvent(e, TicketReassignRequestedV1) && e.data.unitCode) {
        // "Bukan kewenangan": the ticket was never the refusing unit's to follow up.
        ticket(e.data.ticketId, e.data.unitCode).refused = true;
      } else if (isEvent(e, SlaMetV1)) {
        deadline(e.data, e.data.onTime);
      } else if (isEvent(e, SlaBreachedV1)) {
        deadline(e.data, false);
      } else if (isEvent(e, EscalationRaisedV1)) {
        escalations.push({ escalationId: e.data.escalationId, ticketId: e.data.ticketId, unitCode: e.data.unitCode, level: e.data.level, raisedAt: e.data.at, beyondUnit: escalatedBeyondUnit(e.data.role) });
      }
    }
    await this.writeTickets(tx, [...tickets.values()]);
    await this.writeDeadlines(tx, [...deadlines.values()]);
    await this.writeEscalations(tx, escalations);
  }

  private async writeTickets(tx: EntityManager, deltas: readonly TicketDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const t = table(tx, 'unit_tickets');
    const cols = [
      deltas.map((d) => d.ticketId), deltas.map((d) => d.unitCode), deltas.map((d) => d.assignedAt), deltas.map((d) => d.trackingId),
      deltas.map((d) => d.answeredAt), deltas.map((d) => d.rating), deltas.map((d) => d.refused),
    ];
    const input = `unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::int[], $7::boolean[]) AS x(ticket_id, unit_code, assigned_at, tracking_id, answered_at, rating, refused)`;
    // A newly assigned ticket is inserted; what else arrived for a ticket already projected updates it.
    await tx.query(
      `INSERT INTO ${t} AS t (ticket_id, unit_code, assigned_at, tracking_id, answered_at, rating, refused)
       SELECT ticket_id, unit_code, assigned_at, tracking_id, answered_at, rating, COALESCE(refused, false) FROM ${input} WHERE assigned_at IS NOT NULL
       ON CONFLICT (ticket_id, unit_code) DO UPDATE SET
         tracking_id = COALESCE(EXCLUDED.tracking_id, t.tracking_id), answered_at = COALESCE(t.answered_at, EXCLUDED.answered_at),
         rating = COALESCE(EXCLUDED.rating, t.rating), refused = EXCLUDED.refused`,
      cols,
    );
    await tx.query(
      `UPDATE ${t} AS t SET answered_at = COALESCE(t.answered_at, x.answered_at), rating = COALESCE(x.rating, t.rating), refused = COALESCE(x.refused, t.refused)
       FROM ${input} WHERE x.assigned_at IS NULL AND t.ticket_id = x.ticket_id AND t.unit_code = x.unit_code`,
      cols,
    );
  }

  /** Late once, late for good: the batch's reports and what was stored fold through the domain's rule. */
  private async writeDeadlines(tx: EntityManager, deltas: readonly DeadlineDelta[]): Promise<void> {
    if (deltas.length === 0) return;
    const t = table(tx, 'deadline_outcomes');
    const stored: Array<{ ticket_id: string; kind: string; unit_code: string; on_time: boolean }> = await tx.query(
      `SELECT o.ticket_id, o.kind, o.unit_code, o.on_time FROM ${t} o JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS x(ticket_id, kind, unit_code)
       ON o.ticket_id = x.ticket_id AND o.kind = x.kind AND o.unit_code = x.unit_code FOR UPDATE OF o`,
      [deltas.map((d) => d.ticketId), deltas.map((d) => d.kind), deltas.map((d) => d.unitCode)],
    );
    const before = new Map(stored.map((s) => [`${s.ticket_id}|${s.kind}|${s.unit_code}`, s.on_time]));
    const onTime = deltas.map((d) => nextDeadlineOnTime(before.get(`${d.ticketId}|${d.kind}|${d.unitCode}`) ?? null, deadlineOnTime(d.reports)));
    await tx.query(
      `INSERT INTO ${t} (ticket_id, kind, unit_code, deadline_at, on_time)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::boolean[])
       ON CONFLICT (ticket_id, kind, unit_code) DO UPDATE SET on_time = EXCLUDED.on_time`,
      [deltas.map((d) => d.ticketId), deltas.map((d) => d.kind), deltas.map((d) => d.unitCode), deltas.map((d) => d.deadlineAt), onTime],
    );
  }

  private async writeEscalations(tx: EntityManager, rows: ReadonlyArray<{ escalationId: string; ticketId: string; unitCode: string; level: number; raisedAt: string; beyondUnit: boolean }>): Promise<void> {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO ${table(tx, 'escalations')} (escalation_id, ticket_id, unit_code, level, raised_at, beyond_unit)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::timestamptz[], $6::boolean[]) ON CONFLICT DO NOTHING`,
      [rows.map((r) => r.escalationId), rows.map((r) => r.ticketId), rows.map((r) => r.unitCode), rows.map((r) => r.level), rows.map((r) => r.raisedAt), rows.map((r) => r.beyondUnit)],
    );
  }
}

function table(tx: EntityManager, name: string): string {
  return `"${schemaOfManager(tx)}"."${name}"`;
}
