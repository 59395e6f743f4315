import {
  dateOfDayNumber,
  dayNumberOfDate,
  jakartaDate,
  jakartaDayNumber,
  jakartaInstant,
  startOfJakartaDay,
  weekdayOfDayNumber,
} from './jakarta-time';

describe('Jakarta time (WIB, UTC+7)', () => {
  it('reads a WIB wall-clock time as the instant 7 hours earlier in UTC', () => {
    expect(jakartaInstant('2026-03-16T10:00').toISOString()).toBe('2026-03-16T03:00:00.000Z');
    expect(jakartaInstant('2026-03-16T06:59:59.5').toISOString()).toBe('2026-03-15T23:59:59.500Z');
    expect(jakartaInstant('2026-03-16').toISOString()).toBe('2026-03-15T17:00:00.000Z');
  });

  it('puts an instant on its WIB day, which begins at 17:00 UTC the day before', () => {
    expect(jakartaDate(new Date('2026-03-16T16:59:59.999Z'))).toBe('2026-03-16');
    expect(jakartaDate(new Date('2026-03-16T17:00:00.000Z'))).toBe('2026-03-17');
  });

  it('gives the start of a WIB day from an instant or a date', () => {
    expect(startOfJakartaDay(new Date('2026-03-16T20:00:00Z')).toISOString()).toBe('2026-03-16T17:00:00.000Z');
    expect(startOfJakartaDay('2026-03-17').toISOString()).toBe('2026-03-16T17:00:00.000Z');
  });

  it('knows the weekday of a WIB day, also before 1970', () => {
    expect(weekdayOfDayNumber(dayNumberOfDate('2026-03-16'))).toBe('MON');
    expect(weekdayOfDayNumber(dayNumberOfDate('2026-03-21'))).toBe('SAT');
    expect(weekdayOfDayNumber(dayNumberOfDate('1969-12-31'))).toBe('WED');
    // 00:30 WIB on Tuesday is still Monday in UTC.
    expect(weekdayOfDayNumber(jakartaDayNumber(jakartaInstant('2026-03-17T00:30')))).toBe('TUE');
  });

  it('round-trips day numbers and dates', () => {
    for (const date of ['2025-01-01', '2026-02-28', '2028-02-29', '2026-12-31']) {
      expect(dateOfDayNumber(dayNumberOfDate(date))).toBe(date);
    }
  });

  it.each(['2026-02-30', '2026-3-1', 'tomorrow', '2026-13-01'])('rejects the date %p', (text) => {
    expect(() => dayNumberOfDate(text)).toThrow();
  });

  it.each(['2026-03-16T24:00', '2026-03-16T10:60', '2026-03-16 10:00', '2026-03-16T10:00+07:00'])(
    'rejects the WIB timestamp %p',
    (text) => {
      expect(() => jakartaInstant(text)).toThrow();
    },
  );

  it('rejects an invalid instant', () => {
    expect(() => jakartaDate(new Date('nonsense'))).toThrow(/Invalid date/);
  });
});
