// XLSX exports, read with ExcelJS's streaming reader: rows are turned into text as they are parsed,
// so memory holds the cell texts, not ExcelJS's object model of the whole workbook.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ExportFileError } from './export-file-error';
import { cellDisplayText } from './xlsx-cell-text';

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
export async function readXlsxSheet(source: Readable): Promise<string[][]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
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
        const cells: string[] = [];
        row.eachCell((cell, columnNumber) => {
          cells[columnNumber - 1] = cellDisplayText(cell.value, cell.numFmt);
        });
        rows[row.number - 1] = Array.from(cells, (text) => text ?? '');
      }
    }
  } catch (error) {
    throw new ExportFileError(`Berkas XLSX rusak atau tidak dapat dibaca: ${(error as Error).message}.`, { cause: error });
  }
  return Array.from(rows ?? [], (cells) => cells ?? []);
}
