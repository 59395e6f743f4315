import { ACTOR_ROLES, READ_ONLY_ROLES, isUnitBound, type ActorRole } from './actor';
import { TICKET_ACTIONS, type TicketAction } from './ticket-command';
import { decide } from './ticket-decision';
import type { TicketRuleViolationCode } from './ticket-rule-violation';
import type { TicketStatus } from './ticket-status';
import { TRANSITION_TABLE, authorize, availableActions } from './transition-table';
import { ActorMother } from './testing/actor.mother';
import { CommandMother } from './testing/ticket-command.mother';
import { HOME_UNIT, OTHER_UNIT, T0, TICKET_SITUATIONS, hoursAfter, pausePlace, type TicketSituation } from './testing/ticket.mother';

// The specification, written independently of TRANSITION_TABLE: for each action, the roles that
// may take it and the places (statuses, or waiting_reporter<-paused-from) they may take it from.
const TRIAGE_PAUSE = pausePlace('triage');
const UNIT_PAUSES = [pausePlace('acknowledged'), pausePlace('in_progress'), pausePlace('reopened')];
const ALL_PAUSES = [TRIAGE_PAUSE, ...UNIT_PAUSES];
const UNIT_WORK = ['acknowledged', 'in_progress', 'reopened'];
const BEFORE_ANSWER = ['received', 'triage', 'assigned', 'acknowledged', 'in_progress', 'reopened', 'reassign_requested', ...ALL_PAUSES];
const ALL_BUT_ARCHIVED = [...BEFORE_ANSWER, 'answered', 'closed'];

const WHO_MAY_DO_WHAT: Record<TicketAction, Partial<Record<ActorRole, readonly string[]>>> = {
  route: { system: ['received', 'triage', 'reassign_requested'] },
  send_to_triage: { system: ['received', 'reassign_requested'] },
  dispose: { admin: ['received', 'triage', 'reassign_requested', 'assigned'] },
  acknowledge: { officer: ['assigned', 'reopened'], unit_head: ['assigned', 'reopened'] },
  start_work: { officer: ['acknowledged'], unit_head: ['acknowledged'] },
  request_info: { officer: UNIT_WORK, unit_head: UNIT_WORK, admin: ['triage', ...UNIT_WORK] },
  reporter_reply: { reporter: [...BEFORE_ANSWER, 'answered'], admin: [...BEFORE_ANSWER, 'answered'] },
  post_answer: { officer: [...UNIT_WORK, ...UNIT_PAUSES], unit_head: [...UNIT_WORK, ...UNIT_PAUSES] },
  request_reassign: { officer: ['assigned', 'acknowledged', 'in_progress'], unit_head: ['assigned', 'acknowledged', 'in_progress'] },
  reopen: { reporter: ['answered', 'closed'], admin: ['answered', 'closed'] },
  close: { reporter: ['answered'], admin: ['answered'], system: ['answered'] },
  rate: { reporter: ['answered', 'closed'] },
  archive: { admin: ['received', 'triage', 'assigned', 'reassign_requested', TRIAGE_PAUSE], system: [TRIAGE_PAUSE] },
  withdraw: { reporter: BEFORE_ANSWER },
  add_note: { officer: ALL_BUT_ARCHIVED, unit_head: ALL_BUT_ARCHIVED, admin: ALL_BUT_ARCHIVED },
};

/** Where a successful action takes the ticket: a status, back where it paused from, or nowhere. */
const EXPECTED_TARGET: Record<TicketAction, TicketStatus | 'paused_from_or_unchanged' | 'unchanged'> = {
  route: 'assigned',
  send_to_triage: 'triage',
  dispose: 'assigned',
  acknowledge: 'acknowledged',
  start_work: 'in_progress',
  request_info: 'waiting_reporter',
  reporter_reply: 'paused_from_or_unchanged',
  post_answer: 'answered',
  request_reassign: 'reassign_requested',
  reopen: 'reopened',
  close: 'closed',
  rate: 'unchanged',
  archive: 'archived',
  withdraw: 'archived',
  add_note: 'unchanged',
};

type Expectation = { ok: true } | { ok: false; code: TicketRuleViolationCode };

function expectedOutcome(action: TicketAction, role: ActorRole, situation: TicketSituation, actorUnit: string): Expectation {
  const places = WHO_MAY_DO_WHAT[action][role];
  if (places === undefined) return { ok: false, code: 'ROLE_NOT_ALLOWED' };
  if (!places.includes(situation.place)) return { ok: false, code: 'TRANSITION_NOT_ALLOWED' };
  if (isUnitBound(role) && situation.ticket.unitCode !== actorUnit) return { ok: false, code: 'NOT_YOUR_UNIT' };
  return { ok: true };
}

function expectedStatus(action: TicketAction, situation: TicketSituation): TicketStatus {
  const target = EXPECTED_TARGET[action];
  const { ticket } = situation;
  if (target === 'unchanged') return ticket.status;
  if (target === 'paused_from_or_unchanged') return ticket.pausedFrom ?? ticket.status;
  return target;
}

interface Case {
  readonly action: TicketAction;
  readonly role: ActorRole;
  readonly situation: TicketSituation;
  readonly actorUnit: string;
  readonly name: string;
}

