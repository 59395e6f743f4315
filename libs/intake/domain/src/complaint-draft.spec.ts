import { complaintDraftFromLaporanRow, titleFromText } from './complaint-draft';
import { parseLaporanRingkas } from './laporan-ringkas/laporan-ringkas-sheet';
import { UnitNameMatcher } from '@bekasi/indonesian-text';
import { aLaporanRow, aLaporanSheet } from './testing/laporan-ringkas.mother';

const units = new UnitNameMatcher();
const parsedRow = (overrides: Parameters<typeof aLaporanRow>[0] = {}) =>
  parseLaporanRingkas(aLaporanSheet([aLaporanRow(overrides)])).rows[0];

describe('complaintDraftFromLaporanRow', () => {
  it('turns an export row into a draft with its historical disposition', () => {
    const draft = complaintDraftFromLaporanRow(parsedRow({ reportType: 'Anonim|Rahasia', disposedTo: 'Dinas Sosial Kab. Bekasi' }), units);
    expect(draft).toEqual({
      source: 'lapor-import',
      externalId: '9100002',
      channel: 'Android',
      receivedAt: new Date('2026-10-02T00:14:22.000Z'),
      title: 'Jalan berlubang di Jalan Raya Babelan',
      text: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas.',
      category: { id: '7011', name: 'Jalan Berlubang' },
      classification: 'Pengaduan Tidak Berkadar Pengawasan',
      anonymous: true,
      confidential: true,
      reporter: null,
      locationText: null,
      attachments: [],
      historicalDisposition: {
        disposedToRaw: 'Dinas Sosial Kab. Bekasi',
        unitCode: 'DINSOS',
        laporStatus: 'Ditutup oleh Sistem',
        laporStatusRaw: 'Ditutup oleh Sistem',
        holdOrArchiveReason: null,
      },
    });
  });

  it('falls back to the admin text and a title taken from the text', () => {
    const draft = complaintDraftFromLaporanRow(
      parsedRow({ initialText: '', title: '', categoryId: '', category: '', disposedTo: '' }),
      units,
    );
    expect(draft.text).toBe('Terdapat lubang besar di Jalan Raya Babelan.');
    expect(draft.title).toBe('Terdapat lubang besar di Jalan Raya Babelan.');
    expect(draft.category).toBeNull();
    expect(draft.historicalDisposition?.unitCode).toBeNull();
  });
});

describe('titleFromText', () => {
  it('takes the first line', () => {
    expect(titleFromText('  Lampu mati\nsudah dua minggu')).toBe('Lampu mati');
  });

  it('cuts a long first line at a word boundary and marks the cut', () => {
    expect(titleFromText('pak tolong dong '.repeat(10))).toBe(`${'pak tolong dong '.repeat(5).trim()}…`);
  });
});
