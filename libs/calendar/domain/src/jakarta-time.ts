// Wall-clock arithmetic for Asia/Jakarta (WIB). Indonesia has had no daylight saving since 1964
// and WIB has been UTC+7 since 1988, so a fixed offset is exact for every date this system sees
// and no time-zone library is needed.
//
// A "day number" counts WIB calendar days since 1970-01-01 WIB; it is the unit in which the
// working-day calendar reasons, because holidays and deadlines are whole WIB days.

export const JAKARTA_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export type Weekday = 'SUN' | 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT';

export const WEEKDAYS: readonly Weekday[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/** The WIB calendar day an instant falls on. */
export function jakartaDayNumber(instant: Date): number {
  return Math.floor((validMs(instant) + JAKARTA_UTC_OFFSET_MS) / DAY_MS);
}

/** The day number of a WIB calendar date written as YYYY-MM-DD. */
export function dayNumberOfDate(yyyyMmDd: string): number {
  const match = CALENDAR_DATE.exec(yyyyMmDd);
  if (!match) throw new Error(`Expected a calendar date YYYY-MM-DD, got "${yyyyMmDd}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = new Date(Date.UTC(year, month - 1, day));
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) {
    throw new Error(`"${yyyyMmDd}" is not a calendar date`);
  }
  return utc.getTime() / DAY_MS;
}

/** 00:00 WIB of a day number, as an instant. */
export function startOfDayNumber(dayNumber: number): Date {
  return new Date(dayNumber * DAY_MS - JAKARTA_UTC_OFFSET_MS);
}

export function dateOfDayNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

export function weekdayOfDayNumber(dayNumber: number): Weekday {
  // Day 0, 1970-01-01, was a Thursday.
  return WEEKDAYS[(((dayNumber + 4) % 7) + 7) % 7];
}

/** The WIB calendar date (YYYY-MM-DD) of an instant. */
export function jakartaDate(instant: Date): string {
  return dateOfDayNumber(jakartaDayNumber(instant));
}

/** 00:00 WIB of the WIB day of an instant, or of a YYYY-MM-DD date. */
export function startOfJakartaDay(day: Date | string): Date {
  return startOfDayNumber(typeof day === 'string' ? dayNumberOfDate(day) : jakartaDayNumber(day));
}

/**
 * The instant of a WIB wall-clock time, e.g. `jakartaInstant('2026-03-16T10:00')` is 03:00 UTC.
 * A bare date means 00:00 WIB.
 */
export function jakartaInstant(localTimestamp: string): Date {
  const match = LOCAL_TIMESTAMP.exec(localTimestamp);
  if (!match) throw new Error(`Expected a WIB timestamp YYYY-MM-DD[THH:mm[:ss[.SSS]]], got "${localTimestamp}"`);
  const [hours, minutes, seconds] = [match[2], match[3], match[4]].map((part) => Number(part ?? 0));
  const millis = Number((match[5] ?? '').padEnd(3, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59) {
    throw new Error(`"${localTimestamp}" is not a valid WIB time of day`);
  }
  const ms = startOfDayNumber(dayNumberOfDate(match[1])).getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
  return new Date(ms);
}

function validMs(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid date');
  return ms;
}
