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

export const TicketReceivedV1 = lifecycleEvent(
  'ticket.received',
  'Desk opened a ticket for a complaint routing has dealt with (it is assigned or queued for triage in the same transaction).',
  {},
);
export const TicketAssignedV1 = lifecycleEvent('ticket.assigned', 'Desk opened (or re-opened after re-disposisi) the ticket in the unit\'s inbox.', {
  decisionId: Uuid,
  routedBy: Type.Union([Type.Literal('auto'), Type.Literal('admin')]),
  previousUnitCode: Type.Optional(Nullable(UnitCode)),
  reason: Type.Optional(Nullable(Type.String({ description: 'Why this unit (the admin\'s or routing\'s reason)' }))),
});
export const TicketTriagedV1 = lifecycleEvent('ticket.triage-queued', 'The ticket waits in the LAPOR admin\'s triage queue.', {
  reason: Type.String(),
  suggestions: Type.Optional(Type.Array(Candidate)),
});
export const TicketAcknowledgedV1 = lifecycleEvent('ticket.acknowledged', 'The unit acknowledged the disposisi.', {});
export const TicketWorkStartedV1 = lifecycleEvent('ticket.work-started', 'The unit started working on the ticket.', {});
export const TicketInfoRequestedV1 = lifecycleEvent(
  'ticket.info-requested',
  'The unit (or the admin, as Tunda) asked the reporter for more information (Menunggu Kelengkapan Informasi); ticket.sla-paused follows.',
  { question: Type.String() },
);
export const TicketReporterRepliedV1 = lifecycleEvent('ticket.reporter-replied', 'The reporter answered; when it was waiting, ticket.sla-resumed precedes this.', {
  resumed: Type.Boolean(),
});
/** An evidence file kept in the file store (`@bekasi/file-store`), by reference: the bytes never travel in events. */
export const StoredFileRef = Type.Object({
  fileId: Uuid,
  storageKey: Type.String({ description: 'Key of the object in the file store' }),
  fileName: Type.String(),
  contentType: Type.String(),
  sizeBytes: Type.Integer({ minimum: 0 }),
  sha256: Type.String(),
});
export const TicketAnsweredV1 = lifecycleEvent('ticket.answered', 'Tindak lanjut: the unit posted its follow-up answer.', {
  answerSummary: Type.String(),
  attachmentCount: Type.Integer({ minimum: 0 }),
  answer: Type.Optional(Type.String({ description: 'The whole answer, for the LAPOR! connector (masked text stays in desk otherwise)' })),
  files: Type.Optional(Type.Array(StoredFileRef, { description: 'Evidence files attached to the answer' })),
});
export const TicketReassignRequestedV1 = lifecycleEvent(
  'ticket.reassign-requested',
  '"Bukan kewenangan": the unit says the ticket is not its authority; routing must choose again. unitCode is the refusing unit.',
  {
    reason: Type.String({ minLength: 1 }),
    refusedUnits: Type.Array(UnitCode),
    bounceCount: Type.Integer({ minimum: 1 }),
    refusingUnitCode: Type.Optional(UnitCode),
  },
);
export const TicketReopenedV1 = lifecycleEvent('ticket.reopened', 'The reporter (or admin) was not satisfied; the ticket goes back to the unit.', {
  reason: Type.String(),
  reopenCount: Type.Optional(Type.Integer({ minimum: 1 })),
});
export const TicketClosedV1 = lifecycleEvent('ticket.closed', 'The ticket is closed by the reporter, the admin or the system.', {
  closedBy: Type.Union([Type.Literal('reporter'), Type.Literal('admin'), Type.Literal('system')]),
  rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
});
export const TicketArchivedV1 = lifecycleEvent(
  'ticket.archived',
  'Arsip: not processed further (spam, out of scope, duplicate, information never completed, withdrawn by the reporter).',
  {
    reasonKind: Type.Union(
      ['spam', 'out_of_scope', 'duplicate', 'incomplete_information', 'withdrawn'].map((k) => Type.Literal(k)),
    ),
    reason: Nullable(Type.String()),
    archivedBy: Type.Union([Type.Literal('admin'), Type.Literal('system'), Type.Literal('reporter')]),
    duplicateOfTicketId: Nullable(Uuid),
  },
);
export const TicketRatedV1 = lifecycleEvent('ticket.rated', 'The reporter rated the follow-up (1-5).', {
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
});

const SlaPauseClock = Type.Union([Type.Literal('disposition'), Type.Literal('follow_up')], {
  description: 'The clock that stands still: the admin\'s disposition (Tunda from triage) or the unit\'s follow-up',
});
export const TicketSlaPausedV1 = lifecycleEvent(
  'ticket.sla-paused',
  'The ticket started waiting for the reporter: the named clock stands still from `at`.',
  { clock: SlaPauseClock },
);
export const TicketSlaResumedV1 = lifecycleEvent(
  'ticket.sla-resumed',
  'The wait for the reporter is over, whatever ended it; always published before the event that ended it.',
  { clock: SlaPauseClock, pausedAt: Nullable(Timestamp) },
);

export type TicketLifecycle = EventData<typeof TicketAcknowledgedV1>;
export type TicketReassignRequested = EventData<typeof TicketReassignRequestedV1>;
export type TicketAssigned = EventData<typeof TicketAssignedV1>;
export type TicketArchived = EventData<typeof TicketArchivedV1>;

export const TICKET_LIFECYCLE_EVENTS = [
  TicketReceivedV1,
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
  TicketSlaPausedV1,
  TicketSlaResumedV1,
] as const;

// Classification is re-exported for services that build lifecycle payloads.
export { Classification };
