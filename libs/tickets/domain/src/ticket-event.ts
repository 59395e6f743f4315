import type { ActorRef } from './actor';
import type { ArchiveKind, ArchivedBy, ClosedBy, SatisfactionRating } from './ticket-snapshot';
import type { TicketStatus } from './ticket-status';

/**
 * What happened, as facts for the rest of the system. Names match the event catalogue in
 * `@bekasi/contracts`; desk adds the complaint's context (tracking id, kecamatan, classification)
 * when it turns these into published events.
 */
export type TicketEventBody =
  | { readonly type: 'ticket.received'; readonly receivedAt: Date }
  | { readonly type: 'ticket.assigned'; readonly routedBy: 'auto' | 'admin'; readonly previousUnitCode: string | null }
  | { readonly type: 'ticket.triage-queued'; readonly reason: string | null }
  | { readonly type: 'ticket.acknowledged' }
  | { readonly type: 'ticket.work-started' }
  | { readonly type: 'ticket.info-requested'; readonly question: string }
  /** `resumed` is false when the reply is a comment on a ticket that was not waiting for it. */
  | { readonly type: 'ticket.reporter-replied'; readonly resumed: boolean }
  | { readonly type: 'ticket.answered' }
  | {
      readonly type: 'ticket.reassign-requested';
      readonly reason: string;
      /** The unit that declared it is not its authority. */
      readonly refusingUnitCode: string;
      readonly refusedUnits: readonly string[];
      readonly bounceCount: number;
    }
  | { readonly type: 'ticket.reopened'; readonly reason: string; readonly reopenCount: number }
  | { readonly type: 'ticket.closed'; readonly closedBy: ClosedBy; readonly rating: SatisfactionRating | null }
  | { readonly type: 'ticket.rated'; readonly rating: SatisfactionRating }
  | {
      readonly type: 'ticket.archived';
      readonly reasonKind: ArchiveKind;
      readonly reason: string | null;
      readonly archivedBy: ArchivedBy;
      readonly duplicateOfTicketId: string | null;
    }
  /** The ticket started waiting for the reporter: the clock named stands still. */
  | { readonly type: 'ticket.sla-paused'; readonly clock: 'disposition' | 'follow_up' }
  /** The wait is over (whatever ended it): the pause that began at `pausedAt` is closed. */
  | { readonly type: 'ticket.sla-resumed'; readonly clock: 'disposition' | 'follow_up'; readonly pausedAt: Date | null };

export type TicketEventType = TicketEventBody['type'];

/** Carried by every event, so consumers need no lookups to attribute it. */
export interface TicketEventContext {
  readonly ticketId: string;
  /** The ticket's version after the change. */
  readonly version: number;
  readonly at: Date;
  readonly actor: ActorRef;
  readonly from: TicketStatus | null;
  readonly to: TicketStatus;
  /** The responsible unit after the change. */
  readonly unitCode: string | null;
}

export type TicketEvent = TicketEventContext & TicketEventBody;

export type TicketEventOf<T extends TicketEventType> = TicketEventContext & Extract<TicketEventBody, { type: T }>;
