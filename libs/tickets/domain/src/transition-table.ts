import { isUnitBound, actsForUnit, type Actor, type ActorRole } from './actor';
import { err, ok, type Result } from './result';
import { TICKET_ACTIONS, type TicketAction } from './ticket-command';
import { ticketRuleViolation, type TicketRuleViolation } from './ticket-rule-violation';
import type { TicketSnapshot } from './ticket-snapshot';
import type { PausableStatus, TicketStatus } from './ticket-status';

/** Where a rule takes the ticket: a status, back to where it paused from, or nowhere (an audited act). */
export type TransitionTarget = TicketStatus | 'paused_from' | 'unchanged';

export interface TransitionRule {
  readonly action: TicketAction;
  readonly roles: readonly ActorRole[];
  readonly from: readonly TicketStatus[];
  /** For rules from `waiting_reporter` only: the rule holds only when the ticket paused from one of these. */
  readonly whenPausedFrom?: readonly PausableStatus[];
  readonly to: TransitionTarget;
}

const UNIT_STAFF: readonly ActorRole[] = ['officer', 'unit_head'];
const UNIT_WORK: readonly PausableStatus[] = ['acknowledged', 'in_progress', 'reopened'];
const AWAITING_DISPOSITION: readonly TicketStatus[] = ['received', 'triage', 'reassign_requested'];
const OPEN_BEFORE_ANSWER: readonly TicketStatus[] = [
  'received',
  'triage',
  'assigned',
  'acknowledged',
  'in_progress',
  'waiting_reporter',
  'reopened',
  'reassign_requested',
];

/**
 * Who may do what from where. One row per (action, roles, from-statuses); for a given action, role
 * and ticket at most one row applies. Unit-bound roles must, in addition, belong to the ticket's unit.
 */
export const TRANSITION_TABLE: readonly TransitionRule[] = [
  { action: 'route', roles: ['system'], from: AWAITING_DISPOSITION, to: 'assigned' },
  { action: 'send_to_triage', roles: ['system'], from: ['received', 'reassign_requested'], to: 'triage' },
  // The admin may also correct a disposition the unit has not acknowledged yet.
  { action: 'dispose', roles: ['admin'], from: [...AWAITING_DISPOSITION, 'assigned'], to: 'assigned' },

  { action: 'acknowledge', roles: UNIT_STAFF, from: ['assigned', 'reopened'], to: 'acknowledged' },
  { action: 'start_work', roles: UNIT_STAFF, from: ['acknowledged'], to: 'in_progress' },

  { action: 'request_info', roles: [...UNIT_STAFF, 'admin'], from: UNIT_WORK, to: 'waiting_reporter' },
  // LAPOR's "Tunda": the admin cannot verify the report until the reporter completes it.
  { action: 'request_info', roles: ['admin'], from: ['triage'], to: 'waiting_reporter' },
  { action: 'reporter_reply', roles: ['reporter', 'admin'], from: ['waiting_reporter'], to: 'paused_from' },
  // Anywhere else a reply is a comment for whoever holds the ticket; to dispute an answer the reporter reopens.
  {
    action: 'reporter_reply',
    roles: ['reporter', 'admin'],
    from: OPEN_BEFORE_ANSWER.filter((s) => s !== 'waiting_reporter').concat('answered'),
    to: 'unchanged',
  },

  { action: 'post_answer', roles: UNIT_STAFF, from: UNIT_WORK, to: 'answered' },
  // A reporter who never completes the information must not keep a unit's ticket open forever.
  { action: 'post_answer', roles: UNIT_STAFF, from: ['waiting_reporter'], whenPausedFrom: UNIT_WORK, to: 'answered' },

  { action: 'request_reassign', roles: UNIT_STAFF, from: ['assigned', 'acknowledged', 'in_progress'], to: 'reassign_requested' },

  { action: 'reopen', roles: ['reporter', 'admin'], from: ['answered', 'closed'], to: 'reopened' },
  { action: 'close', roles: ['reporter', 'admin', 'system'], from: ['answered'], to: 'closed' },
  { action: 'rate', roles: ['reporter'], from: ['answered', 'closed'], to: 'unchanged' },

  // Archiving is for reports no unit has taken up; once a unit acknowledged, it answers instead.
  { action: 'archive', roles: ['admin'], from: [...AWAITING_DISPOSITION, 'assigned'], to: 'archived' },
  { action: 'archive', roles: ['admin', 'system'], from: ['waiting_reporter'], whenPausedFrom: ['triage'], to: 'archived' },
  { action: 'withdraw', roles: ['reporter'], from: OPEN_BEFORE_ANSWER, to: 'archived' },

  {
    action: 'add_note',
    roles: [...UNIT_STAFF, 'admin'],
    from: [...OPEN_BEFORE_ANSWER, 'answered', 'closed'],
    to: 'unchanged',
  },
];

function ruleApplies(rule: TransitionRule, ticket: Pick<TicketSnapshot, 'status' | 'pausedFrom'>): boolean {
  if (!rule.from.includes(ticket.status)) return false;
  if (ticket.status !== 'waiting_reporter' || rule.whenPausedFrom === undefined) return true;
  return ticket.pausedFrom !== null && rule.whenPausedFrom.includes(ticket.pausedFrom);
}

/**
 * The rule that lets `actor` do `action` on `ticket`, or why not. Checks go from the most general
 * to the most specific: the role may never do it; not from this status; not this unit's ticket.
 */
export function authorize(
  ticket: Pick<TicketSnapshot, 'status' | 'pausedFrom' | 'unitCode'>,
  action: TicketAction,
  actor: Actor,
): Result<TransitionRule, TicketRuleViolation> {
  const ctx = { action, status: ticket.status, role: actor.role };
  if (!(TICKET_ACTIONS as readonly string[]).includes(action)) return err(ticketRuleViolation('UNKNOWN_ACTION', ctx));
  const rulesForRole = TRANSITION_TABLE.filter((r) => r.action === action && r.roles.includes(actor.role));
  if (rulesForRole.length === 0) return err(ticketRuleViolation('ROLE_NOT_ALLOWED', ctx));
  const rule = rulesForRole.find((r) => ruleApplies(r, ticket));
  if (rule === undefined) return err(ticketRuleViolation('TRANSITION_NOT_ALLOWED', ctx));
  if (isUnitBound(actor.role) && !actsForUnit(actor, ticket.unitCode)) return err(ticketRuleViolation('NOT_YOUR_UNIT', ctx));
  return ok(rule);
}

/** The actions `actor` may take on `ticket` now (in `TICKET_ACTIONS` order), for the desk to offer as buttons. */
export function availableActions(ticket: Pick<TicketSnapshot, 'status' | 'pausedFrom' | 'unitCode'>, actor: Actor): TicketAction[] {
  return TICKET_ACTIONS.filter((action) => authorize(ticket, action, actor).ok);
}
