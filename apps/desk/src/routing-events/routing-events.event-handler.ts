import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  ComplaintTriageRequiredV1,
  SlaBreachedV1,
  TicketRoutedV1,
  type ComplaintTriageRequired,
  type EventEnvelope,
  type SlaBreached,
  type TicketRouted,
} from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, PermanentEventError, type EventContext } from '@bekasi/messaging';
import { LOGGER, type AppLogger } from '@bekasi/platform';
import { decide, receiveTicket, staleBreachReason, type TicketCommand, type TicketDecision } from '@bekasi/tickets-domain';
import type { UnitSuggestion } from '@bekasi/desk-client';
import { TicketRepository, type ComplaintFacts, type TicketRecord } from '../persistence/ticket.repository';
import { TicketEventPublisher } from '../tickets/ticket-event.publisher';

type ComplaintSummary = TicketRouted['complaint'];

function factsOf(complaint: ComplaintSummary, kecamatanCode: string | null): ComplaintFacts {
  return {
    trackingId: complaint.trackingId,
    title: complaint.title,
    text: complaint.text,
    category: complaint.category,
    classification: complaint.classification,
    kecamatanCode,
    anonymous: complaint.anonymous,
    confidential: complaint.confidential,
    channel: complaint.channel,
    priority: complaint.priority,
  };
}

interface RoutingOutcome {
  readonly decisionId: string;
  readonly command: TicketCommand;
  readonly complaint: ComplaintSummary;
  readonly kecamatanCode: string | null;
  readonly triage?: { reason: string; suggestions: UnitSuggestion[] };
}

const ROUTING = { role: 'system' as const, userId: 'routing' };
/** The SLA service's auto-close, acting on its own authority ("Ditutup oleh Sistem"). */
const SLA_AUTO_CLOSE = { role: 'system' as const, userId: 'sla-auto-close' };
const AUTO_CLOSE_REASON = 'Ditutup otomatis oleh sistem: pelapor tidak menanggapi tindak lanjut hingga batas waktu yang ditentukan.';

/**
 * Routing's decisions become tickets: `ticket.routed` opens the ticket in the unit's inbox (or
 * re-assigns it after "bukan kewenangan"), `complaint.triage-required` queues it for the LAPOR
 * admin. Redelivery is harmless twice over: the consumer's ledger skips a seen event id, and a
 * decision already applied to the ticket (same decision id) is skipped too. `sla.breached` marks
 * the ticket overdue, or closes it as the system when the reporter let the auto-close countdown run out.
 */
