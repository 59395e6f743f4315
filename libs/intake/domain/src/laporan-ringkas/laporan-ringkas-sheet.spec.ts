import { LAPORAN_RINGKAS_COLUMNS, LaporanRingkasField, LaporanRingkasLayoutError } from './laporan-ringkas-columns';
import { ParsedLaporanRow, RejectedRow, parseLaporanRingkas } from './laporan-ringkas-sheet';
import { generateSyntheticLaporanRingkas } from './synthetic-laporan-ringkas';
import { aLaporanRow, aLaporanSheet, exportMetadataBlock, rowNumberOfDataRow } from '../testing/laporan-ringkas.mother';

function onlyRow(sheet: string[][]): ParsedLaporanRow {
  const result = parseLaporanRingkas(sheet);
  expect(result.rejected).toEqual([]);
  expect(result.rows).toHaveLength(1);
  return result.rows[0];
}

function onlyRejection(sheet: string[][]): RejectedRow {
  const result = parseLaporanRingkas(sheet);
  expect(result.rows).toEqual([]);
  expect(result.rejected).toHaveLength(1);
  return result.rejected[0];
}

describe('parseLaporanRingkas: layout', () => {
  it('reads the metadata block above the header', () => {
    const result = parseLaporanRingkas(aLaporanSheet([aLaporanRow()]));
    expect(result.metadata).toEqual({
      reportTitle: 'Laporan Ringkas',
      agencyName: 'Pemerintah Kabupaten Bekasi',
      generatedOn: '2026-11-20',
      period: { from: '2026-10-01', to: '2026-11-20' },
      manager: null,
    });
    expect(result.headerRowNumber).toBe(11);
  });

  it('finds the header wherever it is, not only on row 11', () => {
    const preamble = [['Judul Laporan', 'Laporan Ringkas'], ['Periode Masuk', '(2026-01-01)-(2026-01-31)'], ['']];
    const result = parseLaporanRingkas(aLaporanSheet([aLaporanRow()], { preamble }));
    expect(result.headerRowNumber).toBe(4);
    expect(result.rows[0].rowNumber).toBe(5);
    expect(result.metadata.period).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(result.metadata.agencyName).toBeNull();
  });

  it('accepts a sheet without any metadata block', () => {
    const result = parseLaporanRingkas(aLaporanSheet([aLaporanRow()], { preamble: [] }));
    expect(result.headerRowNumber).toBe(1);
    expect(result.rows).toHaveLength(1);
    expect(result.metadata.reportTitle).toBeNull();
  });

  it('leaves an unreadable period null rather than guessing', () => {
    const preamble = [['Periode Masuk', '', 'Oktober 2026']];
    expect(parseLaporanRingkas(aLaporanSheet([], { preamble })).metadata.period).toBeNull();
  });

  it('maps columns by header, whatever their order, and reports extra columns', () => {
    const reversed = [...LAPORAN_RINGKAS_COLUMNS.map((c) => c.field)].reverse();
    const row = aLaporanRow();
    const standard = onlyRow(aLaporanSheet([row]));
    const result = parseLaporanRingkas(
      aLaporanSheet([row], { columns: reversed, extraColumns: ['Nama Pelapor Internal', 'Lampiran'] }),
    );
    expect(result.rows).toEqual([standard]);
    expect(result.extraColumns).toEqual(['Nama Pelapor Internal', 'Lampiran']);
  });

  it('matches headers without regard to case and spacing', () => {
    const sheet = aLaporanSheet([aLaporanRow()]);
    sheet[10] = sheet[10].map((header) => `  ${header.toUpperCase().replace(/ /g, '  ')} `);
    expect(onlyRow(sheet).trackingId).toBe('9100002');
  });

  it('fills optional columns that are missing with null', () => {
    const columns = LAPORAN_RINGKAS_COLUMNS.filter((c) => c.required).map((c) => c.field);
    const row = onlyRow(aLaporanSheet([aLaporanRow()], { columns }));
    expect(row).toMatchObject({ categoryId: null, category: null, channel: null, province: null, regency: null });
    expect(row.disposedTo).toContain('Bina Marga');
  });

  it('names every missing required column in one error', () => {
    const without: LaporanRingkasField[] = ['receivedTime', 'disposedTo'];
    const columns = LAPORAN_RINGKAS_COLUMNS.map((c) => c.field).filter((f) => !without.includes(f));
    const parse = () => parseLaporanRingkas(aLaporanSheet([aLaporanRow()], { columns }));
    expect(parse).toThrow(LaporanRingkasLayoutError);
    expect(parse).toThrow('Kolom wajib tidak ditemukan pada baris judul kolom: Waktu Laporan Masuk, Instansi Terdisposisi.');
    try {
      parse();
    } catch (error) {
      expect((error as LaporanRingkasLayoutError).missingColumns).toEqual(['Waktu Laporan Masuk', 'Instansi Terdisposisi']);
    }
  });

  it('refuses a sheet that has no Tracking ID header at all', () => {
    expect(() => parseLaporanRingkas([['Nama', 'Alamat'], ['Budi', 'Babelan']])).toThrow(/Tracking ID/);
    expect(() => parseLaporanRingkas([])).toThrow(LaporanRingkasLayoutError);
  });
});

