import { actorRefOf, type Actor, type ActorRef, type SystemActor } from './actor';
import { err, ok, type Result } from './result';
import type { CommandOf, TicketAction, TicketCommand } from './ticket-command';
import type { TicketEvent, TicketEventBody } from './ticket-event';
import { ticketRuleViolation, type TicketRuleViolation, type TicketRuleViolationCode } from './ticket-rule-violation';
import { isSatisfactionRating, type ArchivedBy, type ClosedBy, type TicketSnapshot } from './ticket-snapshot';
import { isPausable, pausedClockOf, type TicketStatus } from './ticket-status';
import { authorize, type TransitionTarget } from './transition-table';

/** One line of the ticket's audit trail: who did what, from where to where, and what they said. */
export interface AuditEntry {
  readonly ticketId: string;
  readonly version: number;
  readonly at: Date;
  readonly actor: ActorRef;
  readonly action: TicketAction | 'receive';
  readonly from: TicketStatus | null;
  readonly to: TicketStatus;
  /** Why: the reason for a reassignment, reopen, archive, close, routing or disposition. */
  readonly reason: string | null;
  /** What was said: the question, the reporter's reply, the answer, the internal note. */
  readonly content: string | null;
}

/** An accepted command: the snapshot to store, the events to put in the outbox, the audit line. */
export interface TicketDecision {
  readonly ticket: TicketSnapshot;
  readonly events: readonly TicketEvent[];
  readonly audit: AuditEntry;
}

type SnapshotChanges = Partial<
  Pick<
    TicketSnapshot,
    'unitCode' | 'bounceCount' | 'refusedUnitCodes' | 'reopenCount' | 'assignedAt' | 'answeredAt' | 'closedAt' | 'closedBy' | 'rating' | 'archive'
  >
>;

/** What one action contributes; pausing, versioning, event context and audit are common to all. */
interface ActionOutcome {
  readonly changes?: SnapshotChanges;
  readonly events?: readonly TicketEventBody[];
  readonly reason?: string | null;
  readonly content?: string | null;
}

interface ActionContext<C extends TicketCommand> {
  readonly ticket: TicketSnapshot;
  readonly command: C;
  readonly actor: Actor;
  readonly now: Date;
  readonly refuse: (code: TicketRuleViolationCode) => Result<never, TicketRuleViolation>;
}

type ActionHandlers = {
  readonly [A in TicketAction]: (ctx: ActionContext<CommandOf<A>>) => Result<ActionOutcome, TicketRuleViolation>;
};

/** Trimmed text, or null when absent or blank. */
function textOf(value: string | undefined | null): string | null {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  return trimmed === '' ? null : trimmed;
}

function assignment({ ticket, command, now, refuse }: ActionContext<CommandOf<'route' | 'dispose'>>) {
  const unitCode = textOf(command.unitCode);
  if (unitCode === null) return refuse('UNIT_REQUIRED');
  if (unitCode === ticket.unitCode) return refuse('SAME_UNIT');
  const outcome: ActionOutcome = {
    changes: { unitCode, assignedAt: now },
    events: [{ type: 'ticket.assigned', routedBy: command.type === 'route' ? 'auto' : 'admin', previousUnitCode: ticket.unitCode }],
    reason: textOf(command.reason),
  };
  return ok(outcome);
}

/** Which archive kinds each archiving role may choose; the reporter's `withdrawn` has its own command. */
const ARCHIVE_KINDS_BY_ROLE: Readonly<Partial<Record<Actor['role'], readonly string[]>>> = {
  admin: ['spam', 'out_of_scope', 'duplicate', 'incomplete_information'],
  // Automation only archives what it can judge without reading: a reporter who let the deadline pass.
  system: ['incomplete_information'],
};

/** The archive kinds `role` may choose (empty: it may not archive); desk offers these and no others. */
export function archiveKindsFor(role: Actor['role']): readonly string[] {
  return ARCHIVE_KINDS_BY_ROLE[role] ?? [];
}

const CLOSED_BY: Readonly<Partial<Record<Actor['role'], ClosedBy>>> = { reporter: 'reporter', admin: 'admin', system: 'system' };
const ARCHIVED_BY: Readonly<Partial<Record<Actor['role'], ArchivedBy>>> = { admin: 'admin', system: 'system', reporter: 'reporter' };

