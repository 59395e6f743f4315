import { Type, type TProperties } from '@sinclair/typebox';
import { defineEvent, type EventData } from '../event-definition';
import { TOPICS } from '../topics';
import { ActorRef, Candidate, Classification, DecisionReason, KecamatanCode, Nullable, Timestamp, UnitCode, Uuid } from './common.schema';
import { ComplaintSummary } from './complaint.events';

export const TicketRoutedV1 = defineEvent({
  name: 'ticket.routed',
  version: 1,
  topic: TOPICS.tickets,
  description: 'Disposisi: routing (automatically or by the LAPOR admin in triage) sent the complaint to a unit.',
  schema: Type.Object({
    ticketId: Uuid,
    decisionId: Uuid,
    unitCode: UnitCode,
    kecamatanCode: KecamatanCode,
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    routedBy: Type.Union([Type.Literal('auto'), Type.Literal('admin')]),
    reasons: Type.Array(DecisionReason),
    alternatives: Type.Array(Candidate),
    bounceCount: Type.Integer({ minimum: 0 }),
    complaint: ComplaintSummary,
  }),
});
export type TicketRouted = EventData<typeof TicketRoutedV1>;

export const TicketStatus = Type.Union(
  ['received', 'triage', 'assigned', 'acknowledged', 'in_progress', 'waiting_reporter', 'answered', 'reopened', 'reassign_requested', 'closed', 'archived'].map(
    (s) => Type.Literal(s),
  ),
);

/** Fields every ticket lifecycle event carries, so SLA and IKP need no lookups of desk's tables. */
const lifecycleBase = {
  ticketId: Uuid,
  trackingId: Type.String(),
  unitCode: Nullable(UnitCode),
  kecamatanCode: KecamatanCode,
  classification: Classification,
  receivedAt: Timestamp,
  from: Nullable(TicketStatus),
  to: TicketStatus,
  version: Type.Integer({ minimum: 1, description: 'Ticket version after the change' }),
  actor: ActorRef,
  at: Timestamp,
};

function lifecycleEvent<P extends TProperties>(name: string, description: string, extra: P) {
  return defineEvent({
    name,
    version: 1,
    topic: TOPICS.tickets,
    description,
    schema: Type.Object({ ...lifecycleBase, ...extra }),
  });
}

export const TicketAssignedV1 = lifecycleEvent('ticket.assigned', 'Desk opened (or re-opened after re-disposisi) the ticket in the unit\'s inbox.', {
  decisionId: Uuid,
  routedBy: Type.Union([Type.Literal('auto'), Type.Literal('admin')]),
});
export const TicketTriagedV1 = lifecycleEvent('ticket.triage-queued', 'The ticket waits in the LAPOR admin\'s triage queue.', {
  reason: Type.String(),
});
export const TicketAcknowledgedV1 = lifecycleEvent('ticket.acknowledged', 'The unit acknowledged the disposisi.', {});
export const TicketWorkStartedV1 = lifecycleEvent('ticket.work-started', 'The unit started working on the ticket.', {});
export const TicketInfoRequestedV1 = lifecycleEvent(
  'ticket.info-requested',
  'The unit asked the reporter for more information; the SLA clock pauses (Menunggu Kelengkapan Informasi).',
  { question: Type.String() },
);
export const TicketReporterRepliedV1 = lifecycleEvent('ticket.reporter-replied', 'The reporter answered; a paused SLA clock resumes.', {
  resumed: Type.Boolean(),
});
export const TicketAnsweredV1 = lifecycleEvent('ticket.answered', 'Tindak lanjut: the unit posted its follow-up answer.', {
  answerSummary: Type.String(),
  attachmentCount: Type.Integer({ minimum: 0 }),
});
export const TicketReassignRequestedV1 = lifecycleEvent(
  'ticket.reassign-requested',
  '"Bukan kewenangan": the unit says the ticket is not its authority; routing must choose again.',
  { reason: Type.String({ minLength: 1 }), refusedUnits: Type.Array(UnitCode), bounceCount: Type.Integer({ minimum: 1 }) },
);
export const TicketReopenedV1 = lifecycleEvent('ticket.reopened', 'The reporter (or admin) was not satisfied; the ticket goes back to the unit.', {
  reason: Type.String(),
});
export const TicketClosedV1 = lifecycleEvent('ticket.closed', 'The ticket is closed by the reporter, the admin or the system.', {
  closedBy: Type.Union([Type.Literal('reporter'), Type.Literal('admin'), Type.Literal('system')]),
  rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
});
export const TicketArchivedV1 = lifecycleEvent('ticket.archived', 'Arsip: not processed further (spam, out of scope, duplicate).', {
  reasonKind: Type.Union([Type.Literal('spam'), Type.Literal('out_of_scope'), Type.Literal('duplicate')]),
  reason: Type.String(),
  duplicateOfTicketId: Nullable(Uuid),
});
export const TicketRatedV1 = lifecycleEvent('ticket.rated', 'The reporter rated the follow-up (1-5).', {
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
});

export type TicketLifecycle = EventData<typeof TicketAcknowledgedV1>;
export type TicketReassignRequested = EventData<typeof TicketReassignRequestedV1>;

export const TICKET_LIFECYCLE_EVENTS = [
  TicketAssignedV1,
  TicketTriagedV1,
  TicketAcknowledgedV1,
  TicketWorkStartedV1,
  TicketInfoRequestedV1,
  TicketReporterRepliedV1,
  TicketAnsweredV1,
  TicketReassignRequestedV1,
  TicketReopenedV1,
  TicketClosedV1,
  TicketArchivedV1,
  TicketRatedV1,
] as const;

// Classification is re-exported for services that build lifecycle payloads.
export { Classification };
