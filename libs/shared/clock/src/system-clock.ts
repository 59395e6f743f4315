import type { Clock } from './clock';

/** The wall clock: business time is real time. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }

  toRealDelayMs(virtualMs: number): number {
    return Math.max(0, virtualMs);
  }
}
