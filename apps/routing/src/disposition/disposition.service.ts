// Disposisi as a use case: decide (domain), store the decision with everything that explains it,
// update what routing knows of the complaint, and publish the outcome, all in one transaction.
// Decisions are folded into a DispositionBatch in memory and stored with one statement per table,
// whether the batch holds a Kafka batch's hundreds of complaints or the admin's one.
import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintTriageRequiredV1, TicketRoutedV1, type EventData, type EventDefinition, type EventEnvelope } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxRelay, OutboxWriter, type AppendOptions, type OutboxItem } from '@bekasi/messaging';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { complaintDocument, currentUnitCode, decideDisposition, unitLabel, type DispositionDecision } from '@bekasi/routing-domain';
import { ComplaintRepository } from '../persistence/complaint.repository';
import { DecisionRepository, type DecisionRecord } from '../persistence/decision.repository';
import type { ComplaintRow } from '../persistence/routing.entities';
import { decisionPolicy, RoutingKnowledge, type RoutingKnowledgeSnapshot } from '../knowledge/routing-knowledge';
import type { RoutingConfig } from '../routing.config';
import { adminExampleOf, TrainingExamples, type TrainingExampleInput } from '../training/training-examples';
import { contractReasonOf, roundScore, summaryOf, type AdminReason } from './decision-mapping';

export type DecisionTrigger = 'complaint-received' | 'reassign-requested' | 'admin';

/**
 * What a transaction's dispositions write: complaints new to routing (inserted once, in their final
 * state), complaints it already kept (updated once), decisions, training examples and events, in
 * the order they were decided.
 */
export class DispositionBatch {
  readonly newComplaints: ComplaintRow[] = [];
  readonly changedComplaints = new Map<string, ComplaintRow>();
  readonly decisions: DecisionRecord[] = [];
  readonly examples: TrainingExampleInput[] = [];
  readonly events: OutboxItem[] = [];
}

type DecisionOutcome = Pick<DispositionDecision, 'outcome' | 'unitCode' | 'confidence' | 'kecamatanCode' | 'alternatives' | 'suggestions'> & { reasons: unknown[] };
/** An event for the batch's outbox, its data checked against its definition here. */
const eventOf = <D extends EventDefinition>(definition: D, data: EventData<D>, options: AppendOptions): OutboxItem => ({ definition, data, options });

interface Provenance {
  routedBy: 'auto' | 'admin' | null;
  modelVersion: number | null;
  ruleSetVersion: number;
  threshold: number | null;
}

