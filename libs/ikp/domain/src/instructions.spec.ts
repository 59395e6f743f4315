import { checkProgress, instructionTally, mayReport, standingOf, type Instruction } from './instructions';

const due = new Date('2026-11-30T16:59:59Z');
const at = (iso: string) => new Date(iso);
const instruction = (changes: Partial<Instruction> = {}): Instruction => ({ dueAt: due, state: 'active', completedAt: null, ...changes });

describe('IKP instructions', () => {
  it('stands on track before its date, overdue after, done on time or late once completed', () => {
    expect(standingOf(instruction(), at('2026-11-20T00:00:00Z'))).toBe('on_track');
    expect(standingOf(instruction(), at('2026-12-01T00:00:00Z'))).toBe('overdue');
    expect(standingOf(instruction({ state: 'done', completedAt: at('2026-11-29T00:00:00Z') }), at('2026-12-05T00:00:00Z'))).toBe('done_on_time');
    expect(standingOf(instruction({ state: 'done', completedAt: at('2026-12-02T00:00:00Z') }), at('2026-12-05T00:00:00Z'))).toBe('done_late');
    expect(standingOf(instruction({ state: 'cancelled' }), at('2026-12-05T00:00:00Z'))).toBe('cancelled');
  });

  it('counts only instructions whose outcome is known, done by their date or not', () => {
    const now = at('2026-12-01T00:00:00Z');
    const list = [
      instruction({ state: 'done', completedAt: at('2026-11-10T00:00:00Z') }),
      instruction({ state: 'done', completedAt: at('2026-12-01T00:00:00Z') }),
      instruction(),
      instruction({ dueAt: at('2026-12-31T00:00:00Z') }),
      instruction({ state: 'cancelled' }),
    ];
    expect(instructionTally(list, now)).toEqual({ due: 3, doneOnTime: 1 });
  });

  it('accepts progress within 0-100, and a step back only with a reason', () => {
    expect(checkProgress(40, 60, '')).toBeNull();
    expect(checkProgress(40, 120, '')).toMatch(/0 dan 100/);
    expect(checkProgress(60, 40, 'turun')).toMatch(/penjelasan/);
    expect(checkProgress(60, 40, 'Korban baru dilaporkan, penanganan ulang')).toBeNull();
  });

  it('lets the instructed unit report and only the leadership cancel', () => {
    const who = (role: string, unitCode: string | null = null) => ({ role, unitCode });
    expect([mayReport('progress', who('officer', 'DP3A'), 'DP3A'), mayReport('done', who('unit_head', 'DP3A'), 'DP3A')]).toEqual([true, true]);
    expect([mayReport('done', who('unit_head', 'DLH'), 'DP3A'), mayReport('progress', who('sekda'), 'DP3A'), mayReport('cancelled', who('unit_head', 'DP3A'), 'DP3A')]).toEqual([false, false, false]);
    expect([mayReport('cancelled', who('sekda'), 'DP3A'), mayReport('cancelled', who('bupati'), 'DP3A'), mayReport('cancelled', who('admin'), 'DP3A')]).toEqual([true, true, false]);
  });
});