const HANDLERS: ActionHandlers = {
  route: assignment,
  dispose: assignment,

  send_to_triage: ({ command }) => {
    const reason = textOf(command.reason);
    return ok({ events: [{ type: 'ticket.triage-queued', reason }], reason });
  },

  acknowledge: () => ok({ events: [{ type: 'ticket.acknowledged' }] }),

  start_work: () => ok({ events: [{ type: 'ticket.work-started' }] }),

  request_info: ({ command, refuse }) => {
    const question = textOf(command.question);
    if (question === null) return refuse('QUESTION_REQUIRED');
    return ok({ events: [{ type: 'ticket.info-requested', question }], content: question });
  },

  reporter_reply: ({ ticket, command, refuse }) => {
    const message = textOf(command.message);
    if (message === null) return refuse('MESSAGE_REQUIRED');
    return ok({ events: [{ type: 'ticket.reporter-replied', resumed: ticket.status === 'waiting_reporter' }], content: message });
  },

  post_answer: ({ command, now, refuse }) => {
    const answer = textOf(command.answer);
    if (answer === null) return refuse('ANSWER_REQUIRED');
    return ok({ changes: { answeredAt: now }, events: [{ type: 'ticket.answered' }], content: answer });
  },

  request_reassign: ({ ticket, command, refuse }) => {
    const reason = textOf(command.reason);
    if (reason === null) return refuse('REASON_REQUIRED');
    // The table only allows this from statuses that have a unit, and authorize checked the actor belongs to it.
    const refusingUnitCode = ticket.unitCode as string;
    const refusedUnitCodes = ticket.refusedUnitCodes.includes(refusingUnitCode)
      ? ticket.refusedUnitCodes
      : [...ticket.refusedUnitCodes, refusingUnitCode];
    const bounceCount = ticket.bounceCount + 1;
    return ok({
      changes: { unitCode: null, assignedAt: null, bounceCount, refusedUnitCodes },
      events: [{ type: 'ticket.reassign-requested', reason, refusingUnitCode, refusedUnits: refusedUnitCodes, bounceCount }],
      reason,
    });
  },

  reopen: ({ ticket, command, refuse }) => {
    const reason = textOf(command.reason);
    if (reason === null) return refuse('REASON_REQUIRED');
    const reopenCount = ticket.reopenCount + 1;
    return ok({
      changes: { reopenCount, closedAt: null, closedBy: null, rating: null },
      events: [{ type: 'ticket.reopened', reason, reopenCount }],
      reason,
    });
  },

  close: ({ ticket, command, actor, now, refuse }) => {
    if (command.rating !== undefined) {
      if (actor.role !== 'reporter') return refuse('RATING_NOT_ALLOWED');
      if (!isSatisfactionRating(command.rating)) return refuse('INVALID_RATING');
    }
    const reason = textOf(command.reason);
    // The reporter's and the auto-close's grounds are evident; an admin overrules the reporter and must say why.
    if (actor.role === 'admin' && reason === null) return refuse('REASON_REQUIRED');
    const closedBy = CLOSED_BY[actor.role] as ClosedBy;
    const given = isSatisfactionRating(command.rating) ? command.rating : null;
    const events: TicketEventBody[] = [{ type: 'ticket.closed', closedBy, rating: given }];
    if (given !== null) events.push({ type: 'ticket.rated', rating: given });
    return ok({ changes: { closedAt: now, closedBy, rating: given ?? ticket.rating }, events, reason });
  },

  rate: ({ command, refuse }) => {
    if (!isSatisfactionRating(command.rating)) return refuse('INVALID_RATING');
    return ok({ changes: { rating: command.rating }, events: [{ type: 'ticket.rated', rating: command.rating }] });
  },

  archive: ({ ticket, command, actor, now, refuse }) => {
    if (!(ARCHIVE_KINDS_BY_ROLE[actor.role] ?? []).includes(command.kind)) return refuse('ARCHIVE_KIND_NOT_ALLOWED');
    const reason = textOf(command.reason);
    if (reason === null) return refuse('REASON_REQUIRED');
    let duplicateOfTicketId: string | null = null;
    if (command.kind === 'duplicate') {
      duplicateOfTicketId = textOf(command.duplicateOfTicketId);
      if (duplicateOfTicketId === null) return refuse('DUPLICATE_LINK_REQUIRED');
      if (duplicateOfTicketId === ticket.id) return refuse('DUPLICATE_OF_SELF');
    }
    const archivedBy = ARCHIVED_BY[actor.role] as ArchivedBy;
    return ok({
      changes: { archive: { kind: command.kind, reason, duplicateOfTicketId, archivedBy, archivedAt: now } },
      events: [{ type: 'ticket.archived', reasonKind: command.kind, reason, archivedBy, duplicateOfTicketId }],
      reason,
    });
  },

  withdraw: ({ command, now }) => {
    const reason = textOf(command.reason);
    return ok({
      changes: { archive: { kind: 'withdrawn', reason, duplicateOfTicketId: null, archivedBy: 'reporter', archivedAt: now } },
      events: [{ type: 'ticket.archived', reasonKind: 'withdrawn', reason, archivedBy: 'reporter', duplicateOfTicketId: null }],
      reason,
    });
  },

  add_note: ({ command, refuse }) => {
    const note = textOf(command.note);
    if (note === null) return refuse('NOTE_REQUIRED');
    return ok({ content: note });
  },
};

