import { Inject, Injectable } from '@nestjs/common';
import { TicketAssignedV1, type EventData } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, type EventContext } from '@bekasi/messaging';
import { complaintDocument } from '@bekasi/routing-domain';
import { ComplaintRow } from '../persistence/routing.entities';
import { TrainingExamples } from './training-examples';

type TicketAssigned = EventData<typeof TicketAssignedV1>;

/**
 * The LAPOR admin disposed a complaint in desk (triage): the admin's choice is the best label the
 * router can get, so it becomes a training example. Automatic assignments teach nothing new.
 */
@Injectable()
export class AdminDispositionHandler {
  constructor(
    consumer: EventConsumer,
    private readonly trainingExamples: TrainingExamples,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    consumer.on(TicketAssignedV1, (data, ctx) => this.handle(data, ctx));
  }

  async handle(data: TicketAssigned, { tx }: EventContext): Promise<void> {
    if (data.routedBy !== 'admin' || !data.unitCode) return;
    const complaint = await tx.getRepository(ComplaintRow).findOneBy({ complaintId: data.ticketId });
    if (!complaint || complaint.historical) return;
    await this.trainingExamples.record(
      tx,
      {
        complaintId: complaint.complaintId,
        text: complaintDocument(complaint.title, complaint.text),
        category: complaint.category,
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
