// The SLA clocks of one ticket at a moment: which deadlines run, which stand still, which were
// met, and the timers (reminders, breach) each running clock needs.
import { deadlinesFor, type SlaPolicy, type SlaPolicyVersion, type WorkingDayCalendar } from '@bekasi/calendar';
import { isTerminal, type TicketClockFacts } from './ticket-clock-facts';

export type DeadlineKind = 'verification' | 'first-response' | 'resolution' | 'auto-close';
export const DEADLINE_KINDS: readonly DeadlineKind[] = ['verification', 'first-response', 'resolution', 'auto-close'];

/** running: counting down; paused: the ticket waits for the reporter; met: done in time or late; cancelled: no longer owed. */
export type ClockState = 'running' | 'paused' | 'met' | 'cancelled';

export interface SlaClock {
  kind: DeadlineKind;
  /** Who owes it: the unit, or the LAPOR admin's unit for verification. */
  unitCode: string;
  startsAt: Date;
  workingDays: number;
  /** Null while paused. */
  dueAt: Date | null;
  state: ClockState;
  metAt: Date | null;
  /** Working days from start to the action that met it (whole WIB days). */
  workingDaysTaken: number | null;
  onTime: boolean | null;
}

export interface ReminderRule {
  fraction: number;
  roles: readonly string[];
}

export interface SlaContext {
  policy: SlaPolicy | SlaPolicyVersion;
  calendar: WorkingDayCalendar;
  /** The unit of the regency's LAPOR admin (Diskominfosantik in Bekasi), who owes verification. */
  adminUnitCode: string;
}

export function slaClocks(facts: TicketClockFacts, ctx: SlaContext): SlaClock[] {
  const { calendar } = ctx;
  const deadlines = deadlinesFor({
    policy: ctx.policy,
    calendar,
    receivedAt: facts.receivedAt,
    disposedAt: facts.disposedAt,
    answeredAt: facts.answeredAt,
    classification: facts.classification,
    pauses: facts.pauses,
  });
  const terminal = isTerminal(facts.status);
  const clocks: SlaClock[] = [];
  const clock = (kind: DeadlineKind, unitCode: string, d: { startsAt: Date; workingDays: number; dueAt: Date | null }, metAt: Date | null, owed: boolean): SlaClock => {
    const met = metAt !== null;
    const state: ClockState = met ? 'met' : !owed ? 'cancelled' : d.dueAt === null ? 'paused' : 'running';
    return {
      kind,
      unitCode,
      startsAt: d.startsAt,
      workingDays: d.workingDays,
      dueAt: d.dueAt,
      state,
      metAt,
      workingDaysTaken: met ? Math.max(0, calendar.workingDaysBetween(d.startsAt, metAt)) : null,
      onTime: met ? d.dueAt === null || metAt.getTime() < d.dueAt.getTime() : null,
    };
  };

  clocks.push(clock('verification', ctx.adminUnitCode, deadlines.verification, facts.verifiedAt, !terminal));
  if (facts.unitCode !== null && deadlines.firstResponse && facts.disposedAt) {
    clocks.push(clock('first-response', facts.unitCode, deadlines.firstResponse, facts.firstResponseAt, !terminal && facts.status !== 'reassign_requested'));
  }
  if (facts.unitCode !== null) {
    clocks.push(clock('resolution', facts.unitCode, deadlines.resolution, facts.answeredAt, !terminal && facts.status !== 'reassign_requested'));
  }
  if (facts.unitCode !== null && deadlines.autoClose && facts.answeredAt) {
    // Never "met": it ends when the reporter or admin acts (the ticket leaves `answered`) or fires.
    clocks.push(clock('auto-close', facts.unitCode, deadlines.autoClose, null, facts.status === 'answered'));
  }
  return clocks;
}

export type TimerKind = 'reminder' | 'breach';

