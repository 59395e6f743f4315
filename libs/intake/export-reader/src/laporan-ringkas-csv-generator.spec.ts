import { parseLaporanRingkas } from '@bekasi/intake-domain';
import { serialiseCsv } from './csv-writer';
import { readExportSheet } from './export-sheet-reader';
import { generateLaporanRingkasCsv } from './laporan-ringkas-csv-generator';
import { aChunkedStream, anXlsxFileOfRows } from './testing/export-files';

describe('serialiseCsv', () => {
  it('quotes only fields that need it and reads back to the same cells', async () => {
    const rows = [
      ['a', 'b, c', 'd "e"', 'f\ng', ''],
      ['🙏 –', '', 'plain', 'x\r\ny', ','],
    ];
    const csv = serialiseCsv(rows);
    expect(csv.split('\n')[0]).toBe('a,"b, c","d ""e""","f');
    expect((await readExportSheet(Buffer.from(csv))).rows).toEqual(rows);
  });

  it('writes nothing for no rows', () => {
    expect(serialiseCsv([])).toBe('');
  });
});

describe('generateLaporanRingkasCsv', () => {
  it('is reproducible for a seed', () => {
    expect(generateLaporanRingkasCsv(20, 5)).toBe(generateLaporanRingkasCsv(20, 5));
  });

  it('produces an export of 10,000 complaints that reads and maps in full', async () => {
    const csv = generateLaporanRingkasCsv(10_000, 2026);
    const sheet = await readExportSheet(aChunkedStream(csv, 64 * 1024));
    const result = parseLaporanRingkas(sheet.rows);
    expect(result.rejected).toEqual([]);
    expect(result.rows).toHaveLength(10_000);
    expect(result.rows[9_999].rowNumber).toBe(11 + 10_000);
    expect(result.rows.filter((r) => r.initialText!.includes('\n')).length).toBeGreaterThan(500);
  });

  it('reads the same from XLSX as from CSV at scale', async () => {
    const csv = generateLaporanRingkasCsv(300, 11);
    const fromCsv = await readExportSheet(Buffer.from(csv));
    const fromXlsx = await readExportSheet(await anXlsxFileOfRows(fromCsv.rows));
    expect(fromXlsx.format).toBe('xlsx');
    expect(parseLaporanRingkas(fromXlsx.rows)).toEqual(parseLaporanRingkas(fromCsv.rows));
  });
});
