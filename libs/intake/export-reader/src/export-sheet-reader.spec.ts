import { Readable } from 'node:stream';
import { ExportFileError } from './export-file-error';
import { detectExportFormat } from './export-format';
import { readExportSheet } from './export-sheet-reader';
import { sniffCsvDelimiter } from './csv-sheet-reader';
import { aChunkedStream, anXlsxFile, anXlsxFileOfRows } from './testing/export-files';

describe('detectExportFormat', () => {
  it('tells XLSX by the zip signature and takes anything else as CSV', () => {
    expect(detectExportFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBe('xlsx');
    expect(detectExportFormat(Buffer.from('Judul Laporan,,Laporan Ringkas'))).toBe('csv');
    expect(detectExportFormat(Buffer.from('PK is also how a CSV may start'))).toBe('csv');
    expect(detectExportFormat(Buffer.alloc(0))).toBe('csv');
  });

  it('refuses the old binary XLS with advice for the admin', () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]);
    expect(() => detectExportFormat(xls)).toThrow(ExportFileError);
    expect(() => detectExportFormat(xls)).toThrow(/XLS lama tidak didukung/);
  });
});

describe('sniffCsvDelimiter', () => {
  it.each([
    ['Judul Laporan,,Laporan Ringkas,,,', ','],
    ['Judul Laporan;;Laporan Ringkas;;;', ';'],
    ['Tracking ID\tTanggal Laporan Masuk\tWaktu', '\t'],
    ['"Dinas Sumber Daya Air, Bina Marga";x;y\n1,2,3,4,5', ';'],
    ['satu kolom saja', ','],
  ])('sees the delimiter of %p', (head, delimiter) => {
    expect(sniffCsvDelimiter(head)).toBe(delimiter);
  });
});

describe('readExportSheet: CSV', () => {
  const tricky = 'a,b,c\n1,"dua, dengan koma","tiga\nbaris ""kutip"" – 🙏"\n';

  it('reads quoted fields with commas, newlines, doubled quotes and non-ASCII text', async () => {
    const sheet = await readExportSheet(Buffer.from(tricky));
    expect(sheet.format).toBe('csv');
    expect(sheet.rows).toEqual([
      ['a', 'b', 'c'],
      ['1', 'dua, dengan koma', 'tiga\nbaris "kutip" – 🙏'],
    ]);
  });

  it('keeps multi-byte characters whole when a stream splits them', async () => {
    const sheet = await readExportSheet(aChunkedStream(tricky, 1));
    expect(sheet.rows[1][2]).toBe('tiga\nbaris "kutip" – 🙏');
  });

  it('strips a UTF-8 BOM and reads CRLF line endings', async () => {
    const sheet = await readExportSheet(Buffer.from('\uFEFFTracking ID,Judul\r\n9100001,Jalan\r\n'));
    expect(sheet.rows).toEqual([
      ['Tracking ID', 'Judul'],
      ['9100001', 'Jalan'],
    ]);
  });

  it('reads a semicolon CSV saved by Excel in an Indonesian locale', async () => {
    const sheet = await readExportSheet(Buffer.from('Tracking ID;Judul;Isi\n9100001;"Jalan; rusak";Rp5.000,00\n'));
    expect(sheet.rows).toEqual([
      ['Tracking ID', 'Judul', 'Isi'],
      ['9100001', 'Jalan; rusak', 'Rp5.000,00'],
    ]);
  });

  it('keeps blank lines as blank rows so row numbers stay true, and pads short rows', async () => {
    const sheet = await readExportSheet(Buffer.from('a,b,c\n\n1\n'));
    expect(sheet.rows).toEqual([
      ['a', 'b', 'c'],
      ['', '', ''],
      ['1', '', ''],
    ]);
  });

  it('reads an empty file as no rows', async () => {
    expect((await readExportSheet(Buffer.alloc(0))).rows).toEqual([]);
  });

  it('turns a malformed CSV into an ExportFileError', async () => {
    await expect(readExportSheet(Buffer.from('a,b\n1,"tidak ditutup\n'))).rejects.toThrow(ExportFileError);
    await expect(readExportSheet(Buffer.from('a,b\n1,"tidak ditutup\n'))).rejects.toThrow(/CSV tidak dapat dibaca/);
  });

  it('reports a failing upload stream instead of hanging', async () => {
    async function* failing() {
      yield Buffer.from('a,b\n1,2\n');
      throw new Error('koneksi terputus');
    }
    await expect(readExportSheet(Readable.from(failing(), { objectMode: false }))).rejects.toThrow(/koneksi terputus/);
  });
});