function targetStatus(target: TransitionTarget, ticket: TicketSnapshot): TicketStatus {
  if (target === 'unchanged') return ticket.status;
  if (target === 'paused_from') {
    if (ticket.pausedFrom === null) throw new Error(`Ticket ${ticket.id} waits for the reporter but does not say from where`);
    return ticket.pausedFrom;
  }
  return target;
}

/**
 * Decides whether `actor` may apply `command` to `ticket` at `now`, and if so what follows: the next
 * snapshot, the events and the audit entry. Pure: the caller loads the ticket and stores the result.
 */
export function decide(
  ticket: TicketSnapshot,
  command: TicketCommand,
  actor: Actor,
  now: Date,
): Result<TicketDecision, TicketRuleViolation> {
  const permitted = authorize(ticket, command.type, actor);
  if (!permitted.ok) return permitted;

  const ctx = { action: command.type, status: ticket.status, role: actor.role };
  const handler = HANDLERS[command.type] as (c: ActionContext<TicketCommand>) => Result<ActionOutcome, TicketRuleViolation>;
  const outcome = handler({ ticket, command, actor, now, refuse: (code) => err(ticketRuleViolation(code, ctx)) });
  if (!outcome.ok) return outcome;

  const from = ticket.status;
  const to = targetStatus(permitted.value.to, ticket);
  const entersPause = to === 'waiting_reporter' && from !== 'waiting_reporter';
  const leavesPause = from === 'waiting_reporter' && to !== 'waiting_reporter';
  if (entersPause && !isPausable(from)) throw new Error(`A ticket cannot wait for the reporter from ${from}`);

  const next: TicketSnapshot = {
    ...ticket,
    ...outcome.value.changes,
    status: to,
    version: ticket.version + 1,
    pausedFrom: entersPause && isPausable(from) ? from : leavesPause ? null : ticket.pausedFrom,
    pausedAt: entersPause ? now : leavesPause ? null : ticket.pausedAt,
    updatedAt: now,
  };

  // A pause always closes before whatever ended it, so a clock consumer never sees an answer inside a pause.
  const bodies: TicketEventBody[] = [];
  if (leavesPause && ticket.pausedFrom !== null) {
    bodies.push({ type: 'ticket.sla-resumed', clock: pausedClockOf(ticket.pausedFrom), pausedAt: ticket.pausedAt });
  }
  bodies.push(...(outcome.value.events ?? []));
  if (entersPause && next.pausedFrom !== null) bodies.push({ type: 'ticket.sla-paused', clock: pausedClockOf(next.pausedFrom) });

  const actorRef = actorRefOf(actor);
  const events = bodies.map<TicketEvent>((body) => ({
    ticketId: ticket.id,
    version: next.version,
    at: now,
    actor: actorRef,
    from,
    to,
    unitCode: next.unitCode,
    ...body,
  }));

  const audit: AuditEntry = {
    ticketId: ticket.id,
    version: next.version,
    at: now,
    actor: actorRef,
    action: command.type,
    from,
    to,
    reason: outcome.value.reason ?? null,
    content: outcome.value.content ?? null,
  };

  return ok({ ticket: next, events, audit });
}

export interface ReceivedComplaint {
  readonly ticketId: string;
  /** When the complaint reached the regency (LAPOR's "Tanggal Laporan Masuk"), which may precede `now`. */
  readonly receivedAt: Date;
}

/** A new ticket for a complaint that intake accepted, before routing has looked at it. */
export function receiveTicket(complaint: ReceivedComplaint, actor: SystemActor, now: Date): TicketDecision {
  const ticket: TicketSnapshot = {
    id: complaint.ticketId,
    version: 1,
    status: 'received',
    unitCode: null,
    pausedFrom: null,
    pausedAt: null,
    bounceCount: 0,
    refusedUnitCodes: [],
    reopenCount: 0,
    receivedAt: complaint.receivedAt,
    assignedAt: null,
    answeredAt: null,
    closedAt: null,
    closedBy: null,
    rating: null,
    archive: null,
    updatedAt: now,
  };
  const trail = { ticketId: ticket.id, version: ticket.version, at: now, actor: actorRefOf(actor), from: null, to: ticket.status };
  return {
    ticket,
    events: [{ ...trail, unitCode: null, type: 'ticket.received', receivedAt: complaint.receivedAt }],
    audit: { ...trail, action: 'receive', reason: null, content: null },
  };
}
