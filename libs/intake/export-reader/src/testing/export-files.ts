// Export files made in memory for reader tests.
import ExcelJS from 'exceljs';
import { Readable, Writable } from 'node:stream';

export async function anXlsxFile(
  build: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An XLSX whose only sheet holds `rows` as text cells, written by ExcelJS's streaming writer. */
export async function anXlsxFileOfRows(rows: readonly (readonly string[])[], sharedStrings = true): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: sharedStrings });
  const sheet = workbook.addWorksheet('Laporan Ringkas');
  for (const row of rows) sheet.addRow([...row]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** A stream delivering `content` in pieces of `size` bytes, splitting multi-byte characters. */
export function aChunkedStream(content: Buffer | string, size: number): Readable {
  const bytes = Buffer.from(content);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size));
  return Readable.from(pieces, { objectMode: false });
}
