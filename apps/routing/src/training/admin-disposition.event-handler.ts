import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TicketAssignedV1, type EventData } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { complaintDocument } from '@bekasi/routing-domain';
import { ComplaintRow } from '../persistence/routing.entities';
import { TrainingExamples } from './training-examples';

type TicketAssigned = EventData<typeof TicketAssignedV1>;

/**
 * The LAPOR admin disposed a complaint in desk (triage): the admin's choice is the best label the
 * router can get, so it becomes a training example. Automatic assignments teach nothing new.
 */
@Injectable()
export class AdminDispositionHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly trainingExamples: TrainingExamples,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.consumer.onBatch({
      name: 'routing.admin-disposition',
      events: [TicketAssignedV1],
      handle: (events, ctx) => this.handleBatch(events, ctx),
    });
  }

  async handleBatch(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    for (const event of events) if (isEvent(event, TicketAssignedV1)) await this.handle(tx, event.data);
  }

  private async handle(tx: EntityManager, data: TicketAssigned): Promise<void> {
    if (data.routedBy !== 'admin' || !data.unitCode) return;
    const complaint = await tx.getRepository(ComplaintRow).findOneBy({ complaintId: data.ticketId });
    if (!complaint || complaint.historical) return;
    await this.trainingExamples.record(
      tx,
      {
        complaintId: complaint.complaintId,
        text: complaintDocument(complaint.title, complaint.text),
        category: complaint.category,
        classification: complaint.classification,
        unitCode: data.unitCode,
        source: 'admin',
        receivedAt: complaint.receivedAt,
      },
      this.clock,
    );
    complaint.status = 'routed';
    complaint.unitCode = data.unitCode;
    complaint.kecamatanCode = data.kecamatanCode ?? complaint.kecamatanCode;
    complaint.updatedAt = this.clock.now();
    await tx.getRepository(ComplaintRow).save(complaint);
  }
}
