import { toPublicComplaint } from '../public-complaint';
import { complaintReceivedOf } from '../complaint-received';
import { laporApiFieldMapping, readLaporApiRecord } from './lapor-api-record';
import { SyntheticLaporFeed } from './synthetic-lapor-reports';

describe('readLaporApiRecord', () => {
  const record = () => new SyntheticLaporFeed(7).next() as unknown as Record<string, unknown>;

  it('reads a simulator record into a draft', () => {
    const reading = readLaporApiRecord(record());
    expect(reading.rejection).toBeUndefined();
    expect(reading.draft).toMatchObject({ source: 'lapor-api', externalId: '5000001' });
    expect(reading.draft!.receivedAt.toISOString()).toMatch(/^2026-10-01T00:/);
  });

  it.each([
    ['externalId', { tracking_id: '' }, /Tracking ID/],
    ['receivedAt', { created_at: '7 Oct 2026' }, /ISO 8601/],
    ['text', { content: '   ' }, /Isi laporan/],
    ['classification', { classification: 'Keluhan' }, /Klasifikasi/],
    ['confidential', { is_secret: 'mungkin' }, /Rahasia/],
  ])('names %s when it is unusable', (field, change, reason) => {
    const reading = readLaporApiRecord({ ...record(), ...change });
    expect(reading.rejection).toMatchObject({ field });
    expect(reading.rejection!.reason).toMatch(reason);
  });

  it('follows a configured mapping and refuses unknown fields', () => {
    const mapping = laporApiFieldMapping({ externalId: 'id', text: 'isi.awal' });
    const reading = readLaporApiRecord({ ...record(), id: 42, isi: { awal: 'Jalan rusak di Setu' } }, mapping);
    expect(reading.draft).toMatchObject({ externalId: '42', text: 'Jalan rusak di Setu' });
    expect(() => laporApiFieldMapping({ nomor: 'x' })).toThrow(/nomor/);
  });

  it('never puts the reporter of an Anonim report or a phone number into the event', () => {
    const raw = { ...record(), is_anonymous: true, content: 'Hubungi saya di 0812-0000-0101, NIK 3216990101900001.' };
    const draft = readLaporApiRecord(raw).draft!;
    const event = complaintReceivedOf(toPublicComplaint(draft), { complaintId: '00000000-0000-4000-8000-000000000001', trackingId: 'BKS-2026-000001', priority: 'normal', duplicateOf: null });
    const json = JSON.stringify(event);
    expect(json).not.toContain('0812-0000-0101');
    expect(json).not.toContain('3216990101900001');
    expect(event.reporterName).toBeNull();
    expect(event.historical).toBe(false);
  });
});

describe('SyntheticLaporFeed', () => {
  it('serves the same reports for the same seed and different ones for another', () => {
    expect(new SyntheticLaporFeed(3).take(20)).toEqual(new SyntheticLaporFeed(3).take(20));
    expect(new SyntheticLaporFeed(4).take(5)).not.toEqual(new SyntheticLaporFeed(3).take(5));
  });

  it('mixes classifications, Anonim and Rahasia flags, and reads back without rejections', () => {
    const reports = new SyntheticLaporFeed(11).take(400);
    expect(new Set(reports.map((r) => r.classification)).size).toBe(5);
    expect(reports.some((r) => r.is_anonymous)).toBe(true);
    expect(reports.some((r) => r.is_secret)).toBe(true);
    expect(reports.every((r) => readLaporApiRecord(r).draft)).toBe(true);
    expect(new Set(reports.map((r) => r.location.kecamatan)).size).toBeGreaterThan(15);
  });
});
