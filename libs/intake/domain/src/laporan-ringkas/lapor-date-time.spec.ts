import { isoCalendarDate, jakartaInstant, parseLaporDate, parseLaporTime } from './lapor-date-time';

describe('parseLaporDate', () => {
  it.each([
    ['7 Oct 2026', '2026-10-07'],
    ['07 Oct 2026', '2026-10-07'],
    ['29 May 2023', '2023-05-29'],
    ['7 October 2026', '2026-10-07'],
    ['7 Okt 2026', '2026-10-07'],
    ['7 Oktober 2026', '2026-10-07'],
    ['1 Januari 2026', '2026-01-01'],
    ['14 Februari 2026', '2026-02-14'],
    ['3 Maret 2026', '2026-03-03'],
    ['21 Apr 2026', '2026-04-21'],
    ['1 Mei 2026', '2026-05-01'],
    ['1 Juni 2026', '2026-06-01'],
    ['17 Juli 2026', '2026-07-17'],
    ['17 Agustus 2026', '2026-08-17'],
    ['17 Agu 2026', '2026-08-17'],
    ['17 Agt 2026', '2026-08-17'],
    ['17 Aug 2026', '2026-08-17'],
    ['9 Sep 2026', '2026-09-09'],
    ['30 Nov 2026', '2026-11-30'],
    ['25 Des 2026', '2026-12-25'],
    ['25 Dec 2026', '2026-12-25'],
    ['25 DES 2026', '2026-12-25'],
    ['7-Oct-2026', '2026-10-07'],
    ['  7 Oct 2026 ', '2026-10-07'],
    ['2026-10-07', '2026-10-07'],
    ['29 Feb 2028', '2028-02-29'],
  ])('reads %p as %s', (raw, iso) => {
    const date = parseLaporDate(raw);
    expect(date).not.toBeNull();
    expect(isoCalendarDate(date!)).toBe(iso);
  });

  it.each(['', '31 Feb 2026', '29 Feb 2026', '32 Oct 2026', '7 Foo 2026', 'Oct 7 2026', '2026-13-01', '7/10/2026', '7 Oct 26'])(
    'refuses %p',
    (raw) => {
      expect(parseLaporDate(raw)).toBeNull();
    },
  );
});

describe('parseLaporTime', () => {
  it.each([
    ['10:20:35', { hour: 10, minute: 20, second: 35 }],
    ['04:05:34', { hour: 4, minute: 5, second: 34 }],
    ['4:05:34', { hour: 4, minute: 5, second: 34 }],
    ['23:59', { hour: 23, minute: 59, second: 0 }],
    ['10.20.35', { hour: 10, minute: 20, second: 35 }],
    ['10:00:00.123', { hour: 10, minute: 0, second: 0, millisecond: 123 }],
    ['10:00:00,5', { hour: 10, minute: 0, second: 0, millisecond: 500 }],
    ['10:00:00.000', { hour: 10, minute: 0, second: 0 }],
  ])('reads %p', (raw, expected) => {
    expect(parseLaporTime(raw)).toEqual(expected);
  });

  it.each(['', '24:00:00', '10:60:00', '10:20:60', 'pagi', '10:2', '10:20.123', '10:20:35.'])('refuses %p', (raw) => {
    expect(parseLaporTime(raw)).toBeNull();
  });
});

describe('jakartaInstant', () => {
  it('reads the wall clock as UTC+7', () => {
    const instant = jakartaInstant({ year: 2026, month: 10, day: 7 }, { hour: 10, minute: 20, second: 35 });
    expect(instant.toISOString()).toBe('2026-10-07T03:20:35.000Z');
  });

  it('puts early-morning Jakarta times on the previous UTC day', () => {
    const instant = jakartaInstant({ year: 2026, month: 1, day: 1 }, { hour: 3, minute: 0, second: 0 });
    expect(instant.toISOString()).toBe('2025-12-31T20:00:00.000Z');
  });
});
