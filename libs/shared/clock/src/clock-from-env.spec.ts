import { clockFromEnv } from './clock-from-env';
import { ScaledClock } from './scaled-clock';
import { SystemClock } from './system-clock';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('clockFromEnv', () => {
  it('uses the wall clock when neither TIME_SCALE nor CLOCK_START is set', () => {
    const clock = clockFromEnv({});

    expect(clock).toBeInstanceOf(SystemClock);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1_000);
    expect(clock.toRealDelayMs(5_000)).toBe(5_000);
  });

  it('treats empty values as unset', () => {
    expect(clockFromEnv({ TIME_SCALE: '', CLOCK_START: ' ' })).toBeInstanceOf(SystemClock);
  });

  it('compresses time by TIME_SCALE', () => {
    let real = 0;
    const clock = clockFromEnv({ TIME_SCALE: '2880' }, { realNow: () => real });

    expect(clock).toBeInstanceOf(ScaledClock);
    const before = clock.now().getTime();
    real += 30_000;
    expect(clock.now().getTime() - before).toBe(DAY_MS);
    expect(clock.toRealDelayMs(DAY_MS)).toBe(30_000);
  });

  it('gives services started at different moments one business time through CLOCK_REAL_EPOCH', () => {
    const env = { TIME_SCALE: '2880', CLOCK_START: '2026-03-16T08:00:00+07:00', CLOCK_REAL_EPOCH: '2026-11-23T10:00:00Z' };
    const realEpoch = Date.parse('2026-11-23T10:00:00Z');
    let real = realEpoch + 10_000;
    const first = clockFromEnv(env, { realNow: () => real });
    real += 20_000;
    const second = clockFromEnv(env, { realNow: () => real });
    expect(first.now().getTime()).toBe(second.now().getTime());
    // 30 real seconds after the epoch at scale 2880: one day after CLOCK_START.
    expect(second.now().getTime() - Date.parse('2026-03-16T08:00:00+07:00')).toBe(DAY_MS);
    expect(() => clockFromEnv({ TIME_SCALE: '2', CLOCK_REAL_EPOCH: 'yesterday' })).toThrow(/CLOCK_REAL_EPOCH/);
  });

  it('starts virtual time at CLOCK_START', () => {
    let real = 1_000;
    const clock = clockFromEnv({ TIME_SCALE: '60', CLOCK_START: '2026-03-16T08:00:00+07:00' }, { realNow: () => real });

    expect(clock.now().toISOString()).toBe('2026-03-16T01:00:00.000Z');
    real += 1_000;
    expect(clock.now().toISOString()).toBe('2026-03-16T01:01:00.000Z');
  });

  it('runs at real speed from CLOCK_START when only CLOCK_START is set', () => {
    let real = 0;
    const clock = clockFromEnv({ CLOCK_START: '2025-10-30T00:00:00Z' }, { realNow: () => real });

    real += 5_000;
    expect(clock.now().toISOString()).toBe('2025-10-30T00:00:05.000Z');
    expect(clock.toRealDelayMs(5_000)).toBe(5_000);
  });

  it.each(['0', '0.5', '-3', 'fast', 'Infinity', 'NaN'])('rejects TIME_SCALE=%p', (value) => {
    expect(() => clockFromEnv({ TIME_SCALE: value })).toThrow(`TIME_SCALE must be a number >= 1 (e.g. 2880 for a 24 h day in 30 s), got "${value}"`);
  });

  it.each(['yesterday', '2026-03-16', '2026-03-16T08:00:00', '2026-13-01T00:00:00Z', '2026-02-30T08:00:00+07:00'])('rejects CLOCK_START=%p', (value) => {
    expect(() => clockFromEnv({ CLOCK_START: value })).toThrow(/CLOCK_START must be an ISO timestamp with a zone/);
  });
});
