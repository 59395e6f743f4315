import { ScaledClock } from './scaled-clock';

/** A hand-driven real clock, so the scaled clock's arithmetic can be checked exactly. */
function realTime(startMs = 1_000_000) {
  let current = startMs;
  return {
    now: () => current,
    pass: (ms: number) => {
      current += ms;
    },
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

describe('ScaledClock', () => {
  it('passes a 24 h business day in 30 real seconds at TIME_SCALE 2880', () => {
    const real = realTime();
    const virtualEpoch = new Date('2026-03-16T08:00:00+07:00');
    const clock = new ScaledClock({ scale: 2880, virtualEpoch, realNow: real.now });

    expect(clock.now()).toEqual(virtualEpoch);
    real.pass(30_000);
    expect(clock.now().getTime() - virtualEpoch.getTime()).toBe(DAY_MS);
  });

  it('starts virtual time at the real epoch when no virtual epoch is given', () => {
    const real = realTime(5_000);
    const clock = new ScaledClock({ scale: 10, realNow: real.now });

    expect(clock.now().getTime()).toBe(5_000);
    real.pass(100);
    expect(clock.now().getTime()).toBe(6_000);
  });

  it('measures elapsed time from an explicit real epoch', () => {
    const real = realTime(10_000);
    const clock = new ScaledClock({
      scale: 4,
      virtualEpoch: new Date(0),
      realEpoch: new Date(9_000),
      realNow: real.now,
    });

    expect(clock.now().getTime()).toBe(4_000);
  });

  it('converts business delays to real delays, rounding up so timers never fire early', () => {
    const clock = new ScaledClock({ scale: 2880, realNow: () => 0 });

    expect(clock.toRealDelayMs(DAY_MS)).toBe(30_000);
    expect(clock.toRealDelayMs(1)).toBe(1);
    expect(clock.toRealDelayMs(2881)).toBe(2);
  });

  it('treats a delay in the past as due now', () => {
    const clock = new ScaledClock({ scale: 2, realNow: () => 0 });

    expect(clock.toRealDelayMs(-500)).toBe(0);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects scale %p', (scale) => {
    expect(() => new ScaledClock({ scale })).toThrow(/scale must be a finite number > 0/);
  });

  it('rejects an invalid epoch', () => {
    expect(() => new ScaledClock({ scale: 2, virtualEpoch: new Date('nonsense') })).toThrow(/virtualEpoch/);
  });
});
