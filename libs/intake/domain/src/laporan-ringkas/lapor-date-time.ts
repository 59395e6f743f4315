// Dates and times as a LAPOR! export writes them ("7 Oct 2026", "10:20:35"), plus the Indonesian
// month names an admin's spreadsheet software may substitute and ISO dates from re-saved files.
// Asia/Jakarta has had no daylight saving since 1964, so a fixed UTC+7 offset is exact.

export const JAKARTA_UTC_OFFSET_HOURS = 7;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  millisecond?: number;
}

const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, ['jan', 'januari', 'january']],
      [2, ['feb', 'februari', 'february', 'pebruari', 'peb']],
      [3, ['mar', 'maret', 'march']],
      [4, ['apr', 'april']],
      [5, ['mei', 'may']],
      [6, ['jun', 'juni', 'june']],
      [7, ['jul', 'juli', 'july']],
      [8, ['agu', 'agt', 'agus', 'agustus', 'aug', 'august']],
      [9, ['sep', 'sept', 'september']],
      [10, ['okt', 'oktober', 'oct', 'october']],
      [11, ['nov', 'nopember', 'november']],
      [12, ['des', 'desember', 'dec', 'december']],
    ] as const
  ).flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

const DAY_MONTH_YEAR = /^(\d{1,2})[\s\-/]+([a-z]+)\.?[\s\-/]+(\d{4})$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// Seconds may carry a fraction ("10:00:00.123"), as exports of some programs write them.
const TIME = /^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): CalendarDate | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** A calendar date from "7 Oct 2026", "07 Oktober 2026", "7-Agt-2026" or "2026-10-07"; null otherwise. */
export function parseLaporDate(raw: string): CalendarDate | null {
  const text = raw.trim();
  const iso = ISO_DATE.exec(text);
  if (iso) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (!dmy) return null;
  const month = MONTH_NUMBERS.get(dmy[2].toLowerCase());
  if (month === undefined) return null;
  return validDate(Number(dmy[3]), month, Number(dmy[1]));
}

/** A time of day from "10:20:35", "10:20" or the Indonesian "10.20.35"; null otherwise. */
export function parseLaporTime(raw: string): TimeOfDay | null {
  const match = TIME.exec(raw.trim());
  if (!match) return null;
  const [hour, minute, second] = [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millisecond = match[4] ? Math.floor(Number(`0.${match[4]}`) * 1000) : 0;
  return millisecond ? { hour, minute, second, millisecond } : { hour, minute, second };
}

/** The instant at which a Jakarta wall-clock date and time occurred. */
export function jakartaInstant(date: CalendarDate, time: TimeOfDay): Date {
  return new Date(
    Date.UTC(date.year, date.month - 1, date.day, time.hour - JAKARTA_UTC_OFFSET_HOURS, time.minute, time.second, time.millisecond ?? 0),
  );
}

/** "2026-10-07" for a calendar date; keeps dates without time as plain calendar values. */
export function isoCalendarDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
