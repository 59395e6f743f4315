import { randomUUID } from 'node:crypto';
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
  type EventEnvelope,
} from '@bekasi/contracts';
import { OutboxWriter } from '@bekasi/messaging';
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
  readonly causedBy?: Pick<EventEnvelope, 'id' | 'correlationid'>;
}

const ANSWER_SUMMARY_LENGTH = 280;

/** Turns the state machine's events into `ticket.*` contract events in the outbox (subject = ticket id). */
@Injectable()
export class TicketEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(tx: EntityManager, events: readonly TicketEvent[], ctx: PublicationContext): Promise<void> {
    for (const event of events) await this.publishOne(tx, event, ctx);
  }

  private async publishOne(tx: EntityManager, e: TicketEvent, ctx: PublicationContext): Promise<void> {
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
    const append = <D extends Parameters<OutboxWriter['append']>[1]>(definition: D, extra: object) =>
      this.outbox.append(tx, definition, { ...base, ...extra } as any, options);
    switch (e.type) {
      case 'ticket.received':
        return void (await append(TicketReceivedV1, {}));
      case 'ticket.assigned':
        return void (await append(TicketAssignedV1, {
          decisionId: ctx.decisionId ?? randomUUID(),
          routedBy: e.routedBy,
          previousUnitCode: e.previousUnitCode,
          reason: ctx.reason ?? null,
        }));
      case 'ticket.triage-queued':
        return void (await append(TicketTriagedV1, { reason: e.reason ?? '', suggestions: [...(ctx.triageSuggestions ?? [])] }));
      case 'ticket.acknowledged':
        return void (await append(TicketAcknowledgedV1, {}));
      case 'ticket.work-started':
        return void (await append(TicketWorkStartedV1, {}));
      case 'ticket.info-requested':
        return void (await append(TicketInfoRequestedV1, { question: e.question }));
      case 'ticket.reporter-replied':
        return void (await append(TicketReporterRepliedV1, { resumed: e.resumed }));
      case 'ticket.answered':
        return void (await append(TicketAnsweredV1, {
          answerSummary: (ctx.answer ?? '').slice(0, ANSWER_SUMMARY_LENGTH),
          attachmentCount: ctx.attachmentCount ?? 0,
        }));
      case 'ticket.reassign-requested':
        // Routing reads unitCode as the unit that refused (the ticket itself has no unit any more).
        return void (await append(TicketReassignRequestedV1, {
          unitCode: e.refusingUnitCode,
          reason: e.reason,
          refusedUnits: [...e.refusedUnits],
          bounceCount: e.bounceCount,
          refusingUnitCode: e.refusingUnitCode,
        }));
      case 'ticket.reopened':
        return void (await append(TicketReopenedV1, { reason: e.reason, reopenCount: e.reopenCount }));
      case 'ticket.closed':
        return void (await append(TicketClosedV1, { closedBy: e.closedBy, rating: e.rating }));
      case 'ticket.rated':
        return void (await append(TicketRatedV1, { rating: e.rating }));
      case 'ticket.archived':
        return void (await append(TicketArchivedV1, {
          reasonKind: e.reasonKind,
          reason: e.reason,
          archivedBy: e.archivedBy,
          duplicateOfTicketId: e.duplicateOfTicketId,
        }));
      case 'ticket.sla-paused':
        return void (await append(TicketSlaPausedV1, { clock: e.clock }));
      case 'ticket.sla-resumed':
        return void (await append(TicketSlaResumedV1, { clock: e.clock, pausedAt: e.pausedAt ? e.pausedAt.toISOString() : null }));
    }
  }
}
