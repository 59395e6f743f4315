import { Inject, Injectable } from '@nestjs/common';
import { ComplaintReceivedV1, type ComplaintReceived } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, type EventContext } from '@bekasi/messaging';
import { UnitNameMatcher } from '@bekasi/indonesian-text';
import { complaintDocument } from '@bekasi/routing-domain';
import { ComplaintRow } from '../persistence/routing.entities';
import { TrainingExamples } from '../training/training-examples';
import { DispositionService } from './disposition.service';

const REGISTRY = UnitNameMatcher.forRegency();

/**
 * A new complaint: keep what routing needs of it and dispose it. Back-filled history is not routed
 * (it was disposed long ago in SP4N-LAPOR!) but teaches the model: its "Instansi Terdisposisi" is
 * the label.
 */
@Injectable()
export class ComplaintReceivedHandler {
  constructor(
    consumer: EventConsumer,
    private readonly disposition: DispositionService,
    private readonly trainingExamples: TrainingExamples,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    consumer.on(ComplaintReceivedV1, (data, ctx) => this.handle(data, ctx));
  }

  async handle(data: ComplaintReceived, { tx, envelope }: EventContext): Promise<void> {
    const now = this.clock.now();
    const complaint = tx.getRepository(ComplaintRow).create({
      complaintId: data.complaintId,
      trackingId: data.trackingId,
      title: data.title,
      text: data.text,
      category: data.category,
      classification: data.classification,
      receivedAt: new Date(data.receivedAt),
      anonymous: data.anonymous,
      confidential: data.confidential,
      channel: data.channel,
      priority: data.priority,
      historical: data.historical,
      status: data.historical ? 'historical' : 'received',
      unitCode: null,
      kecamatanCode: null,
      bounceCount: 0,
      refusedUnits: [],
      createdAt: now,
      updatedAt: now,
    });
    // The ledger stops a redelivered event; this stops the same complaint announced twice under
    // two event ids (an intake retry): one complaint, one decision. Both carry the complaint id as
    // key, so they arrive in order on one partition.
    if (await tx.getRepository(ComplaintRow).existsBy({ complaintId: data.complaintId })) return;
    await tx.getRepository(ComplaintRow).insert(complaint);

    if (data.historical) {
      const disposition = data.historicalDisposition;
      const unitCode = disposition?.unitCode ?? (disposition?.unitName ? REGISTRY.match(disposition.unitName) : null);
      if (unitCode) {
        await this.trainingExamples.record(
          tx,
          {
            complaintId: data.complaintId,
            text: complaintDocument(data.title, data.text),
            category: data.category,
            unitCode,
            source: 'history',
            receivedAt: new Date(data.receivedAt),
          },
          this.clock,
        );
      }
      return;
    }
    await this.disposition.dispose(tx, complaint, 'complaint-received', envelope);
  }
}
