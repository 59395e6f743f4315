// Disposisi as a use case: decide (domain), store the decision with everything that explains it,
// update what routing knows of the complaint, and publish the outcome, all in one transaction.
import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintTriageRequiredV1, TicketRoutedV1, type EventEnvelope } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxRelay, OutboxWriter } from '@bekasi/messaging';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { complaintDocument, currentUnitCode, decideDisposition, unitLabel, type DispositionDecision } from '@bekasi/routing-domain';
import { ComplaintRow, DispositionDecisionRow } from '../persistence/routing.entities';
import { RoutingKnowledge, type RoutingKnowledgeSnapshot } from '../knowledge/routing-knowledge';
import type { RoutingConfig } from '../routing.config';
import { TrainingExamples } from '../training/training-examples';
import { contractReasonOf, roundScore, summaryOf, type AdminReason } from './decision-mapping';

export type DecisionTrigger = 'complaint-received' | 'reassign-requested' | 'admin';

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
   * Decides for `complaint` (already updated with its refusals and bounce count) and publishes the
   * outcome. A batch passes the knowledge it loaded once for all its complaints.
   */
  async dispose(
    tx: EntityManager,
    complaint: ComplaintRow,
    trigger: DecisionTrigger,
    causedBy: EventEnvelope,
    knowledge?: RoutingKnowledgeSnapshot,
  ): Promise<DispositionDecisionRow> {
    knowledge ??= await this.knowledge.load(tx);
    const threshold = this.config.ROUTING_AUTO_THRESHOLD ?? knowledge.validatedThreshold;
    const decision = decideDisposition({
      complaint: { title: complaint.title, text: complaint.text, category: complaint.category, classification: complaint.classification },
      rules: knowledge.ruleEngine,
      gazetteer: knowledge.gazetteer,
      model: knowledge.model,
      excludeUnits: complaint.refusedUnits,
      bounceCount: complaint.bounceCount,
      autoRouteThreshold: threshold,
      units: knowledge.units,
      unitRedirects: knowledge.unitRedirects,
      manualOnlyUnits: knowledge.manualOnlyUnits,
      weights: { rules: knowledge.ruleWeight, model: 1 - knowledge.ruleWeight },
    });
    const row = await this.store(tx, complaint, trigger, decision, {
      routedBy: decision.outcome === 'route' ? 'auto' : null,
      modelVersion: knowledge.modelVersion,
      ruleSetVersion: knowledge.ruleSetVersion,
      threshold,
    });
    const reasons = decision.reasons.map(contractReasonOf);
    if (decision.outcome === 'route') {
      await this.outbox.append(
        tx,
        TicketRoutedV1,
        {
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
        },
        { subject: complaint.complaintId, causedBy },
      );
    } else {
      const policy = [...decision.reasons].reverse().find((r) => r.source === 'policy');
      await this.outbox.append(
        tx,
        ComplaintTriageRequiredV1,
        {
          complaintId: complaint.complaintId,
          decisionId: row.id,
          reason: policy?.text ?? 'Perlu ditinjau admin',
          suggestions: row.alternatives,
          kecamatanCode: decision.kecamatanCode,
          refusedUnits: complaint.refusedUnits,
          bounceCount: complaint.bounceCount,
          complaint: summaryOf(complaint),
        },
        { subject: complaint.complaintId, causedBy },
      );
    }
    return row;
  }

  /**
   * The LAPOR admin disposes a complaint directly (triage, or overruling the router). The admin
   * role is enforced by the gateway in front of this service; here the input is checked against
   * what routing knows: the complaint and an active unit that has not refused it.
   */
  async recordAdminDisposition(complaintId: string, unitCode: string, note: string | null): Promise<DispositionDecisionRow> {
    const row = await this.dataSource.transaction(async (tx) => {
      const complaint = await tx.getRepository(ComplaintRow).findOne({ where: { complaintId }, lock: { mode: 'pessimistic_write' } });
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
      const decision = await this.store(
        tx,
        complaint,
        'admin',
        { outcome: 'route', unitCode, confidence: 1, kecamatanCode, reasons, alternatives: [], suggestions: [] },
        { routedBy: 'admin', modelVersion: knowledge.modelVersion, ruleSetVersion: knowledge.ruleSetVersion, threshold: null },
      );
      await this.trainingExamples.record(
        tx,
        {
          complaintId,
          text: complaintDocument(complaint.title, complaint.text),
          category: complaint.category,
          classification: complaint.classification,
          unitCode,
          source: 'admin',
          receivedAt: complaint.receivedAt,
        },
        this.clock,
      );
      await this.outbox.append(
        tx,
        TicketRoutedV1,
        {
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
        },
        { subject: complaintId },
      );
      return decision;
    });
    this.relay.nudge();
    return row;
  }

  async decisionsOf(complaintId: string): Promise<DispositionDecisionRow[]> {
    const decisions = await this.dataSource.getRepository(DispositionDecisionRow).find({ where: { complaintId }, order: { seq: 'ASC' } });
    if (decisions.length === 0 && !(await this.dataSource.getRepository(ComplaintRow).existsBy({ complaintId }))) {
      throw new NotFoundException(`Laporan ${complaintId} tidak dikenal oleh layanan disposisi`);
    }
    return decisions;
  }

  private async store(
    tx: EntityManager,
    complaint: ComplaintRow,
    trigger: DecisionTrigger,
    decision: Pick<DispositionDecision, 'outcome' | 'unitCode' | 'confidence' | 'kecamatanCode' | 'alternatives' | 'suggestions'> & { reasons: unknown[] },
    provenance: { routedBy: 'auto' | 'admin' | null; modelVersion: number | null; ruleSetVersion: number; threshold: number | null },
  ): Promise<DispositionDecisionRow> {
    const now = this.clock.now();
    const row = tx.getRepository(DispositionDecisionRow).create({
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
    });
    await tx.getRepository(DispositionDecisionRow).save(row);
    complaint.status = decision.outcome === 'route' ? 'routed' : 'triage';
    complaint.unitCode = decision.unitCode ?? null;
    complaint.kecamatanCode = decision.kecamatanCode ?? complaint.kecamatanCode;
    complaint.updatedAt = now;
    await tx.getRepository(ComplaintRow).save(complaint);
    return row;
  }
}
