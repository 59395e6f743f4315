import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ComplaintReceivedV1, type ComplaintReceived } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { complaintDocument } from '@bekasi/routing-domain';
import { RoutingKnowledge, type RoutingKnowledgeSnapshot } from '../knowledge/routing-knowledge';
import { ComplaintRepository } from '../persistence/complaint.repository';
import type { ComplaintRow } from '../persistence/routing.entities';
import { LearntUnits } from '../units/learnt-units';
import { DispositionBatch, DispositionService } from './disposition.service';

/**
 * New complaints: keep what routing needs of each and dispose it. Back-filled history is not routed
 * (it was disposed long ago in SP4N-LAPOR!) but teaches the model: its "Instansi Terdisposisi" is
 * the label, and a label that names no known unit becomes a provisional unit for the admin to
 * confirm, so no labelled complaint is lost.
 *
 * A Kafka batch is applied as a whole: one query finds the complaints routing already keeps, the
 * knowledge (rules, places, model) is loaded once, every decision is taken in memory (each
 * complaint's features once), the batch's labels are learnt together, and complaints, decisions,
 * training examples and events are each written with one statement.
 */
@Injectable()
export class ComplaintReceivedHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly disposition: DispositionService,
    private readonly knowledge: RoutingKnowledge,
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
    const received = events.filter((e) => isEvent(e, ComplaintReceivedV1));
    if (received.length === 0) return;
    // The ledger stops a redelivered event; this stops the same complaint announced twice under
    // two event ids (an intake retry), in earlier batches or in this one: one complaint, one
    // decision. Both carry the complaint id as key, so they arrive in order on one partition.
    const kept = await new ComplaintRepository(tx).existing(received.map((e) => e.data.complaintId));
    const fresh = received.filter((e) => !kept.has(e.data.complaintId) && kept.add(e.data.complaintId));
    if (fresh.length === 0) return;
    const knowledge = await this.knowledge.load(tx);
    const now = this.clock.now();
    const batch = new DispositionBatch();
    const history: ComplaintReceived[] = [];
    for (const { data, envelope } of fresh) {
      const complaint = complaintOf(data, now);
      batch.newComplaints.push(complaint);
      if (data.historical) history.push(data);
      else this.disposition.dispose(batch, complaint, 'complaint-received', envelope, knowledge);
    }
    await this.learnFromHistory(tx, batch, history, knowledge);
    await this.disposition.store(tx, batch);
  }

  /** Each historical complaint's label (the unit it names, learnt if new) becomes a training example. */
  private async learnFromHistory(tx: EntityManager, batch: DispositionBatch, history: readonly ComplaintReceived[], knowledge: RoutingKnowledgeSnapshot) {
    if (history.length === 0) return;
    const unitCodes = new Set(knowledge.units.map((u) => u.code));
    const knownUnit = (data: ComplaintReceived) => {
      const code = data.historicalDisposition?.unitCode;
      return code && unitCodes.has(code) ? code : null;
    };
    const labels = history.flatMap((data) => (!knownUnit(data) && data.historicalDisposition?.unitName ? [data.historicalDisposition.unitName] : []));
    const learnt = await this.learntUnits.unitsForLabels(tx, labels, knowledge);
    for (const data of history) {
      const label = data.historicalDisposition?.unitName;
      const unitCode = knownUnit(data) ?? (label ? learnt.get(label.trim()) : undefined);
      if (!unitCode) continue;
      batch.examples.push({
        complaintId: data.complaintId,
        text: complaintDocument(data.title, data.text),
        category: data.category,
        classification: data.classification,
        unitCode,
        source: 'history',
        receivedAt: new Date(data.receivedAt),
      });
    }
  }
}

function complaintOf(data: ComplaintReceived, now: Date): ComplaintRow {
  return {
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
    source: data.source,
    externalId: data.externalId,
    historical: data.historical,
    status: data.historical ? 'historical' : 'received',
    unitCode: null,
    kecamatanCode: null,
    bounceCount: 0,
    refusedUnits: [],
    createdAt: now,
    updatedAt: now,
  };
}
