import { deadlineOnTime, nextDeadlineOnTime } from './deadline-outcome';

describe('deadline outcome: late once, late for good', () => {
  it('stays late whatever arrives after, in any order', () => {
    expect(nextDeadlineOnTime(null, true)).toBe(true);
    expect(nextDeadlineOnTime(null, false)).toBe(false);
    expect(nextDeadlineOnTime(false, true)).toBe(false);
    expect(nextDeadlineOnTime(true, false)).toBe(false);
    expect([deadlineOnTime([false, true]), deadlineOnTime([true, false]), deadlineOnTime([true, true])]).toEqual([false, false, true]);
  });
});