export interface PlannedTimer {
  /** Deterministic: the same clock instance always plans the same ids (safe to schedule twice). */
  id: string;
  kind: DeadlineKind;
  what: TimerKind;
  fraction: number | null;
  roles: readonly string[];
  unitCode: string;
  deadlineAt: Date;
  fireAt: Date;
}

/**
 * The timers a running clock needs. Ids name the ticket, the deadline and the instant its clock
 * started, so a new disposition (a new clock) gets new timers while a recomputed one (a pause
 * ended) moves its existing ones.
 */
export function plannedTimers(
  ticketId: string,
  clock: SlaClock,
  reminders: readonly ReminderRule[],
  calendar: WorkingDayCalendar,
  pauses: TicketClockFacts['pauses'],
): PlannedTimer[] {
  if (clock.state !== 'running' || clock.dueAt === null) return [];
  const dueAt = clock.dueAt;
  const base = `${ticketId}.${clock.kind}.${clock.startsAt.getTime()}`;
  const timers: PlannedTimer[] = [];
  // The reporter is not reminded to reply; the auto-close clock only closes.
  if (clock.kind !== 'auto-close') {
    for (const rule of reminders) {
      timers.push({
        id: `${base}.r${Math.round(rule.fraction * 100)}`,
        kind: clock.kind,
        what: 'reminder',
        fraction: rule.fraction,
        roles: clock.kind === 'verification' ? ['admin'] : rule.roles,
        unitCode: clock.unitCode,
        deadlineAt: dueAt,
        fireAt: calendar.fractionPoint(clock.startsAt, dueAt, rule.fraction, pauses),
      });
    }
  }
  timers.push({ id: `${base}.breach`, kind: clock.kind, what: 'breach', fraction: null, roles: [], unitCode: clock.unitCode, deadlineAt: dueAt, fireAt: dueAt });
  return timers;
}

/** Reminder rules from the escalation ladder's `reminders` (to: a role or a list of roles). */
export function reminderRulesOf(ladder: { reminders?: ReadonlyArray<{ atFractionOfDeadline: number; to: string | readonly string[] }> }): ReminderRule[] {
  return (ladder.reminders ?? [])
    .map((r) => ({ fraction: r.atFractionOfDeadline, roles: typeof r.to === 'string' ? [r.to] : [...r.to] }))
    .filter((r) => r.fraction > 0 && r.fraction < 1)
    .sort((a, b) => a.fraction - b.fraction);
}

/** What the SLA service stored of a deadline: its instance (start, unit) and where it stands. */
export interface StoredDeadline {
  startsAt: Date;
  unitCode: string;
  state: ClockState | 'breached';
  breachedAt: Date | null;
}

export interface DeadlineRecord {
  state: ClockState | 'breached';
  onTime: boolean | null;
  breachedAt: Date | null;
  /** The deadline was met by this change (announce sla.met once). */
  newlyMet: boolean;
}

/**
 * How a recomputed clock is recorded over what was stored: a breached deadline stays breached while it
 * is still owed (the breach was announced once), one met after its breach is late whatever the dates
 * say, and a new instance (a new disposition) starts clean.
 */
export function nextDeadlineRecord(previous: StoredDeadline | undefined, clock: SlaClock): DeadlineRecord {
  const sameInstance = !!previous && previous.startsAt.getTime() === clock.startsAt.getTime() && previous.unitCode === clock.unitCode;
  const wasBreached = sameInstance && previous!.state === 'breached';
  return {
    state: wasBreached && (clock.state === 'running' || clock.state === 'paused') ? 'breached' : clock.state,
    onTime: clock.onTime === null ? null : clock.onTime && !wasBreached,
    breachedAt: sameInstance ? previous!.breachedAt : null,
    newlyMet: clock.state === 'met' && !(sameInstance && previous!.state === 'met'),
  };
}

/** A deadline whose clock no longer exists (the unit refused the ticket, a reopening withdrew the answer). */
export function retiredDeadlineState(previous: StoredDeadline): StoredDeadline['state'] {
  return previous.state === 'running' || previous.state === 'paused' ? 'cancelled' : previous.state;
}
