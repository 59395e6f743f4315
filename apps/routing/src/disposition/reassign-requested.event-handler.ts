import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketReassignRequestedV1, type EventEnvelope, type TicketReassignRequested } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, PermanentEventError, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { RoutingKnowledge } from '../knowledge/routing-knowledge';
import { ComplaintRow } from '../persistence/routing.entities';
import { DispositionService } from './disposition.service';

/**
 * Re-disposisi: a unit answered "bukan kewenangan". Routing chooses again among the units that
 * have not refused; from the second bounce on the domain sends it to the admin.
 */
@Injectable()
export class ReassignRequestedHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly disposition: DispositionService,
    private readonly knowledge: RoutingKnowledge,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.consumer.onBatch({
      name: 'routing.reassign-requested',
      events: [TicketReassignRequestedV1],
      handle: (events, ctx) => this.handleBatch(events, ctx),
    });
  }

  /** In offset order: a complaint bounced twice in one batch is re-disposed twice, as it would be one by one. */
  async handleBatch(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    for (const event of events) if (isEvent(event, TicketReassignRequestedV1)) await this.handle(tx, event.data, event.envelope);
  }

  private async handle(tx: EntityManager, data: TicketReassignRequested, envelope: EventEnvelope): Promise<void> {
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
    await this.disposition.dispose(tx, complaint, 'reassign-requested', envelope, await this.knowledge.load(tx));
  }
}
