// Business time is injected so the SLA timers can run on a compressed scale in demos and on a
// hand-driven clock in tests, while production reads the wall clock.

export interface Clock {
  now(): Date;
  /** Real milliseconds to wait for `virtualMs` of business time. */
  toRealDelayMs(virtualMs: number): number;
}

/** DI token for the clock; a plain symbol so this library stays free of any framework. */
export const CLOCK = Symbol('CLOCK');
