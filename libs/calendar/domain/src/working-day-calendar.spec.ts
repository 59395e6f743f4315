import { HOLIDAYS, SLA_POLICY_DEFAULT } from '@bekasi/reference-data';
import { jakartaInstant as wib } from './jakarta-time';
import { WorkingDayCalendar } from './working-day-calendar';

const HOUR_MS = 60 * 60 * 1000;
const hours = (n: number) => n * HOUR_MS;

// March 2026 around Idulfitri 1447 H, as the reference data has it:
//   Mon 16 work | Tue 17 work | Wed 18 cuti Nyepi | Thu 19 Nyepi | Fri 20 cuti Idulfitri |
//   Sat 21 Idulfitri | Sun 22 Idulfitri | Mon 23 cuti | Tue 24 cuti | Wed 25 work | Thu 26 work
const bekasi = new WorkingDayCalendar();
const cutiBersamaWorked = new WorkingDayCalendar({ nonWorkingKinds: ['libur_nasional'] });

describe('WorkingDayCalendar', () => {
  describe('working days', () => {
    it.each([
      ['2026-03-17', true, 'an ordinary Tuesday'],
      ['2026-03-18', false, 'cuti bersama Nyepi'],
      ['2026-03-19', false, 'Nyepi'],
      ['2026-03-21', false, 'a Saturday that is also Idulfitri'],
      ['2026-03-22', false, 'a Sunday'],
      ['2026-03-24', false, 'cuti bersama Idulfitri'],
      ['2026-03-25', true, 'the first day back after Idulfitri'],
      ['2025-08-18', false, 'the cuti bersama added by the August 2025 amendment'],
    ])('%s is working: %p (%s)', (date, working) => {
      expect(bekasi.isWorkingDay(date)).toBe(working);
    });

    it('decides by the WIB day, not the UTC day', () => {
      // 23:59 WIB Tuesday 17 March is a working day; one minute later it is cuti bersama.
      expect(bekasi.isWorkingDay(new Date('2026-03-17T16:59:00Z'))).toBe(true);
      expect(bekasi.isWorkingDay(new Date('2026-03-17T17:00:00Z'))).toBe(false);
    });

    it('can count cuti bersama as working days', () => {
      expect(cutiBersamaWorked.isWorkingDay('2026-03-18')).toBe(true);
      expect(cutiBersamaWorked.isWorkingDay('2026-03-19')).toBe(false);
    });

    it('supports other working weeks', () => {
      const sixDayWeek = new WorkingDayCalendar({ weekdays: ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] });

      expect(sixDayWeek.isWorkingDay('2026-03-07')).toBe(true);
      expect(sixDayWeek.isWorkingDay('2026-03-21')).toBe(false);
    });

    it('names the holiday on a day, even when that kind is worked', () => {
      expect(bekasi.holidayOn('2026-03-21')).toEqual({ date: '2026-03-21', name: 'Idulfitri 1447 Hijriah', kind: 'libur_nasional' });
      expect(bekasi.holidayOn(wib('2026-03-23T09:00'))?.kind).toBe('cuti_bersama');
      expect(cutiBersamaWorked.holidayOn('2026-03-23')?.name).toBe('Cuti bersama Idulfitri 1447 Hijriah');
      expect(bekasi.holidayOn('2026-03-17')).toBeUndefined();
    });

    it('is not made a working day by a cuti bersama that is worked when a national holiday falls on the same date', () => {
      const calendar = new WorkingDayCalendar({
        holidays: [
          { date: '2026-07-07', name: 'Cuti bersama contoh', kind: 'cuti_bersama' },
          { date: '2026-07-07', name: 'Libur contoh', kind: 'libur_nasional' },
        ],
        nonWorkingKinds: ['libur_nasional'],
      });

      expect(calendar.isWorkingDay('2026-07-07')).toBe(false);
      expect(calendar.holidayOn('2026-07-07')?.name).toBe('Libur contoh');
    });

    it('is configured by the working-day settings of the SLA policy', () => {
      const calendar = WorkingDayCalendar.fromSettings(SLA_POLICY_DEFAULT.workingDays);

      expect(calendar.isWorkingDay('2026-03-23')).toBe(false);
      expect(calendar.addWorkingDays(wib('2026-03-16T10:00'), 14)).toEqual(bekasi.addWorkingDays(wib('2026-03-16T10:00'), 14));
      expect(WorkingDayCalendar.fromSettings({ weekdays: ['MON'], excludeKinds: [] }).isWorkingDay('2026-02-16')).toBe(true);
    });

    it('rejects settings it cannot honour', () => {
      expect(() => WorkingDayCalendar.fromSettings({ weekdays: ['MONDAY'], excludeKinds: [] })).toThrow(/Unknown weekday "MONDAY"/);
      expect(() => WorkingDayCalendar.fromSettings({ weekdays: ['MON'], excludeKinds: ['cuti'] })).toThrow(/Unknown holiday kind "cuti"/);
      expect(() => new WorkingDayCalendar({ weekdays: [] })).toThrow(/at least one working weekday/);
      expect(() => new WorkingDayCalendar({ holidays: [{ date: '2026-02-30', name: 'x', kind: 'libur_nasional' }] })).toThrow(
        /not a calendar date/,
      );
    });
  });

  describe('years with holiday data', () => {
    it('covers the years of its holiday list', () => {
      expect(bekasi.coveredYears).toEqual([2025, 2026]);
      expect(bekasi.coversYear(2026)).toBe(true);
      expect(bekasi.coversYear(2027)).toBe(false);
      expect(bekasi.coversYear(2024)).toBe(false);
    });

    it('lists the uncovered years a span touches, in WIB', () => {
      expect(bekasi.uncoveredYearsBetween(wib('2026-12-20T10:00'), wib('2027-01-10T10:00'))).toEqual([2027]);
      // 31 Dec 2026 20:00 UTC is already 2027 in Jakarta.
      expect(bekasi.uncoveredYearsBetween(wib('2026-12-20'), new Date('2026-12-31T20:00:00Z'))).toEqual([2027]);
      expect(bekasi.uncoveredYearsBetween(wib('2024-12-30'), wib('2025-01-02'))).toEqual([2024]);
      expect(bekasi.uncoveredYearsBetween(wib('2025-06-01'), wib('2026-06-01'))).toEqual([]);
    });

    it('still computes in uncovered years, skipping weekends only', () => {
      // 1 January 2027 is a Friday; without 2027 data it counts as a working day.
      expect(bekasi.isWorkingDay('2027-01-01')).toBe(true);
      expect(bekasi.holidayOn('2027-01-01')).toBeUndefined();
      expect(bekasi.addWorkingDays(wib('2026-12-31T10:00'), 1)).toEqual(wib('2027-01-02'));
    });

    it('can be told which years its list is complete for', () => {
      const calendar = new WorkingDayCalendar({ holidays: HOLIDAYS, coveredYears: [2026] });

      expect(calendar.coveredYears).toEqual([2026]);
    });
  });

  describe('addWorkingDays: due at the end of the n-th working day after the day of receipt', () => {
    it('skips Nyepi, Idulfitri and their cuti bersama', () => {
      // Monday 16 March: day 1 is Tue 17, day 2 Wed 25, day 3 Thu 26.
      expect(bekasi.addWorkingDays(wib('2026-03-16T10:00'), 3)).toEqual(wib('2026-03-27'));
    });

    it('counts cuti bersama when they are worked', () => {
      expect(cutiBersamaWorked.addWorkingDays(wib('2026-03-16T10:00'), 3)).toEqual(wib('2026-03-21'));
    });

    it('skips Good Friday in a 14-working-day deadline across Idulfitri', () => {
      expect(bekasi.addWorkingDays(wib('2026-03-16T10:00'), 14)).toEqual(wib('2026-04-14'));
    });

    it('counts from the next working day for a report received on a weekend', () => {
      expect(bekasi.addWorkingDays(wib('2026-03-07T09:00'), 3)).toEqual(wib('2026-03-12'));
      // Friday afternoon and the Saturday after it end up with the same deadline.
      expect(bekasi.addWorkingDays(wib('2026-03-06T15:00'), 3)).toEqual(wib('2026-03-12'));
    });

    it('counts from the next working day for a report received on a holiday', () => {
      expect(bekasi.addWorkingDays(wib('2026-03-21T10:00'), 3)).toEqual(wib('2026-03-28'));
      expect(bekasi.addWorkingDays(wib('2026-01-01T09:00'), 1)).toEqual(wib('2026-01-03'));
      expect(bekasi.addWorkingDays(wib('2026-02-17T13:00'), 2)).toEqual(wib('2026-02-20'));
    });

    it('uses the WIB day of receipt, not the UTC day', () => {
      // 00:30 WIB on Tuesday 10 March is 17:30 UTC on Monday 9 March.
      const receivedAt = wib('2026-03-10T00:30');

      expect(bekasi.addWorkingDays(receivedAt, 1).toISOString()).toBe('2026-03-11T17:00:00.000Z');
    });

    it('makes a deadline exclusive: the last millisecond of the n-th working day is still on time', () => {
      const deadline = bekasi.addWorkingDays(wib('2026-03-16T10:00'), 3);

      expect(bekasi.workingDaysBetween(wib('2026-03-16T10:00'), new Date(deadline.getTime() - 1))).toBe(3);
      expect(wib('2026-03-26T23:59:59.999').getTime()).toBeLessThan(deadline.getTime());
    });

    it('gives the end of the day of receipt for zero working days', () => {
      expect(bekasi.addWorkingDays(wib('2026-03-21T10:00'), 0)).toEqual(wib('2026-03-22'));
    });

    it.each([-1, 1.5, Number.NaN])('rejects %p working days', (n) => {
      expect(() => bekasi.addWorkingDays(wib('2026-03-16T10:00'), n)).toThrow(/non-negative integer/);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the working days after the first day up to and including the last', () => {
      expect(bekasi.workingDaysBetween(wib('2026-03-16T10:00'), wib('2026-03-26T12:00'))).toBe(3);
      expect(bekasi.workingDaysBetween(wib('2026-03-16T10:00'), wib('2026-03-16T23:00'))).toBe(0);
      expect(bekasi.workingDaysBetween(wib('2026-03-17T10:00'), wib('2026-03-24T10:00'))).toBe(0);
    });

    it('is negative when the second instant is earlier, e.g. working days overdue', () => {
      expect(bekasi.workingDaysBetween(wib('2026-03-26T12:00'), wib('2026-03-16T10:00'))).toBe(-3);
    });

    it.each([1, 3, 4, 5, 10, 14, 60])('inverts addWorkingDays for %p working days', (n) => {
      for (const receivedAt of [wib('2026-03-16T10:00'), wib('2026-03-21T08:00'), wib('2026-12-18T16:00')]) {
        const deadline = bekasi.addWorkingDays(receivedAt, n);
        expect(bekasi.workingDaysBetween(receivedAt, new Date(deadline.getTime() - 1))).toBe(n);
      }
    });
  });

  describe('workingMillisBetween: whole WIB days of working time', () => {
    it('counts 24 hours for each working day', () => {
      expect(bekasi.workingMillisBetween(wib('2026-03-16T10:00'), wib('2026-03-17T10:00'))).toBe(hours(24));
    });

    it('leaves out weekends and holidays', () => {
      expect(bekasi.workingMillisBetween(wib('2026-03-13T18:00'), wib('2026-03-16T06:00'))).toBe(hours(12));
      expect(bekasi.workingMillisBetween(wib('2026-03-17T12:00'), wib('2026-03-25T12:00'))).toBe(hours(24));
      expect(bekasi.workingMillisBetween(wib('2026-03-07T00:00'), wib('2026-03-09T00:00'))).toBe(0);
    });

    it('is zero when the end is not after the start', () => {
      expect(bekasi.workingMillisBetween(wib('2026-03-17T12:00'), wib('2026-03-16T12:00'))).toBe(0);
      expect(bekasi.workingMillisBetween(wib('2026-03-17T12:00'), wib('2026-03-17T12:00'))).toBe(0);
    });

    it('leaves out paused working time', () => {
      const pauses = [{ from: wib('2026-03-16T14:00'), to: wib('2026-03-16T16:00') }];

      expect(bekasi.workingMillisBetween(wib('2026-03-16T10:00'), wib('2026-03-17T10:00'), pauses)).toBe(hours(22));
    });
  });

  describe('fractionPoint: when a share of the working time to a deadline has passed', () => {
    const receivedAt = wib('2026-03-16T10:00');
    const deadline = bekasi.addWorkingDays(receivedAt, 3); // 14 h on Mon 16 + Tue 17 + Wed 25 + Thu 26 = 86 h

    it('places 50 % after Idulfitri', () => {
      expect(bekasi.fractionPoint(receivedAt, deadline, 0.5)).toEqual(wib('2026-03-25T05:00'));
    });

    it('places 80 % on the last working day', () => {
      expect(bekasi.fractionPoint(receivedAt, deadline, 0.8)).toEqual(wib('2026-03-26T06:48'));
    });

    it('starts counting on Monday for a report received on Saturday', () => {
      const saturday = wib('2026-03-07T09:00');

      expect(bekasi.fractionPoint(saturday, bekasi.addWorkingDays(saturday, 3), 0.5)).toEqual(wib('2026-03-10T12:00'));
    });

    it('gives the start for 0 and the deadline for 1', () => {
      expect(bekasi.fractionPoint(receivedAt, deadline, 0)).toEqual(receivedAt);
      expect(bekasi.fractionPoint(receivedAt, deadline, 1)).toEqual(deadline);
    });

    it.each([-0.1, 1.2, Number.NaN])('rejects the fraction %p', (fraction) => {
      expect(() => bekasi.fractionPoint(receivedAt, deadline, fraction)).toThrow(/between 0 and 1/);
    });
  });

  describe('deadlineWithPauses: the clock stops while the ticket waits for the reporter', () => {
    const receivedAt = wib('2026-03-04T10:00'); // Wednesday; 3 working days end on Monday 9 March

    it('equals the plain deadline without pauses', () => {
      expect(bekasi.deadlineWithPauses(receivedAt, 3, [])).toEqual(wib('2026-03-10'));
      // Ending on a Friday: due at 00:00 on Saturday, not when work resumes on Monday.
      expect(bekasi.deadlineWithPauses(wib('2026-03-16T10:00'), 4, [])).toEqual(wib('2026-03-28'));
      for (const start of ['2026-03-13T23:00', '2026-03-21T08:00', '2026-05-13T12:00', '2026-12-23T09:00']) {
        for (const n of [0, 1, 2, 3, 5, 14]) {
          expect(bekasi.deadlineWithPauses(wib(start), n, [])).toEqual(bekasi.addWorkingDays(wib(start), n));
        }
      }
    });

    it('adds back only the working time of a pause spanning a weekend', () => {
      // Fri 16:00 to Mon 10:00 stops 8 h on Friday and 10 h on Monday; the weekend costs nothing.
      const pauses = [{ from: wib('2026-03-06T16:00'), to: wib('2026-03-09T10:00') }];

      const deadline = bekasi.deadlineWithPauses(receivedAt, 3, pauses);

      expect(deadline).toEqual(wib('2026-03-10T18:00'));
      expect(bekasi.workingMillisBetween(receivedAt, deadline!, pauses)).toBe(
        bekasi.workingMillisBetween(receivedAt, bekasi.addWorkingDays(receivedAt, 3)),
      );
    });

    it('does not move the deadline for a pause that covers only a weekend', () => {
      const pauses = [{ from: wib('2026-03-07T00:00'), to: wib('2026-03-09T00:00') }];

      expect(bekasi.deadlineWithPauses(receivedAt, 3, pauses)).toEqual(wib('2026-03-10'));
    });

    it('carries the added time over Nyepi and Idulfitri', () => {
      // Received Thu 12 March, due end of Tue 17; 36 h paused push it past 18-24 March.
      const pauses = [{ from: wib('2026-03-13T00:00'), to: wib('2026-03-16T12:00') }];

      expect(bekasi.deadlineWithPauses(wib('2026-03-12T10:00'), 3, pauses)).toEqual(wib('2026-03-26T12:00'));
    });

    it('counts overlapping pauses once and ignores time paused before the start', () => {
      const pauses = [
        { from: wib('2026-03-05T08:00'), to: wib('2026-03-05T12:00') },
        { from: wib('2026-03-05T10:00'), to: wib('2026-03-05T14:00') },
        { from: wib('2026-03-03T00:00'), to: wib('2026-03-04T12:00') },
      ];

      // 6 h on Thursday plus the 2 h of Wednesday after receipt.
      expect(bekasi.deadlineWithPauses(receivedAt, 3, pauses)).toEqual(wib('2026-03-10T08:00'));
    });

    it('has no deadline while a pause still running holds the clock', () => {
      expect(bekasi.deadlineWithPauses(receivedAt, 3, [{ from: wib('2026-03-06T16:00') }])).toBeNull();
    });

    it('keeps the deadline when a running pause began after it', () => {
      expect(bekasi.deadlineWithPauses(receivedAt, 3, [{ from: wib('2026-03-10T08:00') }])).toEqual(wib('2026-03-10'));
    });

    it('places reminders on active working time when given the same pauses', () => {
      const pauses = [{ from: wib('2026-03-06T16:00'), to: wib('2026-03-09T10:00') }];
      const deadline = bekasi.deadlineWithPauses(receivedAt, 3, pauses)!;

      // 86 h of active time: 43 h is reached on Friday before the pause; 68.8 h only on Tuesday.
      expect(bekasi.fractionPoint(receivedAt, deadline, 0.5, pauses)).toEqual(wib('2026-03-06T05:00'));
      expect(bekasi.fractionPoint(receivedAt, deadline, 0.8, pauses)).toEqual(wib('2026-03-10T00:48'));
    });

    it('rejects a pause that ends before it starts', () => {
      expect(() => bekasi.deadlineWithPauses(receivedAt, 3, [{ from: wib('2026-03-06T16:00'), to: wib('2026-03-06T15:00') }])).toThrow(
        /cannot end before it starts/,
      );
    });
  });

  describe('addWorkingMillis', () => {
    it('jumps over non-working days', () => {
      expect(bekasi.addWorkingMillis(wib('2026-03-17T20:00'), hours(6))).toEqual(wib('2026-03-25T02:00'));
    });

    it('returns the start for no time and refuses negative time', () => {
      expect(bekasi.addWorkingMillis(wib('2026-03-21T10:00'), 0)).toEqual(wib('2026-03-21T10:00'));
      expect(() => bekasi.addWorkingMillis(wib('2026-03-21T10:00'), -1)).toThrow(/non-negative/);
    });
  });
});
