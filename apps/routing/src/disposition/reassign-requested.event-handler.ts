import { Inject, Injectable } from '@nestjs/common';
import { TicketReassignRequestedV1, type TicketReassignRequested } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, PermanentEventError, type EventContext } from '@bekasi/messaging';
import { ComplaintRow } from '../persistence/routing.entities';
import { DispositionService } from './disposition.service';

/**
 * Re-disposisi: a unit answered "bukan kewenangan". Routing chooses again among the units that
 * have not refused; from the second bounce on the domain sends it to the admin.
 */
@Injectable()
export class ReassignRequestedHandler {
  constructor(
    consumer: EventConsumer,
    private readonly disposition: DispositionService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    consumer.on(TicketReassignRequestedV1, (data, ctx) => this.handle(data, ctx));
  }

  async handle(data: TicketReassignRequested, { tx, envelope }: EventContext): Promise<void> {
    const complaint = await tx.getRepository(ComplaintRow).findOne({ where: { complaintId: data.ticketId }, lock: { mode: 'pessimistic_write' } });
    // Retrying cannot help: without the complaint's text there is nothing to route. The dead letter
    // can be replayed once the complaint.received that was missed has been consumed.
    if (!complaint) throw new PermanentEventError(`complaint ${data.ticketId} unknown to routing: cannot re-dispose it`);
    const refused = new Set([...complaint.refusedUnits, ...data.refusedUnits]);
    // Desk names the refusing unit in unitCode (and, in newer events, refusingUnitCode).
    const refusing = (data as { refusingUnitCode?: string }).refusingUnitCode;
    for (const code of [data.unitCode, refusing]) if (code) refused.add(code);
    complaint.refusedUnits = [...refused];
    complaint.bounceCount = Math.max(data.bounceCount, complaint.bounceCount + 1);
    complaint.updatedAt = this.clock.now();
    await this.disposition.dispose(tx, complaint, 'reassign-requested', envelope);
  }
}
