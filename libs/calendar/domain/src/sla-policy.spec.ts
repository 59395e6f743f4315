import { SLA_POLICY_DEFAULT } from '@bekasi/reference-data';
import { jakartaInstant as wib } from './jakarta-time';
import {
  DEFAULT_SLA_POLICY_VERSION,
  firstResponseRule,
  isPausingStatus,
  resolutionRule,
  slaPolicyProblems,
  slaPolicyVersion,
} from './sla-policy';
import { aPolicy } from './sla-policy.mother';

describe('SLA policy', () => {
  it('ships the LAPOR! defaults of sla-policy.json as its first version', () => {
    expect(DEFAULT_SLA_POLICY_VERSION.version).toBe('lapor-default-2025');
    expect(DEFAULT_SLA_POLICY_VERSION.effectiveFrom).toEqual(wib('2025-01-01'));
    expect(DEFAULT_SLA_POLICY_VERSION.verificationAndDisposition.workingDays).toBe(3);
    expect(DEFAULT_SLA_POLICY_VERSION.firstResponse.workingDays).toBe(5);
    expect(DEFAULT_SLA_POLICY_VERSION.autoClose.workingDaysAfterFinalAnswer).toBe(10);
    expect(slaPolicyProblems(SLA_POLICY_DEFAULT)).toEqual([]);
  });

  describe('first response', () => {
    it('gives 5 working days before Kabupaten Bekasi tightened it', () => {
      expect(firstResponseRule(DEFAULT_SLA_POLICY_VERSION, wib('2025-10-29T23:59:59.999'))).toEqual({
        workingDays: 5,
        regencyOverride: null,
      });
    });

    it('gives 4 working days from 30 October 2025 WIB on', () => {
      // 17:00 UTC on 29 October is already 30 October in Bekasi.
      expect(firstResponseRule(DEFAULT_SLA_POLICY_VERSION, new Date('2025-10-29T17:00:00Z'))).toEqual({
        workingDays: 4,
        regencyOverride: 'kabupaten-bekasi',
      });
      expect(firstResponseRule(DEFAULT_SLA_POLICY_VERSION, wib('2026-03-17T14:00')).workingDays).toBe(4);
    });

    it('applies only the named regency’s override', () => {
      expect(firstResponseRule(DEFAULT_SLA_POLICY_VERSION, wib('2026-03-17T14:00'), 'kota-bekasi').workingDays).toBe(5);
      expect(firstResponseRule(DEFAULT_SLA_POLICY_VERSION, wib('2026-03-17T14:00'), null).workingDays).toBe(5);
    });

    it('reads the override from the policy, not from code', () => {
      const policy = aPolicy({ bekasiOverride: { workingDays: 2, since: '2026-01-01' }, firstResponseDays: 6 });

      expect(firstResponseRule(policy, wib('2025-12-31T10:00')).workingDays).toBe(6);
      expect(firstResponseRule(policy, wib('2026-01-02T10:00')).workingDays).toBe(2);
      expect(firstResponseRule(aPolicy({ bekasiOverride: null }), wib('2026-01-02T10:00')).workingDays).toBe(5);
    });
  });

  describe('resolution', () => {
    it.each([
      ['Pengaduan Tidak Berkadar Pengawasan', 14],
      ['Pengaduan Berkadar Pengawasan', 60],
      ['Aspirasi', 14],
      ['Permintaan Informasi', 10],
    ])('gives %s %p working days', (classification, workingDays) => {
      expect(resolutionRule(DEFAULT_SLA_POLICY_VERSION, classification)).toEqual({ workingDays, classification });
    });

    it('matches classifications typed with other case or spacing', () => {
      expect(resolutionRule(DEFAULT_SLA_POLICY_VERSION, '  pengaduan  berkadar PENGAWASAN ')).toEqual({
        workingDays: 60,
        classification: 'Pengaduan Berkadar Pengawasan',
      });
    });

    it.each([null, undefined, '', '   ', 'Klasifikasi Baru'])('treats %p as unclassified', (classification) => {
      expect(resolutionRule(DEFAULT_SLA_POLICY_VERSION, classification)).toEqual({ workingDays: 14, classification: null });
    });

    it('reads the days from the policy, not from code', () => {
      const policy = aPolicy({ resolutionDays: { Aspirasi: 7 }, unclassifiedDays: 21 });

      expect(resolutionRule(policy, 'Aspirasi').workingDays).toBe(7);
      expect(resolutionRule(policy, null).workingDays).toBe(21);
    });
  });

  it('pauses while the ticket waits for the reporter', () => {
    expect(isPausingStatus(DEFAULT_SLA_POLICY_VERSION, 'Menunggu Kelengkapan Informasi')).toBe(true);
    expect(isPausingStatus(DEFAULT_SLA_POLICY_VERSION, 'menunggu kelengkapan informasi')).toBe(true);
    expect(isPausingStatus(DEFAULT_SLA_POLICY_VERSION, 'Belum Terverifikasi')).toBe(false);
  });

  describe('validation', () => {
    it('stamps a valid policy with its version without sharing the effective date', () => {
      const effectiveFrom = wib('2026-04-01');
      const version = slaPolicyVersion('bekasi-2026-04', effectiveFrom, aPolicy());

      effectiveFrom.setTime(0);

      expect(version.version).toBe('bekasi-2026-04');
      expect(version.effectiveFrom).toEqual(wib('2026-04-01'));
    });

    it('lists every problem of a broken policy', () => {
      const broken = aPolicy({ verificationDays: -1, autoCloseDays: 2.5, bekasiOverride: { workingDays: 4, since: '30-10-2025' } });
      const withDuplicate = { ...broken, resolution: [...broken.resolution, { classification: 'aspirasi', workingDays: 3 }] };

      expect(() => slaPolicyVersion('', new Date('nonsense'), withDuplicate)).toThrow(
        'Invalid SLA policy "": ' +
          'verificationAndDisposition.workingDays must be a non-negative integer, got -1; ' +
          'firstResponse.regencyOverrides.kabupaten-bekasi.since must be a date YYYY-MM-DD, got "30-10-2025"; ' +
          'resolution lists "aspirasi" twice; ' +
          'autoClose.workingDaysAfterFinalAnswer must be a non-negative integer, got 2.5; ' +
          'version must not be empty; effectiveFrom is an invalid date',
      );
    });

    it('rejects a policy document that is missing blocks', () => {
      const partial = { verificationAndDisposition: { workingDays: 3 } } as never;

      expect(slaPolicyProblems(partial)).toEqual([
        'firstResponse.workingDays must be a non-negative integer, got undefined',
        'resolution must be a list',
        'resolutionWhenUnclassified.workingDays must be a non-negative integer, got undefined',
        'autoClose.workingDaysAfterFinalAnswer must be a non-negative integer, got undefined',
        'pause.whileStatus must be a list of statuses',
      ]);
    });
  });
});
