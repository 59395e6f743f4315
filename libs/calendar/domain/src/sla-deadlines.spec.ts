import { SLA_POLICY_DEFAULT } from '@bekasi/reference-data';
import { aTicket } from './deadline-query.mother';
import { jakartaInstant as wib } from './jakarta-time';
import { deadlinesFor } from './sla-deadlines';
import { SlaPolicyBook } from './sla-policy-book';
import { aPolicy, aPolicyVersion } from './sla-policy.mother';
import { WorkingDayCalendar } from './working-day-calendar';

describe('deadlinesFor', () => {
  describe('a ticket through Idulfitri 1447 H', () => {
    // Received Mon 16 March 2026; 18-24 March are Nyepi, Idulfitri, weekend and cuti bersama.
    const deadlines = deadlinesFor(
      aTicket({
        receivedAt: '2026-03-16T10:00',
        disposedAt: '2026-03-17T14:00',
        classification: 'Pengaduan Tidak Berkadar Pengawasan',
        answeredAt: '2026-04-09T11:00',
      }),
    );

    it('gives the admin 3 working days from receipt', () => {
      expect(deadlines.verification).toEqual({ startsAt: wib('2026-03-16T10:00'), workingDays: 3, dueAt: wib('2026-03-27') });
    });

    it('gives the unit Bekasi’s 4 working days from disposition', () => {
      expect(deadlines.firstResponse).toEqual({
        startsAt: wib('2026-03-17T14:00'),
        workingDays: 4,
        dueAt: wib('2026-03-31'),
        regencyOverride: 'kabupaten-bekasi',
      });
    });

    it('gives 14 working days to resolve from receipt, skipping Good Friday too', () => {
      expect(deadlines.resolution).toEqual({
        startsAt: wib('2026-03-16T10:00'),
        workingDays: 14,
        dueAt: wib('2026-04-14'),
        classification: 'Pengaduan Tidak Berkadar Pengawasan',
      });
    });

    it('closes the ticket 10 working days after the final answer', () => {
      expect(deadlines.autoClose).toEqual({ startsAt: wib('2026-04-09T11:00'), workingDays: 10, dueAt: wib('2026-04-24') });
    });

    it('records the policy version and that the calendar had data', () => {
      expect(deadlines.policyVersion).toBe('lapor-default-2025');
      expect(deadlines.uncoveredYears).toEqual([]);
    });
  });

  it('has no first-response or auto-close deadline before disposition and answer', () => {
    const deadlines = deadlinesFor(aTicket());

    expect(deadlines.firstResponse).toBeNull();
    expect(deadlines.autoClose).toBeNull();
  });

  describe('resolution by classification', () => {
    // 60 working days also skip Labour Day, Ascension, Iduladha, Pancasila Day and 1 Muharam.
    it.each([
      ['Pengaduan Berkadar Pengawasan', 60, '2026-06-26'],
      ['Aspirasi', 14, '2026-04-14'],
      ['Permintaan Informasi', 10, '2026-04-08'],
    ])('%s: %p working days', (classification, workingDays, due) => {
      const { resolution } = deadlinesFor(aTicket({ receivedAt: '2026-03-16T10:00', classification }));

      expect(resolution).toMatchObject({ workingDays, classification, dueAt: wib(due) });
    });

    it('falls back to 14 working days for an unclassified report', () => {
      const { resolution } = deadlinesFor(aTicket({ receivedAt: '2026-03-16T10:00', classification: null }));

      expect(resolution).toMatchObject({ workingDays: 14, classification: null, dueAt: wib('2026-04-14') });
    });
  });

  describe('Kabupaten Bekasi’s first-response override', () => {
    it('does not apply to a disposition before 30 October 2025', () => {
      const { firstResponse } = deadlinesFor(aTicket({ receivedAt: '2025-10-24T10:00', disposedAt: '2025-10-27T09:00' }));

      expect(firstResponse).toMatchObject({ workingDays: 5, dueAt: wib('2025-11-04'), regencyOverride: null });
    });

    it('applies from 30 October 2025 on', () => {
      const { firstResponse } = deadlinesFor(aTicket({ receivedAt: '2025-10-24T10:00', disposedAt: '2025-10-30T09:00' }));

      expect(firstResponse).toMatchObject({ workingDays: 4, dueAt: wib('2025-11-06'), regencyOverride: 'kabupaten-bekasi' });
    });

    it('applies only to the regency asked for', () => {
      const ticket = { receivedAt: '2025-10-24T10:00', disposedAt: '2025-10-30T09:00' };

      expect(deadlinesFor(aTicket({ ...ticket, regency: 'kota-bekasi' })).firstResponse).toMatchObject({
        workingDays: 5,
        dueAt: wib('2025-11-07'),
      });
      expect(deadlinesFor(aTicket({ ...ticket, regency: null })).firstResponse?.workingDays).toBe(5);
    });
  });

  describe('pauses while waiting for the reporter', () => {
    it('moves every running deadline by the paused working time', () => {
      // 15 h on Tue 17 March and 9 h on Wed 25 March: one working day in all.
      const deadlines = deadlinesFor(
        aTicket({ receivedAt: '2026-03-16T10:00', pauses: [{ from: '2026-03-17T09:00', to: '2026-03-25T09:00' }] }),
      );

      expect(deadlines.verification.dueAt).toEqual(wib('2026-03-28'));
      expect(deadlines.resolution.dueAt).toEqual(wib('2026-04-15'));
    });

    it('leaves deadlines open while the ticket is still waiting', () => {
      const deadlines = deadlinesFor(aTicket({ receivedAt: '2026-03-16T10:00', pauses: [{ from: '2026-03-17T09:00' }] }));

      expect(deadlines.verification.dueAt).toBeNull();
      expect(deadlines.resolution.dueAt).toBeNull();
    });

    it('does not move a clock that starts after the pause ended', () => {
      const deadlines = deadlinesFor(
        aTicket({ receivedAt: '2026-03-02T10:00', disposedAt: '2026-03-04T10:00', pauses: [{ from: '2026-03-02T12:00', to: '2026-03-03T12:00' }] }),
      );

      // Thu 5, Fri 6, Mon 9, Tue 10 March.
      expect(deadlines.firstResponse?.dueAt).toEqual(wib('2026-03-11'));
    });
  });

  it('reads every value from the policy, so a regency can change them', () => {
    const policy = aPolicy({
      verificationDays: 1,
      bekasiOverride: { workingDays: 2, since: '2026-01-01' },
      resolutionDays: { Aspirasi: 5 },
      autoCloseDays: 3,
    });

    const deadlines = deadlinesFor(
      aTicket({ policy, receivedAt: '2026-03-02T10:00', disposedAt: '2026-03-03T10:00', classification: 'Aspirasi', answeredAt: '2026-03-05T10:00' }),
    );

    expect(deadlines.verification.dueAt).toEqual(wib('2026-03-04'));
    expect(deadlines.firstResponse?.dueAt).toEqual(wib('2026-03-06'));
    expect(deadlines.resolution.dueAt).toEqual(wib('2026-03-10'));
    expect(deadlines.autoClose?.dueAt).toEqual(wib('2026-03-11'));
    expect(deadlines.policyVersion).toBeNull();
  });

  it('accepts the raw policy document and the calendar its settings describe', () => {
    const calendar = WorkingDayCalendar.fromSettings(SLA_POLICY_DEFAULT.workingDays);

    const deadlines = deadlinesFor(aTicket({ policy: SLA_POLICY_DEFAULT, calendar, receivedAt: '2026-03-16T10:00' }));

    expect(deadlines.verification.dueAt).toEqual(wib('2026-03-27'));
  });

  it('keeps an old ticket on the policy it started with', () => {
    const book = new SlaPolicyBook([aPolicyVersion('v1', '2025-01-01'), aPolicyVersion('v2', '2026-04-01', { resolutionDays: { Aspirasi: 7 } })]);
    const deadlinesOf = (receivedAt: string) =>
      deadlinesFor(aTicket({ policy: book.inForceAt(wib(receivedAt)), receivedAt, classification: 'Aspirasi' }));

    const before = deadlinesOf('2026-03-31T15:00');
    const after = deadlinesOf('2026-04-06T09:00');

    expect(before).toMatchObject({ policyVersion: 'v1', resolution: { workingDays: 14 } });
    expect(after).toMatchObject({ policyVersion: 'v2', resolution: { workingDays: 7, dueAt: wib('2026-04-16') } });
  });

  it('reports deadlines that reach into a year without holiday data', () => {
    // 41 working days remain in 2026 after 2 November; the other 19 fall in 2027.
    const deadlines = deadlinesFor(aTicket({ receivedAt: '2026-11-02T10:00', classification: 'Pengaduan Berkadar Pengawasan' }));

    expect(deadlines.uncoveredYears).toEqual([2027]);
    expect(deadlinesFor(aTicket({ receivedAt: '2026-11-02T10:00' })).uncoveredYears).toEqual([]);
    // Christmas and its cuti bersama leave only 6 working days in 2026 after 21 December.
    expect(deadlinesFor(aTicket({ receivedAt: '2026-12-21T10:00' })).uncoveredYears).toEqual([2027]);
  });
});
