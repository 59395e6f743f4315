import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ComplaintReceivedV1, type ComplaintReceived, type EventEnvelope } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { complaintDocument } from '@bekasi/routing-domain';
import { RoutingKnowledge, type RoutingKnowledgeSnapshot } from '../knowledge/routing-knowledge';
import { ComplaintRow } from '../persistence/routing.entities';
import { TrainingExamples } from '../training/training-examples';
import { LearntUnits } from '../units/learnt-units';
import { DispositionService } from './disposition.service';

/**
 * New complaints: keep what routing needs of each and dispose it. Back-filled history is not routed
 * (it was disposed long ago in SP4N-LAPOR!) but teaches the model: its "Instansi Terdisposisi" is
 * the label, and a label that names no known unit becomes a provisional unit for the admin to
 * confirm, so no labelled complaint is lost. The knowledge (rules, places, model) is loaded once
 * per batch; each complaint's features are computed once, in its decision.
 */
@Injectable()
export class ComplaintReceivedHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly disposition: DispositionService,
    private readonly knowledge: RoutingKnowledge,
    private readonly trainingExamples: TrainingExamples,
    private readonly learntUnits: LearntUnits,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.consumer.onBatch({
      name: 'routing.complaint-received',
      events: [ComplaintReceivedV1],
      handle: (events, ctx) => this.handleBatch(events, ctx),
    });
  }

  async handleBatch(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    let knowledge: RoutingKnowledgeSnapshot | null = null;
    for (const event of events) {
      if (!isEvent(event, ComplaintReceivedV1)) continue;
      knowledge ??= await this.knowledge.load(tx);
      const created = await this.handle(tx, event.data, event.envelope, knowledge);
      // A unit learnt from this complaint's label must be known to the next one.
      if (created) knowledge = await this.knowledge.load(tx);
    }
  }

  /** True when a provisional unit was created. */
  private async handle(tx: EntityManager, data: ComplaintReceived, envelope: EventEnvelope, knowledge: RoutingKnowledgeSnapshot): Promise<boolean> {
    const now = this.clock.now();
    // The ledger stops a redelivered event; this stops the same complaint announced twice under
    // two event ids (an intake retry): one complaint, one decision. Both carry the complaint id as
    // key, so they arrive in order on one partition.
    if (await tx.getRepository(ComplaintRow).existsBy({ complaintId: data.complaintId })) return false;
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
    await tx.getRepository(ComplaintRow).insert(complaint);

    if (!data.historical) {
      await this.disposition.dispose(tx, complaint, 'complaint-received', envelope, knowledge);
      return false;
    }
    const disposition = data.historicalDisposition;
    let unitCode = disposition?.unitCode && knowledge.units.some((u) => u.code === disposition.unitCode) ? disposition.unitCode : null;
    let created = false;
    if (!unitCode && disposition?.unitName) {
      const learnt = await this.learntUnits.unitForLabel(tx, disposition.unitName, knowledge);
      unitCode = learnt?.unitCode ?? null;
      created = learnt?.created ?? false;
    }
    if (unitCode) {
      await this.trainingExamples.record(
        tx,
        {
          complaintId: data.complaintId,
          text: complaintDocument(data.title, data.text),
          category: data.category,
          classification: data.classification,
          unitCode,
          source: 'history',
          receivedAt: new Date(data.receivedAt),
        },
        this.clock,
      );
    }
    return created;
  }
}
