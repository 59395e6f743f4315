// The one entry point for an uploaded "Laporan Ringkas": whatever its format, it comes back as rows
// of cell texts for @bekasi/intake-domain's parseLaporanRingkas.
import { Readable } from 'node:stream';
import { readCsvSheet, sniffCsvDelimiter } from './csv-sheet-reader';
import { ExportLimitError, DEFAULT_EXPORT_LIMITS, type ExportLimits } from './export-limits';
import { ExportFormat, detectExportFormat } from './export-format';
import { readXlsxSheet } from './xlsx-sheet-reader';

export interface ExportSheet {
  format: ExportFormat;
  /** Every row of the sheet, padded with blanks to the width of the widest row. */
  rows: string[][];
}

/** Enough of the file to tell the format and, for CSV, to see the whole first line. */
const HEAD_LENGTH = 64 * 1024;

/** Reads the first bytes of a stream and hands back a stream that still starts at byte zero. */
async function withHead(source: Readable, length: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let read = 0;
  let exhausted = false;
  while (read < length) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    chunks.push(chunk);
    read += chunk.length;
  }
  const head = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (exhausted) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

function padToWidestRow(rows: string[][], limits: ExportLimits): string[][] {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  // A few far cells must not become a full grid in memory.
  if (rows.length * width > limits.maxCells) throw new ExportLimitError(`Lembar ${rows.length} baris × ${width} kolom melebihi ${limits.maxCells} sel.`);
  for (const row of rows) while (row.length < width) row.push('');
  return rows;
}

/**
 * Reads an XLSX or CSV export from a Buffer or a stream, telling the format by its first bytes.
 * Throws ExportFileError for files that are neither.
 */
export async function readExportSheet(input: Buffer | Uint8Array | Readable, limits: ExportLimits = DEFAULT_EXPORT_LIMITS): Promise<ExportSheet> {
  const source = input instanceof Readable ? input : Readable.from([Buffer.from(input)], { objectMode: false });
  const { head, stream } = await withHead(source, HEAD_LENGTH);
  const format = detectExportFormat(head);
  const rows =
    format === 'xlsx'
      ? await readXlsxSheet(stream, limits)
      : await readCsvSheet(stream, limits, { delimiter: sniffCsvDelimiter(head.toString('utf8')) });
  return { format, rows: padToWidestRow(rows, limits) };
}
