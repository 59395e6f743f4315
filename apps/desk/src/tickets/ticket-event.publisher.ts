import { randomUUID } from 'node:crypto';
import { maskPersonalData } from '@bekasi/indonesian-text';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  TicketAcknowledgedV1,
  TicketAnsweredV1,
  TicketArchivedV1,
  TicketAssignedV1,
  TicketClosedV1,
  TicketInfoRequestedV1,
  TicketRatedV1,
  TicketReassignRequestedV1,
  TicketReceivedV1,
  TicketReopenedV1,
  TicketReporterRepliedV1,
  TicketSlaPausedV1,
  TicketSlaResumedV1,
  TicketTriagedV1,
  TicketWorkStartedV1,
  type EventData,
  type EventEnvelope,
} from '@bekasi/contracts';
import { OutboxWriter, type OutboxItem } from '@bekasi/messaging';
import type { TicketEvent } from '@bekasi/tickets-domain';
import type { UnitSuggestion } from '@bekasi/desk-client';
import type { ComplaintFacts } from '../persistence/ticket.repository';

/** What the domain's events lack and the contracts carry: the complaint's context and the command's content. */
export interface PublicationContext {
  readonly complaint: ComplaintFacts;
  /** When the complaint reached the regency (the ticket's receivedAt). */
  readonly receivedAt: Date;
  /** Routing's decision id for `ticket.assigned`; a new one is minted for the admin's own disposition. */
  readonly decisionId?: string;
  readonly reason?: string | null;
  readonly triageSuggestions?: readonly UnitSuggestion[];
  readonly answer?: string;
  readonly attachmentCount?: number;
  /** Evidence files in the file store, by reference (the LAPOR! connector sends them with the tindak lanjut). */
  readonly files?: NonNullable<EventData<typeof TicketAnsweredV1>['files']>;
  readonly causedBy?: Pick<EventEnvelope, 'id' | 'correlationid'>;
}

const ANSWER_SUMMARY_LENGTH = 280;

/** Turns the state machine's events into `ticket.*` contract events in the outbox (subject = ticket id). */
@Injectable()
export class TicketEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(tx: EntityManager, events: readonly TicketEvent[], ctx: PublicationContext): Promise<void> {
    await this.outbox.appendMany(tx, this.itemsOf(events, ctx));
  }

  /** The outbox rows of a decision's events, for a caller that writes many decisions in one statement. */
  itemsOf(events: readonly TicketEvent[], ctx: PublicationContext): OutboxItem[] {
    return events.map((e) => this.itemOf(e, ctx));
  }

  private itemOf(e: TicketEvent, ctx: PublicationContext): OutboxItem {
    const c = ctx.complaint;
    const base = {
      ticketId: e.ticketId,
      trackingId: c.trackingId,
      unitCode: e.unitCode,
      kecamatanCode: c.kecamatanCode,
      classification: c.classification as any,
      receivedAt: ctx.receivedAt.toISOString(),
      from: e.from,
      to: e.to,
      version: e.version,
      actor: { role: e.actor.role, userId: e.actor.userId },
      at: e.at.toISOString(),
    };
    const options = { subject: e.ticketId, causedBy: ctx.causedBy, time: e.at };
    const append = (definition: OutboxItem['definition'], extra: object): OutboxItem => ({ definition, data: { ...base, ...extra } as any, options });
    switch (e.type) {
      case 'ticket.received':
        return append(TicketReceivedV1, {});
      case 'ticket.assigned':
        return append(TicketAssignedV1, {
          decisionId: ctx.decisionId ?? randomUUID(),
          routedBy: e.routedBy,
          previousUnitCode: e.previousUnitCode,
          reason: ctx.reason ?? null,
        });
      case 'ticket.triage-queued':
        return append(TicketTriagedV1, { reason: e.reason ?? '', suggestions: [...(ctx.triageSuggestions ?? [])] });
      case 'ticket.acknowledged':
        return append(TicketAcknowledgedV1, {});
      case 'ticket.work-started':
        return append(TicketWorkStartedV1, {});
      case 'ticket.info-requested':
        return append(TicketInfoRequestedV1, { question: e.question });
      case 'ticket.reporter-replied':
        return append(TicketReporterRepliedV1, { resumed: e.resumed });
      case 'ticket.answered':
        return append(TicketAnsweredV1, {
          answerSummary: (ctx.answer ?? '').slice(0, ANSWER_SUMMARY_LENGTH),
          attachmentCount: ctx.attachmentCount ?? 0,
          ...(ctx.answer !== undefined ? { answer: ctx.answer } : {}),
          ...(ctx.files?.length ? { files: [...ctx.files] } : {}),
        });
      case 'ticket.reassign-requested':
        // Routing reads unitCode as the unit that refused (the ticket itself has no unit any more).
        return append(TicketReassignRequestedV1, {
          unitCode: e.refusingUnitCode,
          reason: e.reason,
          refusedUnits: [...e.refusedUnits],
          bounceCount: e.bounceCount,
          refusingUnitCode: e.refusingUnitCode,
        });
      case 'ticket.reopened':
        // Reporter text (reopen, withdraw) is masked before it enters an event (NIK, phone, e-mail).
        return append(TicketReopenedV1, { reason: maskPersonalData(e.reason), reopenCount: e.reopenCount });
      case 'ticket.closed':
        return append(TicketClosedV1, { closedBy: e.closedBy, rating: e.rating });
      case 'ticket.rated':
        return append(TicketRatedV1, { rating: e.rating });
      case 'ticket.archived':
        return append(TicketArchivedV1, {
          reasonKind: e.reasonKind,
          reason: e.reason === null ? null : maskPersonalData(e.reason),
          archivedBy: e.archivedBy,
          duplicateOfTicketId: e.duplicateOfTicketId,
        });
      case 'ticket.sla-paused':
        return append(TicketSlaPausedV1, { clock: e.clock });
      case 'ticket.sla-resumed':
        return append(TicketSlaResumedV1, { clock: e.clock, pausedAt: e.pausedAt ? e.pausedAt.toISOString() : null });
    }
  }
}
