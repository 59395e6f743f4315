import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TicketReassignRequestedV1, type TicketReassignRequested } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, PermanentEventError, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { RoutingKnowledge } from '../knowledge/routing-knowledge';
import { ComplaintRepository } from '../persistence/complaint.repository';
import type { ComplaintRow } from '../persistence/routing.entities';
import { DispositionBatch, DispositionService } from './disposition.service';

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

  /**
   * The batch's complaints are read (and locked) in one query and folded in offset order: a
   * complaint bounced twice in one batch is re-disposed twice, as it would be one by one, and
   * stored once.
   */
  async handleBatch(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    const requests = events.filter((e) => isEvent(e, TicketReassignRequestedV1));
    if (requests.length === 0) return;
    const complaints = await new ComplaintRepository(tx).findMany([...new Set(requests.map((e) => e.data.ticketId))], true);
    const knowledge = await this.knowledge.load(tx);
    const batch = new DispositionBatch();
    for (const { data, envelope } of requests) {
      const complaint = complaints.get(data.ticketId);
      // Retrying cannot help: without the complaint's text there is nothing to route. The dead letter
      // can be replayed once the complaint.received that was missed has been consumed.
      if (!complaint) throw new PermanentEventError(`complaint ${data.ticketId} unknown to routing: cannot re-dispose it`);
      this.refused(complaint, data);
      batch.changedComplaints.set(complaint.complaintId, complaint);
      this.disposition.dispose(batch, complaint, 'reassign-requested', envelope, knowledge);
    }
    await this.disposition.store(tx, batch);
  }

  private refused(complaint: ComplaintRow, data: TicketReassignRequested): void {
    const refused = new Set([...complaint.refusedUnits, ...data.refusedUnits]);
    // Desk names the refusing unit in unitCode (and, in newer events, refusingUnitCode).
    const refusing = (data as { refusingUnitCode?: string }).refusingUnitCode;
    for (const code of [data.unitCode, refusing]) if (code) refused.add(code);
    complaint.refusedUnits = [...refused];
    complaint.bounceCount = Math.max(data.bounceCount, complaint.bounceCount + 1);
    complaint.updatedAt = this.clock.now();
  }
}
