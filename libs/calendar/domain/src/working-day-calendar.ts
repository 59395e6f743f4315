// The working-day calendar of a regency in Asia/Jakarta, and the working-time model behind every
// SLA deadline and reminder.
//
// Model (chosen so deadlines, fractions and pauses all come out of one rule):
// - A working day is a WIB calendar day whose weekday is configured as working (default Mon-Fri)
//   and which carries no holiday of a non-working kind (default: libur nasional and cuti bersama).
// - Working time is wall-clock time that falls on working days: each working day contributes its
//   full 24 hours (00:00-24:00 WIB), non-working days contribute nothing. Office hours are not
//   modelled: LAPOR deadlines are stated in whole days, and a report answered at 21:00 is on time.
// - Deadline of n working days from an instant t: the END of the n-th working day after the WIB
//   day of t, represented as the exclusive instant 00:00 WIB of the following calendar day. A
//   ticket is late when `now >= deadline`. The day of t itself never counts, so a report received
//   on a Saturday or a holiday starts counting from the next working day, and one received on a
//   Friday at 10:00 is due at the same moment as one received on the Saturday after it.
// - The remainder of the day of t, if it is a working day, is working time between t and the
//   deadline: fractions (50 %/80 % reminders) are taken of the whole working time from t.
// - Pauses remove their working time; the deadline moves on by exactly the paused working time,
//   skipping non-working days, so a deadline after a pause may fall in the middle of a day.
//
// Holiday data exists only for some years (`coversYear`). In other years only weekdays are known;
// computing there still works and callers should warn (`uncoveredYearsBetween`).
import { HOLIDAYS, type HolidayReference } from '@bekasi/reference-data';
import {
  WEEKDAYS,
  type Weekday,
  dayNumberOfDate,
  jakartaDayNumber,
  startOfDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './jakarta-time';
import { normalisePauses, type PauseSpan, type SlaPause } from './sla-pause';

export type HolidayKind = HolidayReference['kind'];

export const HOLIDAY_KINDS: readonly HolidayKind[] = ['libur_nasional', 'cuti_bersama'];

export interface WorkingDayCalendarOptions {
  /** Defaults to the national holidays and cuti bersama of @bekasi/reference-data. */
  holidays?: readonly HolidayReference[];
  /** Defaults to Monday to Friday. */
  weekdays?: readonly Weekday[];
  /** Holiday kinds that are days off; defaults to both (cuti bersama are days off for ASN). */
  nonWorkingKinds?: readonly HolidayKind[];
  /** Years the holiday list is complete for; defaults to the years the holidays fall in. */
  coveredYears?: readonly number[];
}

/** The `workingDays` block of an SLA policy document. */
export interface WorkingDaysSettings {
  weekdays: readonly string[];
  excludeKinds: readonly string[];
}

export class WorkingDayCalendar {
  private readonly holidaysByDay = new Map<number, HolidayReference[]>();
  private readonly workingWeekdays: ReadonlySet<Weekday>;
  private readonly nonWorkingKinds: ReadonlySet<HolidayKind>;
  private readonly years: ReadonlySet<number>;

  constructor(options: WorkingDayCalendarOptions = {}) {
    const holidays = options.holidays ?? HOLIDAYS;
    for (const holiday of holidays) {
      if (!HOLIDAY_KINDS.includes(holiday.kind)) {
        throw new Error(`Holiday "${holiday.name}" on ${holiday.date} has an unknown kind "${holiday.kind}"`);
      }
      const day = dayNumberOfDate(holiday.date);
      this.holidaysByDay.set(day, [...(this.holidaysByDay.get(day) ?? []), holiday]);
    }

    this.workingWeekdays = new Set(options.weekdays ?? (['MON', 'TUE', 'WED', 'THU', 'FRI'] as const));
    // Without a working weekday no deadline could ever be reached.
    if (this.workingWeekdays.size === 0) throw new Error('A working-day calendar needs at least one working weekday');
    for (const weekday of this.workingWeekdays) {
      if (!WEEKDAYS.includes(weekday)) throw new Error(`Unknown weekday "${weekday}"`);
    }

    this.nonWorkingKinds = new Set(options.nonWorkingKinds ?? HOLIDAY_KINDS);
    this.years = new Set(options.coveredYears ?? [...this.holidaysByDay.keys()].map(yearOfDayNumber));
  }

  /** A calendar configured by an SLA policy's `workingDays` block (weekday names MON..SUN). */
  static fromSettings(settings: WorkingDaysSettings, holidays: readonly HolidayReference[] = HOLIDAYS): WorkingDayCalendar {
    const weekdays = settings.weekdays.map((name) => {
      if (!WEEKDAYS.includes(name as Weekday)) throw new Error(`Unknown weekday "${name}" in working-day settings`);
      return name as Weekday;
    });
    const nonWorkingKinds = settings.excludeKinds.map((kind) => {
      if (!HOLIDAY_KINDS.includes(kind as HolidayKind)) throw new Error(`Unknown holiday kind "${kind}" in working-day settings`);
      return kind as HolidayKind;
    });
    return new WorkingDayCalendar({ holidays, weekdays, nonWorkingKinds });
  }

  get coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  coversYear(year: number): boolean {
    return this.years.has(year);
  }

  /** WIB years touched by [from, to] that have no holiday data: computations there know weekdays only. */
  uncoveredYearsBetween(from: Date, to: Date): number[] {
    const [first, last] = [jakartaDayNumber(from), jakartaDayNumber(to)].sort((a, b) => a - b);
    const years: number[] = [];
    for (let year = yearOfDayNumber(first); year <= yearOfDayNumber(last); year++) {
      if (!this.coversYear(year)) years.push(year);
    }
    return years;
  }

  /** Whether a WIB day (the day of an instant, or a YYYY-MM-DD date) is a working day. */
  isWorkingDay(day: Date | string): boolean {
    return this.isWorkingDayNumber(toDayNumber(day));
  }

  /** The holiday on a WIB day, preferring one that makes it a day off; undefined if none. */
  holidayOn(day: Date | string): HolidayReference | undefined {
    const holidays = this.holidaysByDay.get(toDayNumber(day)) ?? [];
    return holidays.find((holiday) => this.nonWorkingKinds.has(holiday.kind)) ?? holidays[0];
  }

  /**
   * The deadline of `n` working days counted from `from`: 00:00 WIB of the calendar day after the
   * n-th working day after the WIB day of `from` (see the model above). n = 0 gives the end of
   * the day of `from`.
   */
  addWorkingDays(from: Date, n: number): Date {
    assertWorkingDayCount(n);
    let day = jakartaDayNumber(from);
    for (let counted = 0; counted < n; ) {
      day++;
      if (this.isWorkingDayNumber(day)) counted++;
    }
    return startOfDayNumber(day + 1);
  }

  /**
   * Working days after the WIB day of `a` up to and including the WIB day of `b`; negative when
   * `b` is before `a`. Any instant on the n-th working day after `a` gives n, so the inverse of
   * `addWorkingDays` is `workingDaysBetween(a, deadline - 1 ms)`.
   */
  workingDaysBetween(a: Date, b: Date): number {
    const [dayA, dayB] = [jakartaDayNumber(a), jakartaDayNumber(b)];
    if (dayB < dayA) return -this.workingDaysBetween(b, a);
    let count = 0;
    for (let day = dayA + 1; day <= dayB; day++) {
      if (this.isWorkingDayNumber(day)) count++;
    }
    return count;
  }

  /** Working time in [a, b), minus any paused time; 0 when `b` is not after `a`. */
  workingMillisBetween(a: Date, b: Date, pauses: readonly SlaPause[] = []): number {
    const end = b.getTime();
    let total = 0;
    this.walkActiveTime(a, pauses, (segmentStart, segmentEnd) => {
      if (segmentStart >= end) return 'stop';
      total += Math.min(segmentEnd, end) - segmentStart;
      return segmentEnd >= end ? 'stop' : 'continue';
    });
    return total;
  }

  /**
   * The instant at which `workingMs` of (unpaused) working time has passed since `start`; null if
   * a pause that is still running stops the clock before then.
   */
  addWorkingMillis(start: Date, workingMs: number, pauses: readonly SlaPause[] = []): Date | null {
    if (!Number.isFinite(workingMs) || workingMs < 0) {
      throw new Error(`Working time to add must be a finite, non-negative number of milliseconds, got ${workingMs}`);
    }
    if (workingMs === 0) return new Date(start.getTime());
    let remaining = workingMs;
    let reachedAt: number | null = null;
    this.walkActiveTime(start, pauses, (segmentStart, segmentEnd) => {
      if (remaining <= segmentEnd - segmentStart) {
        reachedAt = segmentStart + remaining;
        return 'stop';
      }
      remaining -= segmentEnd - segmentStart;
      return 'continue';
    });
    return reachedAt === null ? null : new Date(reachedAt);
  }

  /**
   * The instant at which `fraction` (0..1) of the working time between `start` and `deadline`
   * has passed, e.g. 0.5 and 0.8 for reminders. With pauses, both the whole and the part are
   * counted without the paused time, so pass the same pauses as to `deadlineWithPauses`.
   */
  fractionPoint(start: Date, deadline: Date, fraction: number, pauses: readonly SlaPause[] = []): Date {
    if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
      throw new Error(`A deadline fraction must be between 0 and 1, got ${fraction}`);
    }
    const budget = this.workingMillisBetween(start, deadline, pauses);
    // Rounded up: a reminder must not claim a fraction has passed a millisecond before it has.
    const point = this.addWorkingMillis(start, Math.ceil(budget * fraction), pauses);
    // The budget was measured through the same pauses, so it is always reached by the deadline.
    if (point === null) throw new Error('Unreachable: fraction of a measured working time was not reached');
    return point;
  }

  /**
   * The deadline of `workingDays` from `start` with the SLA clock stopped during `pauses`: the
   * working time of the unpaused deadline, counted from `start` while skipping paused time. Null
   * while a pause that is still running holds the clock before the deadline is reached.
   */
  deadlineWithPauses(start: Date, workingDays: number, pauses: readonly SlaPause[]): Date | null {
    const plainDeadline = this.addWorkingDays(start, workingDays);
    const budget = this.workingMillisBetween(start, plainDeadline);
    // Zero days from a day off: no working time to run down, so no pause can move the deadline.
    if (budget === 0) return plainDeadline;
    return this.addWorkingMillis(start, budget, pauses);
  }

  private isWorkingDayNumber(day: number): boolean {
    if (!this.workingWeekdays.has(weekdayOfDayNumber(day))) return false;
    const holidays = this.holidaysByDay.get(day);
    return !holidays?.some((holiday) => this.nonWorkingKinds.has(holiday.kind));
  }

  /**
   * Visits, in order from `start`, the maximal stretches of working time that no pause covers
   * (each within one day), until the visitor says stop or a running pause never ends.
   */
  private walkActiveTime(
    start: Date,
    pauses: readonly SlaPause[],
    visit: (segmentStartMs: number, segmentEndMs: number) => 'continue' | 'stop',
  ): void {
    const spans: PauseSpan[] = normalisePauses(pauses);
    let cursor = start.getTime();
    if (Number.isNaN(cursor)) throw new Error('Invalid date');
    let nextSpan = 0;

    for (;;) {
      while (nextSpan < spans.length && spans[nextSpan].toMs <= cursor) nextSpan++;
      const span = spans[nextSpan];
      if (span && span.fromMs <= cursor) {
        if (span.toMs === Number.POSITIVE_INFINITY) return;
        cursor = span.toMs;
        continue;
      }

      const day = jakartaDayNumber(new Date(cursor));
      const dayEnd = startOfDayNumber(day + 1).getTime();
      if (!this.isWorkingDayNumber(day)) {
        cursor = dayEnd;
        continue;
      }

      const segmentEnd = span ? Math.min(dayEnd, span.fromMs) : dayEnd;
      if (visit(cursor, segmentEnd) === 'stop') return;
      cursor = segmentEnd;
    }
  }
}

function toDayNumber(day: Date | string): number {
  return typeof day === 'string' ? dayNumberOfDate(day) : jakartaDayNumber(day);
}

function assertWorkingDayCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new Error(`A number of working days must be a non-negative integer, got ${n}`);
}