describe('parseLaporanRingkas: rows', () => {
  it('maps every field of a valid row', () => {
    const row = onlyRow(aLaporanSheet([aLaporanRow({ reportType: 'Anonim', holdOrArchiveReason: 'Alasan' })]));
    expect(row).toEqual<ParsedLaporanRow>({
      rowNumber: 12,
      trackingId: '9100002',
      receivedAt: new Date('2026-10-02T00:14:22.000Z'),
      classification: 'Pengaduan Tidak Berkadar Pengawasan',
      categoryId: '7011',
      category: 'Jalan Berlubang',
      title: 'Jalan berlubang di Jalan Raya Babelan',
      initialText: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas.',
      finalText: 'Terdapat lubang besar di Jalan Raya Babelan.',
      anonymous: true,
      confidential: false,
      channel: 'Android',
      parentAgency: 'Pemerintah Kabupaten Bekasi',
      disposedTo: 'Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi Kabupaten Bekasi',
      laporStatus: 'Ditutup oleh Sistem',
      laporStatusRaw: 'Ditutup oleh Sistem',
      holdOrArchiveReason: 'Alasan',
      province: 'Jawa Barat',
      regency: 'Bekasi',
    });
  });

  it.each([
    ['', false, false],
    ['Anonim', true, false],
    ['Rahasia', false, true],
    ['Anonim|Rahasia', true, true],
    ['rahasia | anonim', true, true],
  ])('reads report type %p as anonymous=%p confidential=%p', (reportType, anonymous, confidential) => {
    expect(onlyRow(aLaporanSheet([aLaporanRow({ reportType })]))).toMatchObject({ anonymous, confidential });
  });

  it('canonicalises classification and status spelled in another case', () => {
    const row = onlyRow(
      aLaporanSheet([aLaporanRow({ classification: 'ASPIRASI', laporStatus: 'menunggu kelengkapan informasi' })]),
    );
    expect(row.classification).toBe('Aspirasi');
    expect(row.laporStatus).toBe('Menunggu Kelengkapan Informasi');
  });

  it('keeps a status LAPOR! added later as raw text', () => {
    const row = onlyRow(aLaporanSheet([aLaporanRow({ laporStatus: 'Dalam Proses' })]));
    expect(row.laporStatus).toBeNull();
    expect(row.laporStatusRaw).toBe('Dalam Proses');
  });

  it('accepts a row without classification, title or disposition', () => {
    const row = onlyRow(aLaporanSheet([aLaporanRow({ classification: '', title: '', disposedTo: '', laporStatus: '' })]));
    expect(row).toMatchObject({ classification: null, title: null, disposedTo: null, laporStatus: null, laporStatusRaw: null });
  });

  it('accepts a row with only one of the two texts', () => {
    expect(onlyRow(aLaporanSheet([aLaporanRow({ initialText: '' })])).initialText).toBeNull();
    expect(onlyRow(aLaporanSheet([aLaporanRow({ finalText: '  ' })])).finalText).toBeNull();
  });

  it('keeps texts intact apart from Windows line endings and outer whitespace', () => {
    const initialText = ' Baris "satu" – ok 🙏\r\nBaris dua\r\n\r\nBaris empat ';
    expect(onlyRow(aLaporanSheet([aLaporanRow({ initialText })])).initialText).toBe(
      'Baris "satu" – ok 🙏\nBaris dua\n\nBaris empat',
    );
  });

  it('reads Indonesian month names and ISO dates', () => {
    const rows = parseLaporanRingkas(
      aLaporanSheet([
        aLaporanRow({ trackingId: '1', receivedDate: '2 Okt 2026' }),
        aLaporanRow({ trackingId: '2', receivedDate: '2026-10-02' }),
      ]),
    ).rows;
    expect(rows.map((r) => r.receivedAt.toISOString())).toEqual(['2026-10-02T00:14:22.000Z', '2026-10-02T00:14:22.000Z']);
  });

  it('skips blank rows silently, including short and whitespace-only ones', () => {
    const sheet = aLaporanSheet([aLaporanRow({ trackingId: '1' }), aLaporanRow({ trackingId: '2' })]);
    sheet.splice(12, 0, [], ['', '  ', '\n']);
    const result = parseLaporanRingkas(sheet);
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((r) => [r.trackingId, r.rowNumber])).toEqual([
      ['1', 12],
      ['2', 15],
    ]);
  });

  it('reads a row shorter than the header as having blank trailing cells', () => {
    const sheet = aLaporanSheet([aLaporanRow()]);
    sheet[11] = sheet[11].slice(0, 9);
    expect(onlyRow(sheet)).toMatchObject({ regency: null, disposedTo: null, anonymous: false });
  });
});