@Injectable()
export class DispositionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly knowledge: RoutingKnowledge,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly trainingExamples: TrainingExamples,
    @Inject(SERVICE_CONFIG) private readonly config: RoutingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Decides for `complaint` (already updated with its refusals and bounce count, and already in
   * `batch` as new or changed) in memory: the complaint takes the outcome, the decision and its
   * event join the batch.
   */
  dispose(batch: DispositionBatch, complaint: ComplaintRow, trigger: DecisionTrigger, causedBy: EventEnvelope, knowledge: RoutingKnowledgeSnapshot): DecisionRecord {
    const policy = decisionPolicy(knowledge, this.config.ROUTING_AUTO_THRESHOLD);
    const decision = decideDisposition({
      ...policy,
      complaint: { title: complaint.title, text: complaint.text, category: complaint.category, classification: complaint.classification },
      excludeUnits: complaint.refusedUnits,
      bounceCount: complaint.bounceCount,
    });
    const row = this.record(batch, complaint, trigger, decision, {
      routedBy: decision.outcome === 'route' ? 'auto' : null,
      modelVersion: knowledge.modelVersion,
      ruleSetVersion: knowledge.ruleSetVersion,
      threshold: decision.threshold,
    });
    const reasons = decision.reasons.map(contractReasonOf);
    if (decision.outcome === 'route') {
      batch.events.push(
        eventOf(TicketRoutedV1, {
          ticketId: complaint.complaintId,
          decisionId: row.id,
          unitCode: decision.unitCode!,
          kecamatanCode: decision.kecamatanCode,
          confidence: roundScore(decision.confidence),
          routedBy: 'auto',
          reasons,
          alternatives: row.alternatives,
          bounceCount: complaint.bounceCount,
          complaint: summaryOf(complaint),
        }, { subject: complaint.complaintId, causedBy }),
      );
    } else {
      const policy = [...decision.reasons].reverse().find((r) => r.source === 'policy');
      batch.events.push(
        eventOf(ComplaintTriageRequiredV1, {
          complaintId: complaint.complaintId,
          decisionId: row.id,
          reason: policy?.text ?? 'Perlu ditinjau admin',
          suggestions: row.alternatives,
          kecamatanCode: decision.kecamatanCode,
          refusedUnits: complaint.refusedUnits,
          bounceCount: complaint.bounceCount,
          complaint: summaryOf(complaint),
        }, { subject: complaint.complaintId, causedBy }),
      );
    }
    return row;
  }

  /** Writes what the batch holds: one statement per table, the events last (in decision order). */
  async store(tx: EntityManager, batch: DispositionBatch): Promise<void> {
    const complaints = new ComplaintRepository(tx);
    await complaints.insertMany(batch.newComplaints);
    await complaints.updateMany([...batch.changedComplaints.values()]);
    await new DecisionRepository(tx).insertMany(batch.decisions);
    await this.trainingExamples.recordMany(tx, batch.examples, this.clock);
    await this.outbox.appendMany(tx, batch.events);
  }

  /**
   * The LAPOR admin disposes a complaint directly (triage, or overruling the router). The admin
   * role is enforced by the gateway in front of this service; here the input is checked against
   * what routing knows: the complaint and an active unit that has not refused it.
   */
  async recordAdminDisposition(complaintId: string, unitCode: string, note: string | null): Promise<DecisionRecord> {
    const row = await this.dataSource.transaction(async (tx) => {
      const complaint = await new ComplaintRepository(tx).find(complaintId, true);
      if (!complaint) throw new NotFoundException(`Laporan ${complaintId} tidak dikenal oleh layanan disposisi`);
      if (complaint.historical) throw new BadRequestException('Laporan riwayat (impor) tidak didisposisikan ulang');
      const knowledge = await this.knowledge.load(tx);
      if (!knowledge.units.some((u) => u.code === unitCode)) throw new BadRequestException(`Unit ${unitCode} tidak dikenal`);
      if (!knowledge.activeUnitCodes.has(unitCode)) {
        const successor = currentUnitCode(unitCode, knowledge.unitRedirects);
        throw new BadRequestException(
          successor ? `Unit ${unitCode} sudah tidak aktif; gunakan ${successor}` : `Unit ${unitCode} sudah tidak aktif`,
        );
      }
      const label = unitLabel(unitCode, knowledge.units);
      const reasons: AdminReason[] = [
        { source: 'admin', unitCode, text: `Didisposisikan oleh admin LAPOR! ke ${label}${note ? `: ${note}` : ''}` },
      ];
      const place = knowledge.gazetteer.primaryKecamatan(complaintDocument(complaint.title, complaint.text));
      const kecamatanCode = place?.kecamatanCode ?? complaint.kecamatanCode;
      const batch = new DispositionBatch();
      batch.changedComplaints.set(complaintId, complaint);
      const decision = this.record(
        batch,
        complaint,
        'admin',
        { outcome: 'route', unitCode, confidence: 1, kecamatanCode, reasons, alternatives: [], suggestions: [] },
        { routedBy: 'admin', modelVersion: knowledge.modelVersion, ruleSetVersion: knowledge.ruleSetVersion, threshold: null },
      );
      batch.examples.push(adminExampleOf(complaint, unitCode));
      batch.events.push(
        eventOf(TicketRoutedV1, {
          ticketId: complaintId,
          decisionId: decision.id,
          unitCode,
          kecamatanCode,
          confidence: 1,
          routedBy: 'admin',
          reasons: reasons.map((r) => ({ source: 'admin' as const, text: r.text, unitCode: r.unitCode })),
          alternatives: [],
          bounceCount: complaint.bounceCount,
          complaint: summaryOf(complaint),
        }, { subject: complaintId }),
      );
      await this.store(tx, batch);
      return decision;
    });
    this.relay.nudge();
    return row;
  }

  async decisionsOf(complaintId: string): Promise<DecisionRecord[]> {
    const manager = this.dataSource.manager;
    const decisions = await new DecisionRepository(manager).ofComplaint(complaintId);
    if (decisions.length === 0 && !(await new ComplaintRepository(manager).exists(complaintId))) {
      throw new NotFoundException(`Laporan ${complaintId} tidak dikenal oleh layanan disposisi`);
    }
    return decisions;
  }

  /** The decision joins the batch and the complaint takes its outcome. */
  private record(batch: DispositionBatch, complaint: ComplaintRow, trigger: DecisionTrigger, decision: DecisionOutcome, provenance: Provenance): DecisionRecord {
    const now = this.clock.now();
    const row: DecisionRecord = {
      id: randomUUID(),
      complaintId: complaint.complaintId,
      trigger,
      outcome: decision.outcome,
      routedBy: provenance.routedBy,
      unitCode: decision.unitCode ?? null,
      kecamatanCode: decision.kecamatanCode,
      confidence: roundScore(decision.confidence),
      reasons: decision.reasons,
      alternatives: decision.alternatives.map((a) => ({ unitCode: a.unitCode, score: roundScore(a.score) })),
      suggestions: decision.suggestions.map((x) => ({ ...x, confidence: roundScore(x.confidence) })),
      modelVersion: provenance.modelVersion,
      ruleSetVersion: provenance.ruleSetVersion,
      threshold: provenance.threshold,
      bounceCount: complaint.bounceCount,
      createdAt: now,
    };
    batch.decisions.push(row);
    complaint.status = decision.outcome === 'route' ? 'routed' : 'triage';
    complaint.unitCode = decision.unitCode ?? null;
    complaint.kecamatanCode = decision.kecamatanCode ?? complaint.kecamatanCode;
    complaint.updatedAt = now;
    return row;
  }
}
