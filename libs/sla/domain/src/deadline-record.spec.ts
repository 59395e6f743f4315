import { nextDeadlineRecord, retiredDeadlineState, type SlaClock, type StoredDeadline } from './sla-clocks';

const start = new Date('2026-03-02T03:00:00Z');
const clock = (changes: Partial<SlaClock> = {}): SlaClock => ({
  kind: 'first-response', unitCode: 'DINSOS', startsAt: start, workingDays: 4, dueAt: new Date('2026-03-06T03:00:00Z'),
  state: 'running', metAt: null, workingDaysTaken: null, onTime: null, ...changes,
});
const stored = (changes: Partial<StoredDeadline> = {}): StoredDeadline => ({ startsAt: start, unitCode: 'DINSOS', state: 'running', breachedAt: null, ...changes });
const breachedAt = new Date('2026-03-06T03:00:00Z');

describe('recording a recomputed deadline', () => {
  it('records a new deadline as the clock says', () => {
    expect(nextDeadlineRecord(undefined, clock())).toEqual({ state: 'running', onTime: null, breachedAt: null, newlyMet: false });
  });

  it('keeps a breached deadline breached while it is still owed, paused or not', () => {
    for (const state of ['running', 'paused'] as const) {
      expect(nextDeadlineRecord(stored({ state: 'breached', breachedAt }), clock({ state }))).toMatchObject({ state: 'breached', breachedAt });
    }
  });

  it('meets a breached deadline late even if a pause moved its date past the action', () => {
    const met = clock({ state: 'met', metAt: new Date('2026-03-05T00:00:00Z'), onTime: true, workingDaysTaken: 3 });
    expect(nextDeadlineRecord(stored({ state: 'breached', breachedAt }), met)).toEqual({ state: 'met', onTime: false, breachedAt, newlyMet: true });
    expect(nextDeadlineRecord(stored(), met)).toEqual({ state: 'met', onTime: true, breachedAt: null, newlyMet: true });
  });

  it('announces a met deadline once', () => {
    const met = clock({ state: 'met', metAt: new Date('2026-03-03T00:00:00Z'), onTime: true });
    expect(nextDeadlineRecord(stored({ state: 'met' }), met).newlyMet).toBe(false);
  });

  it('starts clean for a new instance: another unit, or a new disposition', () => {
    const old = stored({ state: 'breached', breachedAt });
    expect(nextDeadlineRecord(old, clock({ unitCode: 'DLH' }))).toEqual({ state: 'running', onTime: null, breachedAt: null, newlyMet: false });
    expect(nextDeadlineRecord(old, clock({ startsAt: new Date('2026-03-09T03:00:00Z') })).state).toBe('running');
  });

  it('cancels a retired deadline that was still running, and keeps how the others ended', () => {
    expect([retiredDeadlineState(stored()), retiredDeadlineState(stored({ state: 'paused' })), retiredDeadlineState(stored({ state: 'breached' })), retiredDeadlineState(stored({ state: 'met' }))]).toEqual([
      'cancelled', 'cancelled', 'breached', 'met',
    ]);
  });
});
