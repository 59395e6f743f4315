// The escalation ladder: who hears of an overdue ticket, and when. A breach climbs from the head of
// the unit (at once) to the Asisten Daerah over the unit, then to the Sekda, each after a number of
// working days without the deadline being met. Roles are positions, not people: whoever holds the
// position (an acting Sekda included) receives the alert.
import type { WorkingDayCalendar } from '@bekasi/calendar';

export type LadderRole = 'unit_head' | 'asda' | 'sekda' | 'bupati';

export interface LadderLevel {
  level: number;
  role: LadderRole;
  title: string;
  afterBreachWorkingDays: number;
}

export interface EscalationLadder {
  levels: readonly LadderLevel[];
}

const ROLES: readonly LadderRole[] = ['unit_head', 'asda', 'sekda', 'bupati'];

/** Validates a ladder document (e.g. escalation-ladder.json); throws naming every problem. */
export function escalationLadder(doc: { levels?: ReadonlyArray<{ level: number; role: string; title: string; afterBreachWorkingDays: number }> }): EscalationLadder {
  const problems: string[] = [];
  const levels = [...(doc.levels ?? [])].sort((a, b) => a.level - b.level);
  if (levels.length === 0) problems.push('the ladder needs at least one level');
  levels.forEach((l, i) => {
    if (l.level !== i + 1) problems.push(`levels must be numbered 1..n, found ${l.level} at position ${i + 1}`);
    if (!ROLES.includes(l.role as LadderRole)) problems.push(`level ${l.level}: unknown role "${l.role}"`);
    if (!Number.isInteger(l.afterBreachWorkingDays) || l.afterBreachWorkingDays < 0) problems.push(`level ${l.level}: afterBreachWorkingDays must be a non-negative integer`);
    if (i > 0 && l.afterBreachWorkingDays < levels[i - 1].afterBreachWorkingDays) problems.push(`level ${l.level} comes before level ${levels[i - 1].level}`);
  });
  if (problems.length > 0) throw new Error(`Invalid escalation ladder: ${problems.join('; ')}`);
  return { levels: levels.map((l) => ({ ...l, role: l.role as LadderRole })) };
}

export interface EscalationStep extends LadderLevel {
  /** When this level is alerted if the deadline is still not met. */
  dueAt: Date;
}

/** The steps of one breach: level n is due `afterBreachWorkingDays` working days after the breach. */
export function escalationSteps(ladder: EscalationLadder, breachedAt: Date, calendar: WorkingDayCalendar): EscalationStep[] {
  return ladder.levels.map((l) => ({ ...l, dueAt: l.afterBreachWorkingDays === 0 ? breachedAt : calendar.addWorkingDays(breachedAt, l.afterBreachWorkingDays) }));
}

/** Who receives an alert of a level: a role, narrowed to the unit or to the unit's Asda group. */
export interface AlertAudience {
  role: LadderRole;
  unitCode: string | null;
  asdaGroup: string | null;
}

export function audienceOf(role: LadderRole, unitCode: string, asdaGroupOfUnit: (unitCode: string) => string | null): AlertAudience {
  switch (role) {
    case 'unit_head':
      return { role, unitCode, asdaGroup: null };
    case 'asda':
      return { role, unitCode: null, asdaGroup: asdaGroupOfUnit(unitCode) };
    default:
      return { role, unitCode: null, asdaGroup: null };
  }
}

/** The caller as far as alerts go: the role and the binding the role carries. */
export interface AlertReader {
  role: string;
  unitCode: string | null;
  asdaGroup: string | null;
}
