import { jakartaInstant, WorkingDayCalendar } from '@bekasi/calendar';
import { ESCALATION_LADDER_DEFAULT } from '@bekasi/reference-data';
import { audienceOf, escalationLadder, escalationSteps } from './escalation-ladder';

const calendar = new WorkingDayCalendar();
const ladder = escalationLadder(ESCALATION_LADDER_DEFAULT);
const asdaOf = (unit: string) => ({ DINSOS: 'I', DLH: 'II' })[unit] ?? null;

describe('escalation ladder', () => {
  it('reads the default ladder: unit head at once, Asda after 2 working days, Sekda after 5', () => {
    expect(ladder.levels.map((l) => [l.level, l.role, l.afterBreachWorkingDays])).toEqual([
      [1, 'unit_head', 0],
      [2, 'asda', 2],
      [3, 'sekda', 5],
    ]);
  });

  it('refuses a ladder with gaps, unknown roles, negative days or levels out of order', () => {
    expect(() => escalationLadder({ levels: [] })).toThrow(/at least one level/);
    expect(() =>
      escalationLadder({
        levels: [
          { level: 1, role: 'camat', title: 'x', afterBreachWorkingDays: -1 },
          { level: 3, role: 'sekda', title: 'y', afterBreachWorkingDays: 2 },
        ],
      }),
    ).toThrow(/unknown role "camat".*non-negative.*numbered 1\.\.n/);
    expect(() =>
      escalationLadder({
        levels: [
          { level: 1, role: 'unit_head', title: 'x', afterBreachWorkingDays: 3 },
          { level: 2, role: 'asda', title: 'y', afterBreachWorkingDays: 1 },
        ],
      }),
    ).toThrow(/level 2 comes before level 1/);
  });

  it('dates each step in working days after the breach, skipping the weekend and holidays', () => {
    // Thursday 12 March 2026 10:00 WIB; Nyepi (19 March) and cuti bersama (18 March) fall in the way.
    const breachedAt = jakartaInstant('2026-03-12T10:00');
    const steps = escalationSteps(ladder, breachedAt, calendar);
    expect(steps[0].dueAt).toEqual(breachedAt);
    expect(steps[1].dueAt).toEqual(calendar.addWorkingDays(breachedAt, 2));
    expect(steps[2].dueAt).toEqual(calendar.addWorkingDays(breachedAt, 5));
    // Two working days after a Thursday reach past the weekend.
    expect(steps[1].dueAt.getTime() - breachedAt.getTime()).toBeGreaterThanOrEqual(4 * 24 * 3600 * 1000);
    // Five: 13, 16, 17, (18 and 19 off), 20, 23 March; without the holidays the 19th (deadlines end at midnight).
    expect(steps[2].dueAt.getTime()).toBeGreaterThanOrEqual(jakartaInstant('2026-03-23T00:00').getTime());
    const noHolidays = new WorkingDayCalendar({ holidays: [] });
    expect(escalationSteps(ladder, breachedAt, noHolidays)[2].dueAt.getTime()).toBeLessThanOrEqual(jakartaInstant('2026-03-20T00:00').getTime());
  });

  it('addresses the unit head of the unit, the Asda of its group, the Sekda of the regency', () => {
    expect(audienceOf('unit_head', 'DINSOS', asdaOf)).toEqual({ role: 'unit_head', unitCode: 'DINSOS', asdaGroup: null });
    expect(audienceOf('asda', 'DLH', asdaOf)).toEqual({ role: 'asda', unitCode: null, asdaGroup: 'II' });
    expect(audienceOf('sekda', 'DLH', asdaOf)).toEqual({ role: 'sekda', unitCode: null, asdaGroup: null });
  });
});
