import type { Clock } from './clock';

/** Monday 5 January 2026, 08:00 WIB: a fixed, ordinary working morning for tests. */
const DEFAULT_START = Date.UTC(2026, 0, 5, 1, 0, 0);

/** A clock that only moves when a test moves it. */
export class FakeClock implements Clock {
  private currentMs: number;

  constructor(start: Date = new Date(DEFAULT_START)) {
    this.currentMs = instantOf(start);
  }

  now(): Date {
    return new Date(this.currentMs);
  }

  /** Jumps to any instant, also backwards (e.g. to replay a scenario). */
  set(date: Date): this {
    this.currentMs = instantOf(date);
    return this;
  }

  advance(ms: number): this {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new Error(`FakeClock can only advance by a finite, non-negative amount, got ${ms}`);
    }
    this.currentMs += ms;
    return this;
  }

  /** Like `set`, but refuses to go back in time, which in a test is almost always a mistake. */
  advanceTo(date: Date): this {
    const target = instantOf(date);
    if (target < this.currentMs) {
      throw new Error(
        `FakeClock cannot advance backwards from ${new Date(this.currentMs).toISOString()} to ${new Date(target).toISOString()}; use set()`,
      );
    }
    this.currentMs = target;
    return this;
  }

  toRealDelayMs(virtualMs: number): number {
    return virtualMs;
  }
}

function instantOf(date: Date): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('FakeClock was given an invalid date');
  return ms;
}
