import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  SlaBreachedV1,
  SlaMetV1,
  SlaReminderV1,
  TicketArchivedV1,
  TicketAssignedV1,
  TicketClosedV1,
  TicketReassignRequestedV1,
  type SlaReminder,
} from '@bekasi/contracts';
import { breachEscalates, closingOf, type CaseClosing, type TicketFact } from '@bekasi/escalation-domain';
import { EventConsumer, isEvent, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { DeadlineReminders } from '../alerts/deadline-reminders';
import { EscalationLadderWorkflow } from './escalation-ladder.workflow';

/**
 * sla.breached opens a case (level 1 raised at once); sla.met resolves it; the ticket's end, or its
 * move to another unit, cancels what the ladder still had planned. A Kafka batch at a time, in offset
 * order (a ticket's breach and its closing may share a batch); reminders, the bulk of the stream,
 * are stored with one multi-row insert.
 */
@Injectable()
export class EscalationEventsHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly ladder: EscalationLadderWorkflow,
    private readonly reminders: DeadlineReminders,
  ) {}

  onModuleInit(): void {
    this.consumer.onBatch({
      name: 'escalation.ladder',
      events: [SlaBreachedV1, SlaReminderV1, SlaMetV1, TicketClosedV1, TicketArchivedV1, TicketReassignRequestedV1, TicketAssignedV1],
      handle: (events, ctx) => this.handle(events, ctx),
    });
  }

  async handle(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    // Reminders to store and closings to apply are gathered and written a batch at a time; each kind
    // is flushed before the other (or a breach) comes, so the tables see the events' order.
    let reminders: SlaReminder[] = [];
    let closings: Array<{ ticketId: string; closing: CaseClosing }> = [];
    let settles: Array<{ ticketId: string; deadlineKind?: string }> = [];
    const flushReminders = async () => {
      await this.reminders.rememberAll(tx, reminders);
      reminders = [];
    };
    const flushClosings = async () => {
      await this.ladder.closeCases(tx, closings);
      await this.reminders.settle(tx, settles);
      closings = [];
      settles = [];
    };
    for (const e of events) {
      if (isEvent(e, SlaReminderV1)) {
        await flushClosings();
        reminders.push(e.data);
        continue;
      }
      await flushReminders();
      if (isEvent(e, SlaBreachedV1)) {
        if (!breachEscalates(e.data.deadlineKind)) continue;
        await flushClosings();
        // Past the deadline a reminder has nothing left to remind of: the escalation takes over.
        await this.reminders.settle(tx, [{ ticketId: e.data.ticketId, deadlineKind: e.data.deadlineKind }]);
        await this.ladder.openCase(tx, e.data, e.envelope);
        continue;
      }
      const of = factOf(e);
      const closing = of && closingOf(of.fact);
      if (!of || !closing) continue;
      closings.push({ ticketId: of.ticketId, closing });
      // A met deadline settles its reminders, the ticket's end all of them; a move to another unit leaves them to sla.
      if (of.fact.kind === 'deadline-met') settles.push({ ticketId: of.ticketId, deadlineKind: of.fact.deadlineKind });
      if (of.fact.kind === 'closed' || of.fact.kind === 'archived') settles.push({ ticketId: of.ticketId });
    }
    await flushReminders();
    await flushClosings();
  }
}

/** The ticket event as the ladder's rules know it. */
function factOf(e: ConsumedEvent): { ticketId: string; fact: TicketFact } | null {
  if (isEvent(e, SlaMetV1)) return { ticketId: e.data.ticketId, fact: { kind: 'deadline-met', deadlineKind: e.data.deadlineKind } };
  if (isEvent(e, TicketClosedV1)) return { ticketId: e.data.ticketId, fact: { kind: 'closed' } };
  if (isEvent(e, TicketArchivedV1)) return { ticketId: e.data.ticketId, fact: { kind: 'archived' } };
  if (isEvent(e, TicketReassignRequestedV1)) return { ticketId: e.data.ticketId, fact: { kind: 'refused', unitCode: e.data.unitCode } };
  if (isEvent(e, TicketAssignedV1)) return { ticketId: e.data.ticketId, fact: { kind: 'assigned', unitCode: e.data.unitCode } };
  return null;
}