describe('parseLaporanRingkas: rejections', () => {
  it.each<[string, Partial<ReturnType<typeof aLaporanRow>>, string, string]>([
    ['a missing tracking id', { trackingId: ' ' }, 'missing-tracking-id', 'Tracking ID kosong.'],
    ['a non-numeric tracking id', { trackingId: 'LAP-12' }, 'invalid-tracking-id', 'Tracking ID "LAP-12" bukan angka.'],
    ['a missing date', { receivedDate: '' }, 'invalid-received-date', 'Tanggal Laporan Masuk kosong.'],
    ['an impossible date', { receivedDate: '31 Feb 2026' }, 'invalid-received-date', 'Tanggal Laporan Masuk "31 Feb 2026" tidak dikenali.'],
    ['a bad time', { receivedTime: '25:00:00' }, 'invalid-received-time', 'Waktu Laporan Masuk "25:00:00" tidak dikenali.'],
    ['a missing time', { receivedTime: '' }, 'invalid-received-time', 'Waktu Laporan Masuk kosong.'],
    ['no text at all', { initialText: '', finalText: ' ' }, 'empty-text', 'Isi Laporan Awal dan Isi Laporan Akhir keduanya kosong.'],
    ['an unknown classification', { classification: 'Keluhan' }, 'unknown-classification', 'Klasifikasi Laporan "Keluhan" tidak dikenal.'],
    ['an unknown report type', { reportType: 'Publik' }, 'unknown-report-type', 'Tipe Laporan "Publik" tidak dikenal; isinya harus Anonim, Rahasia, atau Anonim|Rahasia.'],
  ])('rejects %s', (_label, overrides, code, reason) => {
    const rejection = onlyRejection(aLaporanSheet([aLaporanRow(overrides)]));
    expect(rejection.codes).toEqual([code]);
    expect(rejection.reasons).toEqual([reason]);
    expect(rejection.rowNumber).toBe(rowNumberOfDataRow(0));
  });

  it('lists every problem of a row, not just the first', () => {
    const rejection = onlyRejection(
      aLaporanSheet([aLaporanRow({ trackingId: '', receivedTime: 'pagi', initialText: '', finalText: '', classification: 'Lain' })]),
    );
    expect(rejection.codes).toEqual(['missing-tracking-id', 'invalid-received-time', 'empty-text', 'unknown-classification']);
    expect(rejection.trackingId).toBeNull();
  });

  it('keeps the tracking id on a rejection so the admin can find the report', () => {
    expect(onlyRejection(aLaporanSheet([aLaporanRow({ receivedDate: 'kemarin' })])).trackingId).toBe('9100002');
  });

  it('keeps the first of two rows with the same tracking id and rejects the second', () => {
    const result = parseLaporanRingkas(
      aLaporanSheet([aLaporanRow({ title: 'pertama' }), aLaporanRow({ trackingId: '7' }), aLaporanRow({ title: 'kedua' })]),
    );
    expect(result.rows.map((r) => r.title)).toEqual(['pertama', 'Jalan berlubang di Jalan Raya Babelan']);
    expect(result.rejected).toEqual([
      {
        rowNumber: rowNumberOfDataRow(2),
        trackingId: '9100002',
        reasons: [`Tracking ID 9100002 sudah muncul di baris ${rowNumberOfDataRow(0)}.`],
        codes: ['duplicate-tracking-id'],
      },
    ]);
  });

  it('judges each row on its own: good rows around a bad one still import', () => {
    const result = parseLaporanRingkas(
      aLaporanSheet([aLaporanRow({ trackingId: '1' }), aLaporanRow({ trackingId: 'x' }), aLaporanRow({ trackingId: '3' })]),
    );
    expect(result.rows.map((r) => r.trackingId)).toEqual(['1', '3']);
    expect(result.rejected.map((r) => r.rowNumber)).toEqual([rowNumberOfDataRow(1)]);
  });
});

