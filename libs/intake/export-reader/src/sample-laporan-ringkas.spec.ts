// The synthetic sample export, read from both its XLSX and its CSV form, through the domain mapper:
// the ground-truth rows described in shared/data/README.md.
import { readFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { SAMPLE_EXPORT_FILES } from '@bekasi/reference-data';
import {
  LAPOR_CLASSIFICATIONS,
  LAPOR_STATUSES,
  LaporanRingkasImport,
  ParsedLaporanRow,
  PERSONAL_DATA_PLACEHOLDERS,
  UnitNameMatcher,
  detectPersonalData,
  isLikelyDuplicate,
  textSignatureOf,
  maskPersonalData,
  parseLaporanRingkas,
} from '@bekasi/intake-domain';
import { readExportSheet } from './export-sheet-reader';

let fromXlsx: LaporanRingkasImport;
let fromCsv: LaporanRingkasImport;
let rawXlsx: string[][];
let rawCsv: string[][];

beforeAll(async () => {
  const xlsx = await readExportSheet(await readFile(SAMPLE_EXPORT_FILES.xlsx));
  const csv = await readExportSheet(createReadStream(SAMPLE_EXPORT_FILES.csv));
  expect([xlsx.format, csv.format]).toEqual(['xlsx', 'csv']);
  rawXlsx = xlsx.rows;
  rawCsv = csv.rows;
  fromXlsx = parseLaporanRingkas(rawXlsx);
  fromCsv = parseLaporanRingkas(rawCsv);
});

function row(trackingId: string): ParsedLaporanRow {
  const found = fromCsv.rows.find((r) => r.trackingId === trackingId);
  if (!found) throw new Error(`sample row ${trackingId} missing`);
  return found;
}

describe('the sample export', () => {
  it('reads to the same cells from XLSX and CSV, merged metadata labels included', () => {
    expect(rawXlsx).toEqual(rawCsv);
    expect(rawCsv).toHaveLength(41);
    expect(rawCsv.every((cells) => cells.length === 17)).toBe(true);
  });

  it('maps to the same 30 complaints from XLSX and CSV, with nothing rejected', () => {
    expect(fromCsv.rejected).toEqual([]);
    expect(fromCsv.rows).toHaveLength(30);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv.rows.map((r) => r.trackingId)).toEqual(
      Array.from({ length: 30 }, (_, i) => String(9100001 + i)),
    );
    expect(fromCsv.rows[0].rowNumber).toBe(12);
    expect(fromCsv.headerRowNumber).toBe(11);
  });

  it('carries its metadata', () => {
    expect(fromCsv.metadata).toEqual({
      reportTitle: 'Laporan Ringkas',
      agencyName: 'Pemerintah Kabupaten Bekasi',
      generatedOn: '2026-11-20',
      period: { from: '2026-10-01', to: '2026-11-20' },
      manager: null,
    });
  });

  it('dates each report in Jakarta time, in tracking-id order', () => {
    expect(row('9100006').receivedAt.toISOString()).toBe('2026-10-07T03:20:35.000Z');
    const times = fromCsv.rows.map((r) => r.receivedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('keeps the en dash and the emoji intact', () => {
    expect(row('9100009').title).toBe('PJU mati di ruas Sukamahi – Pasirranji');
    expect(row('9100030').initialText).toBe('pak tolong dong diperbaiki udah lama bgt ga ada tindakan 🙏');
    expect(row('9100030').finalText).toBe(row('9100030').initialText);
  });

  it('keeps the quoted title', () => {
    expect(row('9100022').title).toBe('Gas "melon" 3 kg langka dan mahal');
  });

  it('keeps the three multiline texts with their line breaks', () => {
    const multiline = fromCsv.rows.filter((r) => [r.title, r.initialText, r.finalText].some((t) => t?.includes('\n')));
    expect(multiline.map((r) => r.trackingId)).toEqual(['9100006', '9100014', '9100028']);
    expect(row('9100006').initialText!.split('\n')).toHaveLength(3);
    expect(row('9100014').initialText).toContain('di-PHK sepihak bulan lalu.\n\nGaji dua bulan terakhir');
    expect(row('9100028').initialText!.split('\n')[2]).toBe(
      'Mohon saluran dikeruk, kali dinormalisasi, dan pompanya diperbaiki.',
    );
  });

  it('covers all four classifications, unclassified reports and all nine statuses', () => {
    const classifications = new Set(fromCsv.rows.map((r) => r.classification));
    expect(classifications).toEqual(new Set([...LAPOR_CLASSIFICATIONS, null]));
    expect(new Set(fromCsv.rows.map((r) => r.laporStatus))).toEqual(new Set(LAPOR_STATUSES));
    expect(row('9100010').classification).toBe('Aspirasi');
    expect(row('9100007').laporStatus).toBe('Konten Terblokir');
    expect(row('9100028').laporStatus).toBe('Menunggu Kelengkapan Informasi');
  });

  it('reads Anonim and Rahasia', () => {
    expect(row('9100001')).toMatchObject({ anonymous: true, confidential: false });
    expect(row('9100005')).toMatchObject({ anonymous: false, confidential: true });
    expect(row('9100012')).toMatchObject({ anonymous: true, confidential: true });
    expect(row('9100002')).toMatchObject({ anonymous: false, confidential: false });
  });
});

describe('unit names in the sample export', () => {
  const matcher = new UnitNameMatcher();
  const EXPECTED_UNIT_BY_TRACKING_ID: Record<string, string | null> = {
    '9100001': 'BPBD', '9100002': 'SDABMBK', '9100003': 'TIRTA_BHAGASASI', '9100004': null,
    '9100005': 'DLH', '9100006': 'DISDUKCAPIL', '9100007': null, '9100008': 'DISPERKIMTAN',
    '9100009': 'DISHUB', '9100010': 'DISHUB', '9100011': 'DINSOS', '9100012': 'DP3A',
    '9100013': 'DCKTR', '9100014': 'DISNAKER', '9100015': 'DPMPTSP', '9100016': 'DISDIK',
    '9100017': 'DINKES', '9100018': 'RSUD', '9100019': 'DISDAMKAR', '9100020': 'INSPEKTORAT',
    '9100021': 'BAPENDA', '9100022': 'DISDAG', '9100023': 'SATPOL_PP', '9100024': 'KEC_TARUMAJAYA',
    '9100025': 'KEC_SUKATANI', '9100026': 'KEC_BABELAN', '9100027': 'BPBD', '9100028': 'SDABMBK',
    '9100029': 'DINSOS', '9100030': null,
  };

  it('matches every "Instansi Terdisposisi" to its unit', () => {
    const matched = Object.fromEntries(fromCsv.rows.map((r) => [r.trackingId, matcher.match(r.disposedTo)]));
    expect(matched).toEqual(EXPECTED_UNIT_BY_TRACKING_ID);
  });

  it('leaves only the rows without a disposition unmatched', () => {
    const unmatched = fromCsv.rows.filter((r) => r.disposedTo !== null && matcher.match(r.disposedTo) === null);
    expect(unmatched.map((r) => r.disposedTo)).toEqual([]);
    expect(fromCsv.rows.filter((r) => r.disposedTo === null).map((r) => r.trackingId)).toEqual(['9100004', '9100007', '9100030']);
  });
});

describe('personal data in the sample export', () => {
  it('masks the NIK and phone number of 9100006 in both texts', () => {
    const { initialText, finalText } = row('9100006');
    for (const text of [initialText!, finalText!]) {
      const masked = maskPersonalData(text);
      expect(masked).not.toContain('3216990101900001');
      expect(masked).not.toContain('0812-0000-0101');
      expect(masked).toContain(PERSONAL_DATA_PLACEHOLDERS.nik);
      expect(masked).toContain(PERSONAL_DATA_PLACEHOLDERS.phone);
    }
    expect(maskPersonalData(finalText!)).toBe(
      'Pelapor telah melakukan perekaman KTP-el di Kecamatan Cikarang Barat pada bulan Juli, namun hingga kini KTP-el belum tercetak dengan alasan blangko kosong. ' +
        `Pelapor mencantumkan NIK ${PERSONAL_DATA_PLACEHOLDERS.nik} dan nomor telepon ${PERSONAL_DATA_PLACEHOLDERS.phone}. KTP-el dibutuhkan untuk melamar pekerjaan.`,
    );
  });

  it('finds nothing in the other 29 reports: money, RT/RW, times and tracking ids stay readable', () => {
    const falsePositives = fromCsv.rows
      .filter((r) => r.trackingId !== '9100006')
      .flatMap((r) =>
        [r.title, r.initialText, r.finalText, r.holdOrArchiveReason]
          .filter((t): t is string => t !== null)
          .flatMap((t) => detectPersonalData(t).map((m) => `${r.trackingId}: ${m.text}`)),
      );
    expect(falsePositives).toEqual([]);
  });
});

describe('duplicates in the sample export', () => {
  const comparable = (r: ParsedLaporanRow) => ({ signature: textSignatureOf({ title: r.title, text: r.initialText ?? r.finalText ?? '' }), receivedAt: r.receivedAt });

  it('flags 9100004 as a likely duplicate of 9100002, as the admin archived it', () => {
    expect(row('9100004').holdOrArchiveReason).toContain('9100002');
    expect(isLikelyDuplicate(comparable(row('9100004')), comparable(row('9100002')))).toBe(true);
  });

  it('flags no other pair', () => {
    const flagged: string[] = [];
    const rows = fromCsv.rows;
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        if (isLikelyDuplicate(comparable(rows[i]), comparable(rows[j]))) flagged.push(`${rows[i].trackingId}-${rows[j].trackingId}`);
      }
    }
    expect(flagged).toEqual(['9100002-9100004']);
  });
});
