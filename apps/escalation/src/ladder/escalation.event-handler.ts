import { Injectable } from '@nestjs/common';
import {
  SlaBreachedV1,
  SlaMetV1,
  SlaReminderV1,
  TicketArchivedV1,
  TicketAssignedV1,
  TicketClosedV1,
  TicketReassignRequestedV1,
  type SlaBreached,
} from '@bekasi/contracts';
import { EventConsumer, OutboxRelay, type EventContext } from '@bekasi/messaging';
import { DeadlineReminders } from '../alerts/deadline-reminders';
import { EscalationLadderWorkflow } from './escalation-ladder.workflow';

/**
 * sla.breached opens a case (level 1 raised at once); sla.met resolves it; the ticket's end, or its
 * move to another unit, cancels what the ladder still had planned.
 */
@Injectable()
export class EscalationEventsHandler {
  constructor(
    consumer: EventConsumer,
    private readonly ladder: EscalationLadderWorkflow,
    private readonly reminders: DeadlineReminders,
    private readonly relay: OutboxRelay,
  ) {
    consumer.on(SlaBreachedV1, (data, ctx) => this.onBreached(data, ctx));
    consumer.on(SlaReminderV1, (data, { tx }) => this.reminders.remember(tx, data));
    consumer.on(SlaMetV1, async (data, { tx }) => {
      await this.ladder.closeCases(tx, data.ticketId, 'resolved', 'tenggat dipenuhi', { deadlineKind: data.deadlineKind });
      await this.reminders.settle(tx, data.ticketId, data.deadlineKind);
    });
    consumer.on(TicketClosedV1, async (data, { tx }) => {
      await this.ladder.closeCases(tx, data.ticketId, 'cancelled', 'laporan ditutup');
      await this.reminders.settle(tx, data.ticketId);
    });
    consumer.on(TicketArchivedV1, async (data, { tx }) => {
      await this.ladder.closeCases(tx, data.ticketId, 'cancelled', 'laporan diarsipkan');
      await this.reminders.settle(tx, data.ticketId);
    });
    consumer.on(TicketReassignRequestedV1, (data, { tx }) =>
      this.ladder.closeCases(tx, data.ticketId, 'cancelled', 'bukan kewenangan unit', { unitCode: data.unitCode ?? undefined }).then(() => undefined),
    );
    consumer.on(TicketAssignedV1, (data, { tx }) =>
      data.unitCode ? this.ladder.closeCases(tx, data.ticketId, 'cancelled', 'didisposisikan ke unit lain', { otherThanUnit: data.unitCode }).then(() => undefined) : Promise.resolve(),
    );
  }

  async onBreached(data: SlaBreached, { tx, envelope }: EventContext): Promise<void> {
    // Auto-close is not a failure of anyone's: desk closes the ticket, nobody is alerted.
    if (data.deadlineKind === 'auto-close') return;
    // Past the deadline a reminder has nothing left to remind of: the escalation takes over.
    await this.reminders.settle(tx, data.ticketId, data.deadlineKind);
    await this.ladder.openCase(tx, data, envelope);
    this.relay.nudge();
  }
}