@Injectable()
export class RoutingEventsHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly publisher: TicketEventPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit() {
    this.consumer.on(TicketRoutedV1, (data, ctx) => this.onRouted(data, ctx));
    this.consumer.on(ComplaintTriageRequiredV1, (data, ctx) => this.onTriageRequired(data, ctx));
    this.consumer.on(SlaBreachedV1, (data, ctx) => this.onSlaBreached(data, ctx));
  }

  onRouted(data: TicketRouted, ctx: EventContext) {
    const reason = data.reasons.map((r) => r.text).join('; ') || undefined;
    return this.applyRouting(data.ticketId, { decisionId: data.decisionId, command: { type: 'route', unitCode: data.unitCode, reason }, complaint: data.complaint, kecamatanCode: data.kecamatanCode }, ctx);
  }

  onTriageRequired(data: ComplaintTriageRequired, ctx: EventContext) {
    return this.applyRouting(
      data.complaintId,
      {
        decisionId: data.decisionId,
        command: { type: 'send_to_triage', reason: data.reason },
        complaint: data.complaint,
        kecamatanCode: data.kecamatanCode,
        triage: { reason: data.reason, suggestions: data.suggestions },
      },
      ctx,
    );
  }

  /**
   * A missed deadline. `auto-close` means the reporter let the countdown after the unit's answer run
   * out: the system closes the ticket ("Ditutup oleh Sistem"), which is nobody's lateness. Any other
   * kind marks the ticket overdue for the unit's inbox. A breach that no longer fits the ticket (it
   * moved on since the SLA service computed the deadline) is stale and changes nothing; so is a
   * second breach after the first one already took effect.
   */
  async onSlaBreached(data: SlaBreached, { tx, envelope }: EventContext) {
    const repo = new TicketRepository(tx);
    const record = await repo.find(data.ticketId, undefined, true);
    const stale = record ? staleBreachReason(record.snapshot, { ...data, deadlineAt: new Date(data.deadlineAt) }) : 'unknown ticket';
    if (stale !== null) {
      this.logger.info({ ticketId: data.ticketId, deadlineKind: data.deadlineKind, unitCode: data.unitCode, status: record?.snapshot.status, why: stale }, 'stale sla.breached ignored');
      return;
    }
    if (data.deadlineKind === 'auto-close') return this.autoClose(tx, record!, data, envelope);
    await repo.markOverdue(data.ticketId, new Date(data.breachedAt));
  }

  private async autoClose(tx: EntityManager, record: TicketRecord, data: SlaBreached, envelope: EventEnvelope): Promise<void> {
    const command: TicketCommand = { type: 'close', reason: AUTO_CLOSE_REASON };
    const result = decide(record.snapshot, command, SLA_AUTO_CLOSE, this.clock.now());
    if (!result.ok) throw new PermanentEventError(`auto-close refused on ticket ${record.snapshot.id}: ${result.error.message.en}`);
    const decision = result.value;
    const repo = new TicketRepository(tx);
    if (!(await repo.update(decision.ticket, record.snapshot.version))) throw new Error(`ticket ${record.snapshot.id} changed while it was auto-closed; retrying`);
    await repo.appendAudit(decision.audit);
    await this.publisher.publish(tx, decision.events, {
      complaint: record.complaint,
      receivedAt: record.snapshot.receivedAt,
      reason: decision.audit.reason,
      causedBy: envelope,
    });
    this.logger.info({ ticketId: record.snapshot.id, deadlineAt: data.deadlineAt, policyVersion: data.policyVersion }, 'ticket closed by the system: no reply from the reporter');
  }

  private async applyRouting(ticketId: string, outcome: RoutingOutcome, { tx, envelope }: EventContext): Promise<void> {
    const repo = new TicketRepository(tx);
    const existing = await repo.find(ticketId, undefined, true);
    if (!existing) return this.openTicket(tx, ticketId, outcome, envelope);
    if (existing.lastDecisionId === outcome.decisionId) return; // the same decision, published again
    if (outcome.triage && existing.snapshot.status === 'triage') {
      // Routing looked again and still cannot decide: refresh the admin's suggestions, nothing moves.
      await repo.update(existing.snapshot, existing.snapshot.version, { triageReason: outcome.triage.reason, triageSuggestions: outcome.triage.suggestions, lastDecisionId: outcome.decisionId });
      return;
    }
    const result = decide(existing.snapshot, outcome.command, ROUTING, this.clock.now());
    if (!result.ok) {
      if (result.error.code === 'SAME_UNIT') return; // the admin already sent it there
      throw new PermanentEventError(`routing decision ${outcome.decisionId} refused on ticket ${ticketId}: ${result.error.message.en}`);
    }
    await this.store(tx, existing, result.value, outcome, envelope);
  }

  private async openTicket(tx: EntityManager, ticketId: string, outcome: RoutingOutcome, envelope: EventEnvelope): Promise<void> {
    const now = this.clock.now();
    const received = receiveTicket({ ticketId, receivedAt: new Date(outcome.complaint.receivedAt) }, { role: 'system', userId: 'desk' }, now);
    const record: TicketRecord = {
      snapshot: received.ticket,
      complaint: factsOf(outcome.complaint, outcome.kecamatanCode),
      triageReason: null,
      triageSuggestions: [],
      lastDecisionId: null,
      overdueSince: null,
    };
    const routed = decide(received.ticket, outcome.command, ROUTING, now);
    if (!routed.ok) throw new PermanentEventError(`a new ticket refused ${outcome.command.type}: ${routed.error.message.en}`);
    const repo = new TicketRepository(tx);
    await repo.insert(record);
    await repo.appendAudit(received.audit);
    await this.publisher.publish(tx, received.events, { complaint: record.complaint, receivedAt: received.ticket.receivedAt, causedBy: envelope });
    await this.store(tx, record, routed.value, outcome, envelope);
    this.logger.info({ ticketId, status: routed.value.ticket.status, unitCode: routed.value.ticket.unitCode }, 'ticket opened');
  }

  private async store(tx: EntityManager, record: TicketRecord, decision: TicketDecision, outcome: RoutingOutcome, envelope: EventEnvelope) {
    const repo = new TicketRepository(tx);
    const stored = await repo.update(decision.ticket, record.snapshot.version, {
      lastDecisionId: outcome.decisionId,
      triageReason: outcome.triage?.reason ?? null,
      triageSuggestions: outcome.triage?.suggestions ?? [],
    });
    if (!stored) throw new Error(`ticket ${record.snapshot.id} changed while routing's decision was applied; retrying`);
    await repo.appendAudit(decision.audit);
    await this.publisher.publish(tx, decision.events, {
      complaint: record.complaint,
      receivedAt: record.snapshot.receivedAt,
      decisionId: outcome.decisionId,
      reason: decision.audit.reason,
      triageSuggestions: outcome.triage?.suggestions,
      causedBy: envelope,
    });
  }
}