// Every (place × action × role), with unit-bound actors both of the ticket's unit and of another.
const CASES: Case[] = TICKET_ACTIONS.flatMap((action) =>
  ACTOR_ROLES.flatMap((role) =>
    TICKET_SITUATIONS.flatMap((situation) => {
      const ownUnit = situation.ticket.unitCode ?? HOME_UNIT;
      const units = isUnitBound(role) ? [ownUnit, ownUnit === OTHER_UNIT ? HOME_UNIT : OTHER_UNIT] : [ownUnit];
      return units.map((actorUnit) => ({
        action,
        role,
        situation,
        actorUnit,
        name: `${role}${isUnitBound(role) ? `@${actorUnit}` : ''} ${action} on ${situation.place}${situation.ticket.closedBy ? ` (closed by ${situation.ticket.closedBy})` : ''}`,
      }));
    }),
  ),
);

const NOW = hoursAfter(T0, 48);

describe('who may do what, for every place × action × role', () => {
  it('covers every status and every action', () => {
    const places = new Set(TICKET_SITUATIONS.map((s) => s.ticket.status));
    expect([...places].sort()).toHaveLength(11);
    expect(new Set(CASES.map((c) => c.action)).size).toBe(TICKET_ACTIONS.length);
    expect(new Set(CASES.map((c) => c.role)).size).toBe(ACTOR_ROLES.length);
  });

  describe.each(TICKET_ACTIONS)('%s', (action) => {
    const cases = CASES.filter((c) => c.action === action);

    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, { role, situation, actorUnit }) => {
      const actor = ActorMother.ofRole(role, actorUnit);
      const command = CommandMother.validFor(action, situation.ticket, actor);
      const expected = expectedOutcome(action, role, situation, actorUnit);

      const result = decide(situation.ticket, command, actor, NOW);

      if (expected.ok) {
        if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message.en}`);
        const { ticket, audit, events } = result.value;
        expect(ticket.status).toBe(expectedStatus(action, situation));
        expect(ticket.version).toBe(situation.ticket.version + 1);
        expect(ticket.updatedAt).toBe(NOW);
        expect(audit).toMatchObject({ action, from: situation.ticket.status, to: ticket.status, version: ticket.version, at: NOW });
        expect(audit.actor.role).toBe(role);
        for (const event of events) {
          expect(event.type).toMatch(/^ticket\.[a-z-]+$/);
          expect(event).toMatchObject({ ticketId: ticket.id, version: ticket.version, at: NOW, from: situation.ticket.status, to: ticket.status });
        }
      } else {
        expect(result).toMatchObject({ ok: false, error: { code: expected.code, action, status: situation.ticket.status, role } });
      }
    });
  });
});

describe('availableActions', () => {
  const situationsAndActors = TICKET_SITUATIONS.flatMap((situation) =>
    ACTOR_ROLES.flatMap((role) => [HOME_UNIT, OTHER_UNIT].map((unit) => ({ situation, role, unit }))),
  );

  it.each(situationsAndActors.map((x) => [`${x.role}@${x.unit} on ${x.situation.place}`, x] as const))(
    'offers exactly the actions that would succeed: %s',
    (_name, { situation, role, unit }) => {
      const actor = ActorMother.ofRole(role, unit);
      const expected = TICKET_ACTIONS.filter((action) => expectedOutcome(action, role, situation, unit).ok);
      expect(availableActions(situation.ticket, actor)).toEqual(expected);
    },
  );

  it('offers leadership nothing anywhere', () => {
    for (const role of READ_ONLY_ROLES) {
      for (const { ticket } of TICKET_SITUATIONS) {
        expect(availableActions(ticket, ActorMother.ofRole(role, ticket.unitCode ?? HOME_UNIT))).toEqual([]);
      }
    }
  });
});

describe('TRANSITION_TABLE', () => {
  it('never lets a read-only role move a ticket', () => {
    const rolesInTable = new Set(TRANSITION_TABLE.flatMap((rule) => rule.roles));
    for (const role of READ_ONLY_ROLES) expect(rolesInTable.has(role)).toBe(false);
  });

  it('has at most one rule for any action, role and situation', () => {
    for (const action of TICKET_ACTIONS) {
      for (const role of ACTOR_ROLES) {
        for (const { place, ticket } of TICKET_SITUATIONS) {
          const applying = TRANSITION_TABLE.filter(
            (rule) =>
              rule.action === action &&
              rule.roles.includes(role) &&
              rule.from.includes(ticket.status) &&
              (rule.whenPausedFrom === undefined || (ticket.pausedFrom !== null && rule.whenPausedFrom.includes(ticket.pausedFrom))),
          );
          if (applying.length > 1) throw new Error(`${applying.length} rules for ${role} ${action} on ${place}`);
        }
      }
    }
  });

  it('only uses the paused-from condition on rules from waiting_reporter', () => {
    for (const rule of TRANSITION_TABLE.filter((r) => r.whenPausedFrom !== undefined)) {
      expect(rule.from).toEqual(['waiting_reporter']);
    }
  });

  it('refuses an action it does not know', () => {
    const result = authorize(TICKET_SITUATIONS[0].ticket, 'teleport' as TicketAction, ActorMother.admin());
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });
});
