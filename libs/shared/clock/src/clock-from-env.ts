import type { Clock } from './clock';
import { ScaledClock } from './scaled-clock';
import { SystemClock } from './system-clock';

export interface ClockFromEnvOptions {
  /** Source of real time, replaceable for tests; defaults to `Date.now`. */
  realNow?: () => number;
}

// Requires a date, a time and an explicit zone: a timestamp without a zone would be read in the
// server's local zone, and demos run on machines set to UTC as often as to WIB.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The clock a service runs on, from its environment:
 * - TIME_SCALE: virtual milliseconds per real millisecond, a number >= 1 (default 1);
 *   2880 makes a 24 h day pass in 30 s.
 * - CLOCK_START: ISO timestamp with zone at which virtual time begins (default: now).
 * - CLOCK_REAL_EPOCH: the real instant at which virtual time reads CLOCK_START (default: now).
 *   Services started at different moments (or restarted) share one business time only when they
 *   share this instant; `npm start` sets it once for all of them.
 * Without TIME_SCALE or CLOCK_START, the wall clock is used unchanged.
 */
export function clockFromEnv(env: Record<string, string | undefined>, options: ClockFromEnvOptions = {}): Clock {
  const scale = parseTimeScale(env['TIME_SCALE']);
  const start = parseClockStart(env['CLOCK_START']);
  if (scale === 1 && start === undefined && options.realNow === undefined) return new SystemClock();
  const realEpoch = parseInstant(env['CLOCK_REAL_EPOCH'], 'CLOCK_REAL_EPOCH');
  return new ScaledClock({ scale, virtualEpoch: start ?? realEpoch, realEpoch, realNow: options.realNow });
}

function parseTimeScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw.trim());
  if (!Number.isFinite(scale) || scale < 1) {
    throw new Error(`TIME_SCALE must be a number >= 1 (e.g. 2880 for a 24 h day in 30 s), got "${raw}"`);
  }
  return scale;
}

function parseClockStart(raw: string | undefined): Date | undefined {
  return parseInstant(raw, 'CLOCK_START');
}

function parseInstant(raw: string | undefined, name: string): Date | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  const instant = new Date(text);
  if (!ISO_TIMESTAMP.test(text) || Number.isNaN(instant.getTime()) || !isCalendarDate(text.slice(0, 10))) {
    throw new Error(`${name} must be an ISO timestamp with a zone, e.g. 2026-03-16T08:00:00+07:00, got "${raw}"`);
  }
  return instant;
}

/** Date parsing rolls 2026-02-30 over into March instead of rejecting it. */
function isCalendarDate(yyyyMmDd: string): boolean {
  const [year, month, day] = yyyyMmDd.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
