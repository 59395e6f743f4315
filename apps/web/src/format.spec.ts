import { countdown, formatDateTime, formatNumber, urgencyOf, weekOf } from './format';

describe('dates and deadlines as people read them', () => {
  const now = new Date('2026-12-01T03:00:00Z'); // 10:00 in Jakarta

  it('shows instants in Asia/Jakarta whatever the machine\'s zone', () => {
    expect(formatDateTime('2026-12-01T17:30:00Z', 'id')).toMatch(/2 Des 2026.*00[.:]30/);
    expect(formatDateTime('2026-12-01T17:30:00Z', 'en')).toMatch(/2 Dec 2026.*00:30/);
    expect(formatDateTime(null, 'id')).toBe('—');
  });

  it('colours a deadline by how much time is left', () => {
    expect(urgencyOf('2026-12-01T02:59:00Z', now)).toBe('overdue');
    expect(urgencyOf('2026-12-01T20:00:00Z', now)).toBe('critical');
    expect(urgencyOf('2026-12-03T00:00:00Z', now)).toBe('soon');
    expect(urgencyOf('2026-12-10T00:00:00Z', now)).toBe('calm');
  });

  it('counts down in the UI\'s language', () => {
    expect(countdown('2026-12-03T03:00:00Z', now, 'en')).toBe('in 2 days');
    expect(countdown('2026-12-01T01:00:00Z', now, 'en')).toBe('2 hours ago');
    expect(countdown('2026-12-03T03:00:00Z', now, 'id')).toBe('lusa');
  });

  it('numbers in Indonesian use a decimal comma', () => {
    expect(formatNumber(81.25, 'id')).toBe('81,3');
    expect(formatNumber(81.25, 'en')).toBe('81.3');
    expect(formatNumber(null, 'id')).toBe('—');
  });

  it('groups an instant into its Jakarta week (Monday)', () => {
    // Sunday 23:30 UTC is Monday 06:30 in Jakarta: the new week.
    expect(weekOf('2026-11-29T23:30:00Z')).toBe('2026-11-30');
    expect(weekOf('2026-11-29T16:00:00Z')).toBe('2026-11-23');
  });
});