describe('readExportSheet: XLSX', () => {
  it('reads every cell as its displayed text, with blanks for missing rows and cells', async () => {
    const file = await anXlsxFile((workbook) => {
      const sheet = workbook.addWorksheet('Laporan Ringkas');
      sheet.getCell('A1').value = 'Judul Laporan';
      sheet.getCell('C1').value = 'Laporan Ringkas';
      sheet.getCell('A3').value = 9100001;
      const date = sheet.getCell('B3');
      date.value = new Date(Date.UTC(2026, 9, 7));
      date.numFmt = 'd mmm yyyy';
      const time = sheet.getCell('C3');
      time.value = new Date(Date.UTC(1899, 11, 30, 10, 20, 35));
      time.numFmt = 'hh:mm:ss';
      const money = sheet.getCell('D3');
      money.value = 750000;
      money.numFmt = '#,##0';
      sheet.getCell('E3').value = { richText: [{ text: 'Dinas ' }, { text: 'Sosial', font: { bold: true } }] };
      sheet.getCell('F3').value = 'baris satu\nbaris dua 🙏';
    });
    const sheet = await readExportSheet(file);
    expect(sheet.format).toBe('xlsx');
    expect(sheet.rows).toEqual([
      ['Judul Laporan', '', 'Laporan Ringkas', '', '', ''],
      ['', '', '', '', '', ''],
      ['9100001', '7 Oct 2026', '10:20:35', '750,000', 'Dinas Sosial', 'baris satu\nbaris dua 🙏'],
    ]);
  });

  it('gives a merged range its value in the first cell only', async () => {
    const file = await anXlsxFile((workbook) => {
      const sheet = workbook.addWorksheet('Laporan Ringkas');
      sheet.getCell('A1').value = 'Periode Masuk';
      sheet.getCell('C1').value = '(2026-10-01) - (2026-11-20)';
      sheet.mergeCells('A1:B2');
      sheet.mergeCells('C1:C2');
    });
    expect((await readExportSheet(file)).rows).toEqual([
      ['Periode Masuk', '', '(2026-10-01) - (2026-11-20)'],
      ['', '', ''],
    ]);
  });

  it('reads the first sheet of a workbook with several', async () => {
    const file = await anXlsxFile((workbook) => {
      workbook.addWorksheet('Laporan Ringkas').getCell('A1').value = 'pertama';
      workbook.addWorksheet('Catatan').getCell('A1').value = 'kedua';
    });
    expect((await readExportSheet(file)).rows).toEqual([['pertama']]);
  });

  it.each([
    ['with shared strings', true],
    ['with inline strings', false],
  ])('reads a streamed-in workbook %s', async (_label, sharedStrings) => {
    const rows = [
      ['Tracking ID', 'Isi'],
      ['9100001', 'dua\nbaris – 🙏'],
    ];
    const file = await anXlsxFileOfRows(rows, sharedStrings);
    expect((await readExportSheet(aChunkedStream(file, 7))).rows).toEqual(rows);
  });

  it('turns a damaged XLSX into an ExportFileError', async () => {
    const file = await anXlsxFile((workbook) => {
      workbook.addWorksheet('Laporan Ringkas').getCell('A1').value = 'x';
    });
    const damaged = Buffer.concat([file.subarray(0, 40), Buffer.alloc(200, 0x41)]);
    await expect(readExportSheet(damaged)).rejects.toThrow(ExportFileError);
  });
});