describe('generateSyntheticLaporanRingkas', () => {
  it('produces an export the mapper accepts in full', () => {
    const result = parseLaporanRingkas(generateSyntheticLaporanRingkas(500, 7));
    expect(result.rejected).toEqual([]);
    expect(result.rows).toHaveLength(500);
    expect(result.metadata.reportTitle).toBe('Laporan Ringkas');
    expect(result.metadata.period).not.toBeNull();
    const times = result.rows.map((r) => r.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(result.rows.map((r) => r.trackingId)).size).toBe(500);
  });

  it('lays the sheet out like a real export: metadata rows 1-10, header on row 11', () => {
    const sheet = generateSyntheticLaporanRingkas(3, 1);
    expect(sheet.slice(0, 10)).toEqual(
      exportMetadataBlock().map((row, i) => (i === 4 || i === 6 ? sheet[i] : row)),
    );
    expect(sheet[10]).toEqual(LAPORAN_RINGKAS_COLUMNS.map((c) => c.header));
    expect(sheet).toHaveLength(14);
  });

  it('is reproducible for a seed and varies between seeds', () => {
    expect(generateSyntheticLaporanRingkas(50, 42)).toEqual(generateSyntheticLaporanRingkas(50, 42));
    expect(generateSyntheticLaporanRingkas(50, 42)).not.toEqual(generateSyntheticLaporanRingkas(50, 43));
  });

  it('includes the awkward cases an importer must survive', () => {
    const rows = parseLaporanRingkas(generateSyntheticLaporanRingkas(500, 7)).rows;
    expect(rows.some((r) => r.initialText!.includes('\n'))).toBe(true);
    expect(rows.some((r) => r.initialText!.includes('"'))).toBe(true);
    expect(rows.some((r) => r.initialText!.includes('🙏'))).toBe(true);
    expect(rows.some((r) => r.anonymous && r.confidential)).toBe(true);
    expect(rows.some((r) => r.classification === null)).toBe(true);
  });
});
