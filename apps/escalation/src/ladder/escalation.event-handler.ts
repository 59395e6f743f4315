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
    let reminders: SlaReminder[] = [];
    const flushReminders = async () => {
      await this.reminders.rememberAll(tx, reminders);
      reminders = [];
    };
    for (const e of events) {
      if (isEvent(e, SlaReminderV1)) {
        reminders.push(e.data);
        continue;
      }
      // What follows may settle a reminder of the same ticket: store the ones before it first.
      await flushReminders();
      if (isEvent(e, SlaBreachedV1)) {
        // Auto-close is not a failure of anyone's: desk closes the ticket, nobody is alerted.
        if (e.data.deadlineKind === 'auto-close') continue;
        // Past the deadline a reminder has nothing left to remind of: the escalation takes over.
        await this.reminders.settle(tx, e.data.ticketId, e.data.deadlineKind);
        await this.ladder.openCase(tx, e.data, e.envelope);
      } else if (isEvent(e, SlaMetV1)) {
        await this.ladder.closeCases(tx, e.data.ticketId, 'resolved', 'tenggat dipenuhi', { deadlineKind: e.data.deadlineKind });
        await this.reminders.settle(tx, e.data.ticketId, e.data.deadlineKind);
      } else if (isEvent(e, TicketClosedV1)) {
        await this.ladder.closeCases(tx, e.data.ticketId, 'cancelled', 'laporan ditutup');
        await this.reminders.settle(tx, e.data.ticketId);
      } else if (isEvent(e, TicketArchivedV1)) {
        await this.ladder.closeCases(tx, e.data.ticketId, 'cancelled', 'laporan diarsipkan');
        await this.reminders.settle(tx, e.data.ticketId);
      } else if (isEvent(e, TicketReassignRequestedV1)) {
        await this.ladder.closeCases(tx, e.data.ticketId, 'cancelled', 'bukan kewenangan unit', { unitCode: e.data.unitCode ?? undefined });
      } else if (isEvent(e, TicketAssignedV1) && e.data.unitCode) {
        await this.ladder.closeCases(tx, e.data.ticketId, 'cancelled', 'didisposisikan ke unit lain', { otherThanUnit: e.data.unitCode });
      }
    }
    await flushReminders();
  }
}
