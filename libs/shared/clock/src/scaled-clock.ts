import type { Clock } from './clock';

export interface ScaledClockOptions {
  /** Virtual milliseconds per real millisecond; 2880 makes a 24 h day pass in 30 s. */
  scale: number;
  /** Virtual instant at `realEpoch`; defaults to `realEpoch`, so virtual time starts at "now". */
  virtualEpoch?: Date;
  /** Real instant at which the virtual clock reads `virtualEpoch`; defaults to `realNow()`. */
  realEpoch?: Date;
  /** Source of real time, replaceable for tests; defaults to `Date.now`. */
  realNow?: () => number;
}

/**
 * A clock that runs `scale` times faster than real time, for demos that show the whole life of a
 * ticket (days of working-day deadlines) in minutes:
 * virtual = virtualEpoch + (realNow - realEpoch) * scale.
 */
export class ScaledClock implements Clock {
  readonly scale: number;
  private readonly virtualEpochMs: number;
  private readonly realEpochMs: number;
  private readonly realNow: () => number;

  constructor(options: ScaledClockOptions) {
    const { scale } = options;
    if (!Number.isFinite(scale) || scale <= 0) {
      throw new Error(`ScaledClock scale must be a finite number > 0, got ${scale}`);
    }
    this.scale = scale;
    this.realNow = options.realNow ?? Date.now;
    this.realEpochMs = validInstant(options.realEpoch, 'realEpoch') ?? this.realNow();
    this.virtualEpochMs = validInstant(options.virtualEpoch, 'virtualEpoch') ?? this.realEpochMs;
  }

  now(): Date {
    return new Date(this.virtualEpochMs + (this.realNow() - this.realEpochMs) * this.scale);
  }

  /** Rounded up so a timer never fires before the virtual instant it waits for. */
  toRealDelayMs(virtualMs: number): number {
    return Math.max(0, Math.ceil(virtualMs / this.scale));
  }
}

function validInstant(date: Date | undefined, name: string): number | undefined {
  if (date === undefined) return undefined;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error(`ScaledClock ${name} is an invalid date`);
  return ms;
}
