// Hostile files refused while they are read (with bounded memory), honest ones read whichever
// program wrote them. Each bomb here exhausted the heap before the limits existed.
import { readFile } from 'node:fs/promises';
import * as XLSX from 'xlsx';
import { SAMPLE_EXPORT_FILES } from '@bekasi/reference-data';
import { parseLaporanRingkas } from '@bekasi/intake-domain';
import { DEFAULT_EXPORT_LIMITS, ExportLimitError } from './export-limits';
import { readExportSheet } from './export-sheet-reader';
import { readZipEntries } from './xlsx-zip';
import { deflatedZip } from './testing/export-files';

const heapGrowthOf = async (work: () => Promise<unknown>) => {
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().heapUsed) - before;
};

/** A workbook written by SheetJS (the `xlsx` package), as other programs and scripts produce them. */
function sheetJsWorkbook(rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Laporan');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** A SheetJS workbook whose sheet claims `ref` and holds one more cell there (SheetJS itself would walk the whole range). */
function workbookWithFarCell(ref: string, cell: string): Buffer {
  const entries = readZipEntries(sheetJsWorkbook([['Tracking ID']]), DEFAULT_EXPORT_LIMITS).map((e) => {
    if (!e.name.startsWith('xl/worksheets/')) return e;
    const row = cell.replace(/^[A-Z]+/, '');
    const xml = e.data
      .toString('utf8')
      .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`)
      .replace('</sheetData>', `<row r="${row}"><c r="${cell}" t="inlineStr"><is><t>ujung</t></is></c></row></sheetData>`);
    return { name: e.name, data: Buffer.from(xml) };
  });
  return deflatedZip(entries);
}

describe('hostile exports are refused while read', () => {
  it('refuses a 7 KB XLSX whose sheet spans A1:XFD1048576 with two cells filled, without building the grid', async () => {
    const file = workbookWithFarCell('A1:XFD1048576', 'XFD1048576');
    expect(file.length).toBeLessThan(8 * 1024);
    const growth = await heapGrowthOf(() => expect(readExportSheet(file)).rejects.toThrow(ExportLimitError));
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a far column and a far row alike, naming the limit', async () => {
    const wide = workbookWithFarCell('A1:XFD1', 'XFD1');
    await expect(readExportSheet(wide)).rejects.toThrow(/kolom/);
    const deep = workbookWithFarCell('A1:A1048576', 'A1048576');
    await expect(readExportSheet(deep)).rejects.toThrow(/baris/);
  });

  it('refuses sparse cells that would pad into a grid larger than the cell limit', async () => {
    const sparse = workbookWithFarCell('A1:GR200000', 'GR200000');
    await expect(readExportSheet(sparse)).rejects.toThrow(ExportLimitError);
  });

  it('refuses a zip bomb at the inflate ceiling, whatever size its headers declare', async () => {
    const honest = sheetJsWorkbook([['Tracking ID'], ['9100001']]);
    const limits = { ...DEFAULT_EXPORT_LIMITS, maxUncompressedBytes: 1024 * 1024 };
    // 64 MB of XML whitespace in a sheet, packed to ~64 KB, its headers claiming 100 bytes.
    const bomb = deflatedZip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(64 * 1024 * 1024, 0x20), declaredSize: 100 },
    ]);
    expect(bomb.length).toBeLessThan(128 * 1024);
    const growth = await heapGrowthOf(() => expect(readExportSheet(bomb, limits)).rejects.toThrow(/setelah dibuka melebihi 1 MB/));
    expect(growth).toBeLessThan(32 * 1024 * 1024);
    await expect(readExportSheet(honest, limits)).resolves.toMatchObject({ format: 'xlsx' });
  });

  it('refuses a CSV with one line of a million commas at the column limit, without a million-field record', async () => {
    const csv = Buffer.from(`Tracking ID,Judul\n9100001${','.repeat(1_000_000)}\n`);
    const growth = await heapGrowthOf(() => expect(readExportSheet(csv)).rejects.toThrow(/lebih dari 200 kolom/));
    expect(growth).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses an over-long cell and too many rows, and keeps commas inside quotes as text', async () => {
    await expect(readExportSheet(Buffer.from(`a,b\n1,"${'x'.repeat(40_000)}"\n`))).rejects.toThrow(/lebih panjang dari 32767/);
    const limits = { ...DEFAULT_EXPORT_LIMITS, maxRows: 10 };
    await expect(readExportSheet(Buffer.from('a\n'.repeat(20)), limits)).rejects.toThrow(/lebih dari 10 baris/);
    const quoted = await readExportSheet(Buffer.from(`a,b\n1,"${','.repeat(500)}"\n`));
    expect(quoted.rows[1][1]).toHaveLength(500);
  });
});

describe('honest exports are read whichever program wrote them', () => {
  it('reads an XLSX written by SheetJS (sheets before the workbook in the zip) like the original', async () => {
    const original = await readExportSheet(await readFile(SAMPLE_EXPORT_FILES.xlsx));
    const rewritten = await readExportSheet(sheetJsWorkbook(original.rows));
    expect(rewritten.format).toBe('xlsx');
    expect(rewritten.rows).toEqual(original.rows);
    const parsed = parseLaporanRingkas(rewritten.rows);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(30);
  });

  it('reads an XLSX whose zip has the shared strings and the sheet before the workbook (exceljs alone: "reading \'sheets\'")', async () => {
    const original = await readExportSheet(await readFile(SAMPLE_EXPORT_FILES.xlsx));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(original.rows), 'Laporan');
    const written = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }) as Buffer;
    const first = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const rank = (name: string) => (first.indexOf(name) + 1 || 99);
    const entries = readZipEntries(written, DEFAULT_EXPORT_LIMITS).sort((a, b) => rank(a.name) - rank(b.name));
    expect(entries.findIndex((e) => e.name === 'xl/workbook.xml')).toBeGreaterThan(entries.findIndex((e) => e.name === 'xl/worksheets/sheet1.xml'));
    expect((await readExportSheet(deflatedZip(entries))).rows).toEqual(original.rows);
  });

  it('reads a CSV whose times carry fractions of a second', async () => {
    const csv = (await readFile(SAMPLE_EXPORT_FILES.csv, 'utf8')).replace(/,(\d{2}:\d{2}:\d{2}),/g, ',$1.123,');
    expect(csv).toMatch(/\d{2}:\d{2}:\d{2}\.123/);
    const parsed = parseLaporanRingkas((await readExportSheet(Buffer.from(csv))).rows);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows).toHaveLength(30);
  });
});
