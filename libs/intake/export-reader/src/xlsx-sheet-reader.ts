// XLSX exports, read with ExcelJS's streaming reader: rows are turned into text as they are parsed,
// so memory holds the cell texts, not ExcelJS's object model of the whole workbook. The zip is
// opened first with limits (see xlsx-zip.ts); rows, columns, cells and cell length are counted as
// each cell arrives, so a sheet that claims A1:XFD1048576 is refused at its first far cell.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ExportFileError } from './export-file-error';
import { ExportLimitError, SheetBudget, type ExportLimits } from './export-limits';
import { cellDisplayText } from './xlsx-cell-text';
import { readZipEntries, repackedZip } from './xlsx-zip';

interface StreamedCell {
  value: unknown;
  numFmt?: string;
}

interface StreamedRow {
  number: number;
  eachCell(callback: (cell: StreamedCell, columnNumber: number) => void): void;
}

/**
 * The first worksheet of the workbook (a LAPOR! export has exactly one), one string per cell.
 * Missing rows and cells come back as blanks, so row numbers match the spreadsheet's. Merged
 * cells carry their value in the first cell only: the streaming reader sees each cell as stored,
 * and spreadsheet programs store a merged range's value in its first cell.
 */
export async function readXlsxSheet(source: Readable, limits: ExportLimits): Promise<string[][]> {
  const file = await bytesOf(source, limits.maxFileBytes);
  const budget = new SheetBudget(limits);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(repackedZip(readZipEntries(file, limits)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows: string[][] | null = null;
  try {
    for await (const worksheet of workbook) {
      if (rows !== null) {
        // Later sheets are read to the end only so the zip stream can finish.
        for await (const _row of worksheet) void _row;
        continue;
      }
      rows = [];
      for await (const row of worksheet as unknown as AsyncIterable<StreamedRow>) {
        budget.row(row.number);
        const cells: string[] = [];
        row.eachCell((cell, columnNumber) => {
          const text = cellDisplayText(cell.value, cell.numFmt);
          if (text === '') return;
          budget.cell(row.number, columnNumber, text);
          cells[columnNumber - 1] = text;
        });
        rows[row.number - 1] = Array.from(cells, (text) => text ?? '');
      }
    }
  } catch (error) {
    if (error instanceof ExportFileError) throw error;
    throw new ExportFileError(`Berkas XLSX rusak atau tidak dapat dibaca: ${(error as Error).message}.`, { cause: error });
  }
  return Array.from(rows ?? [], (cells) => cells ?? []);
}

/** The whole upload (an XLSX is a zip: its directory is at the end), refused past `max` bytes. */
async function bytesOf(source: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    total += buf.length;
    if (total > max) {
      source.destroy();
      throw new ExportLimitError(`Berkas lebih besar dari ${Math.round(max / 1024 / 1024)} MB.`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
