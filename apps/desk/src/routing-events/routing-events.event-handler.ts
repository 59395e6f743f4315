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
import { EventConsumer, isEvent, OutboxWriter, PermanentEventError, type ConsumedEvent, type OutboxItem } from '@bekasi/messaging';
import { LOGGER, type AppLogger } from '@bekasi/platform';
import { decide, receiveTicket, staleBreachReason, type AuditEntry, type TicketCommand, type TicketDecision } from '@bekasi/tickets-domain';
import type { UnitSuggestion } from '@bekasi/desk-client';
import { isLaporSource } from '@bekasi/intake-domain';
import { TicketOrigins, type TicketOriginRow } from '../lapor-loop/ticket-origins';
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

/** One ticket's state while a batch is folded into it, and what storing it takes. */
interface TicketInBatch {
  record: TicketRecord;
  /** The version read from PostgreSQL; null for a ticket this batch opens. */
  loadedVersion: number | null;
  changed: boolean;
}

/** What a batch writes: tickets (new ones in their final state), audit entries and outbox rows, each in one statement. */
class TicketBatch {
  readonly audits: AuditEntry[] = [];
  readonly outbox: OutboxItem[] = [];
  readonly origins: TicketOriginRow[] = [];

  constructor(readonly tickets: Map<string, TicketInBatch>) {}

  async store(tx: EntityManager, outbox: OutboxWriter): Promise<void> {
    const repo = new TicketRepository(tx);
    const all = [...this.tickets.values()].filter((t) => t.changed);
    await repo.insertMany(all.filter((t) => t.loadedVersion === null).map((t) => t.record));
    const updates = all.filter((t) => t.loadedVersion !== null).map((t) => ({ record: t.record, expectedVersion: t.loadedVersion! }));
    // The rows are locked since they were read, so a miss means a bug, not a race; retried all the same.
    if ((await repo.updateMany(updates)) !== updates.length) throw new Error('a ticket changed while the batch was applied; retrying');
    await repo.appendAuditMany(this.audits.map((entry) => ({ entry })));
    await new TicketOrigins(tx).record(this.origins);
    await outbox.appendMany(tx, this.outbox);
  }
}

/**
 * Routing's decisions become tickets: `ticket.routed` opens the ticket in the unit's inbox (or
 * re-assigns it after "bukan kewenangan"), `complaint.triage-required` queues it for the LAPOR
 * admin. Redelivery is harmless twice over: the consumer's ledger skips a seen event id, and a
 * decision already applied to the ticket (same decision id) is skipped too. `sla.breached` marks
 * the ticket overdue, or closes it as the system when the reporter let the auto-close countdown run out.
 *
 * A batch is folded in memory, ticket by ticket in event order, and stored with a handful of
 * multi-row statements: a ticket opened and routed in the same batch is inserted once, routed.
 * The decisions also say where each ticket came from (its source and SP4N-LAPOR! id, for the views).
 */
