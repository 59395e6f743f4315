import { FakeClock } from './fake-clock';

const HOUR_MS = 60 * 60 * 1000;

describe('FakeClock', () => {
  it('starts on a fixed working morning by default, so tests are deterministic', () => {
    expect(new FakeClock().now().toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('stands still until moved', () => {
    const clock = new FakeClock(new Date('2026-03-16T03:00:00Z'));

    expect(clock.now()).toEqual(clock.now());
    expect(clock.now().toISOString()).toBe('2026-03-16T03:00:00.000Z');
  });

  it('advances by a duration', () => {
    const clock = new FakeClock(new Date('2026-03-16T03:00:00Z'));

    clock.advance(2 * HOUR_MS).advance(30 * 60 * 1000);

    expect(clock.now().toISOString()).toBe('2026-03-16T05:30:00.000Z');
  });

  it('advances to an instant and refuses to go backwards', () => {
    const clock = new FakeClock(new Date('2026-03-16T03:00:00Z'));

    clock.advanceTo(new Date('2026-03-17T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-03-17T00:00:00.000Z');
    expect(() => clock.advanceTo(new Date('2026-03-16T00:00:00Z'))).toThrow(/backwards/);
    expect(() => clock.advance(-1)).toThrow(/non-negative/);
  });

  it('can be set to any instant, including the past', () => {
    const clock = new FakeClock(new Date('2026-03-16T03:00:00Z'));

    clock.set(new Date('2025-10-30T00:00:00Z'));

    expect(clock.now().toISOString()).toBe('2025-10-30T00:00:00.000Z');
  });

  it('does not let callers mutate its time through the returned Date', () => {
    const clock = new FakeClock(new Date('2026-03-16T03:00:00Z'));

    clock.now().setTime(0);

    expect(clock.now().toISOString()).toBe('2026-03-16T03:00:00.000Z');
  });

  it('waits exactly the business delay in real time', () => {
    expect(new FakeClock().toRealDelayMs(HOUR_MS)).toBe(HOUR_MS);
  });

  it('rejects an invalid date', () => {
    expect(() => new FakeClock(new Date('nonsense'))).toThrow(/invalid date/);
  });
});