@Injectable()
export class RoutingEventsHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly publisher: TicketEventPublisher,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit() {
    this.consumer.onBatch({
      name: 'desk.routing-events',
      events: [TicketRoutedV1, ComplaintTriageRequiredV1, SlaBreachedV1],
      handle: (events, { tx }) => this.handle(tx, events),
    });
  }

  async handle(tx: EntityManager, events: readonly ConsumedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as { ticketId?: string; complaintId?: string }).ticketId ?? (e.data as { complaintId: string }).complaintId))];
    const loaded = await new TicketRepository(tx).findMany(ids, true);
    const batch = new TicketBatch(new Map([...loaded].map(([id, record]) => [id, { record, loadedVersion: record.snapshot.version, changed: false }])));
    for (const e of events) {
      if (isEvent(e, TicketRoutedV1) || isEvent(e, ComplaintTriageRequiredV1)) this.noteOrigin(batch, e.data);
      if (isEvent(e, TicketRoutedV1)) this.onRouted(batch, e.data, e.envelope);
      else if (isEvent(e, ComplaintTriageRequiredV1)) this.onTriageRequired(batch, e.data, e.envelope);
      else if (isEvent(e, SlaBreachedV1)) this.onSlaBreached(batch, e.data, e.envelope);
    }
    await batch.store(tx, this.outbox);
  }

  /**
   * Where the ticket came from, as routing's decision carries it. A decision published before routing
   * carried it (docs/adr/0008) has none: the ticket opens all the same with its origin unknown (null in
   * the views), and the next decision that carries one fills it in; a known origin is never overwritten.
   */
  private noteOrigin(batch: TicketBatch, data: TicketRouted | ComplaintTriageRequired) {
    const { source, externalId } = data.complaint;
    if (!source) return;
    const ticketId = 'ticketId' in data ? data.ticketId : data.complaintId;
    batch.origins.push({ ticketId, source, laporTrackingId: isLaporSource(source) && externalId ? externalId : null });
  }

  private onRouted(batch: TicketBatch, data: TicketRouted, envelope: EventEnvelope) {
    const reason = data.reasons.map((r) => r.text).join('; ') || undefined;
    this.applyRouting(batch, data.ticketId, { decisionId: data.decisionId, command: { type: 'route', unitCode: data.unitCode, reason }, complaint: data.complaint, kecamatanCode: data.kecamatanCode }, envelope);
  }

  private onTriageRequired(batch: TicketBatch, data: ComplaintTriageRequired, envelope: EventEnvelope) {
    this.applyRouting(
      batch,
      data.complaintId,
      {
        decisionId: data.decisionId,
        command: { type: 'send_to_triage', reason: data.reason },
        complaint: data.complaint,
        kecamatanCode: data.kecamatanCode,
        triage: { reason: data.reason, suggestions: data.suggestions },
      },
      envelope,
    );
  }

  /**
   * A missed deadline. `auto-close` means the reporter let the countdown after the unit's answer run
   * out: the system closes the ticket ("Ditutup oleh Sistem"), which is nobody's lateness. Any other
   * kind marks the ticket overdue for the unit's inbox. A breach that no longer fits the ticket (it
   * moved on since the SLA service computed the deadline) is stale and changes nothing; so is a
   * second breach after the first one already took effect.
   */
  private onSlaBreached(batch: TicketBatch, data: SlaBreached, envelope: EventEnvelope) {
    const current = batch.tickets.get(data.ticketId);
    const record = current?.record;
    const stale = record ? staleBreachReason(record.snapshot, { ...data, deadlineAt: new Date(data.deadlineAt) }) : 'unknown ticket';
    if (stale !== null) {
      this.logger.info({ ticketId: data.ticketId, deadlineKind: data.deadlineKind, unitCode: data.unitCode, status: record?.snapshot.status, why: stale }, 'stale sla.breached ignored');
      return;
    }
    if (data.deadlineKind === 'auto-close') return this.autoClose(batch, current!, data, envelope);
    current!.record = { ...record!, overdueSince: record!.overdueSince ?? new Date(data.breachedAt) };
    current!.changed = true;
  }

  private autoClose(batch: TicketBatch, current: TicketInBatch, data: SlaBreached, envelope: EventEnvelope): void {
    const record = current.record;
    const result = decide(record.snapshot, { type: 'close', reason: AUTO_CLOSE_REASON }, SLA_AUTO_CLOSE, this.clock.now());
    if (!result.ok) throw new PermanentEventError(`auto-close refused on ticket ${record.snapshot.id}: ${result.error.message.en}`);
    const decision = result.value;
    current.record = { ...record, snapshot: decision.ticket };
    current.changed = true;
    batch.audits.push(decision.audit);
    batch.outbox.push(...this.publisher.itemsOf(decision.events, { complaint: record.complaint, receivedAt: record.snapshot.receivedAt, reason: decision.audit.reason, causedBy: envelope }));
    this.logger.info({ ticketId: record.snapshot.id, deadlineAt: data.deadlineAt, policyVersion: data.policyVersion }, 'ticket closed by the system: no reply from the reporter');
  }

  private applyRouting(batch: TicketBatch, ticketId: string, outcome: RoutingOutcome, envelope: EventEnvelope): void {
    const existing = batch.tickets.get(ticketId);
    if (!existing) return this.openTicket(batch, ticketId, outcome, envelope);
    const record = existing.record;
    if (record.lastDecisionId === outcome.decisionId) return; // the same decision, published again
    if (outcome.triage && record.snapshot.status === 'triage') {
      // Routing looked again and still cannot decide: refresh the admin's suggestions, nothing moves.
      existing.record = { ...record, triageReason: outcome.triage.reason, triageSuggestions: outcome.triage.suggestions, lastDecisionId: outcome.decisionId };
      existing.changed = true;
      return;
    }
    const result = decide(record.snapshot, outcome.command, ROUTING, this.clock.now());
    if (!result.ok) {
      if (result.error.code === 'SAME_UNIT') return; // the admin already sent it there
      throw new PermanentEventError(`routing decision ${outcome.decisionId} refused on ticket ${ticketId}: ${result.error.message.en}`);
    }
    this.store(batch, existing, result.value, outcome, envelope);
  }

  private openTicket(batch: TicketBatch, ticketId: string, outcome: RoutingOutcome, envelope: EventEnvelope): void {
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
    const opened: TicketInBatch = { record, loadedVersion: null, changed: true };
    batch.tickets.set(ticketId, opened);
    batch.audits.push(received.audit);
    batch.outbox.push(...this.publisher.itemsOf(received.events, { complaint: record.complaint, receivedAt: received.ticket.receivedAt, causedBy: envelope }));
    this.store(batch, opened, routed.value, outcome, envelope);
    this.logger.debug({ ticketId, status: routed.value.ticket.status, unitCode: routed.value.ticket.unitCode }, 'ticket opened');
  }

  private store(batch: TicketBatch, current: TicketInBatch, decision: TicketDecision, outcome: RoutingOutcome, envelope: EventEnvelope): void {
    const record = current.record;
    current.record = {
      ...record,
      snapshot: decision.ticket,
      lastDecisionId: outcome.decisionId,
      triageReason: outcome.triage?.reason ?? null,
      triageSuggestions: outcome.triage?.suggestions ?? [],
    };
    current.changed = true;
    batch.audits.push(decision.audit);
    batch.outbox.push(
      ...this.publisher.itemsOf(decision.events, {
        complaint: record.complaint,
        receivedAt: record.snapshot.receivedAt,
        decisionId: outcome.decisionId,
        reason: decision.audit.reason,
        triageSuggestions: outcome.triage?.suggestions,
        causedBy: envelope,
      }),
    );
  }
}
