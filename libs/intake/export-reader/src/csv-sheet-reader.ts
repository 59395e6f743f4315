// CSV exports: UTF-8, RFC 4180 quoting, newlines inside quoted fields. Parsed as a stream so a
// large history never sits in memory twice.
import { parse } from 'csv-parse';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ExportFileError } from './export-file-error';
import { ExportLimitError, SheetBudget, type ExportLimits } from './export-limits';

const DELIMITER_CANDIDATES = [',', ';', '\t'] as const;

/**
 * Excel in an Indonesian locale saves "CSV" with semicolons, since the comma is the decimal mark.
 * The first line of a Laporan Ringkas (the metadata row, padded with empty fields) makes the
 * delimiter obvious: it is the candidate that occurs most often outside quotes.
 */
export function sniffCsvDelimiter(head: string): string {
  const firstLine = head.replace(/"[^"]*"/g, '').split('\n')[0];
  let best: string = ',';
  let bestCount = 0;
  for (const candidate of DELIMITER_CANDIDATES) {
    const count = firstLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Counts fields and characters of each record in the raw text (RFC 4180 quoting understood) before
 * the parser builds it, so a line of a million commas is refused at its 201st comma, not after a
 * million-field array was made.
 */
class RecordShapeGuard extends Transform {
  private quoted = false;
  private fields = 1;
  private row = 1;
  private bytes = 0;

  constructor(
    private readonly delimiter: number,
    private readonly limits: ExportLimits,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxFileBytes) return done(new ExportLimitError(`Berkas lebih besar dari ${Math.round(this.limits.maxFileBytes / 1024 / 1024)} MB.`));
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte === 0x22) this.quoted = !this.quoted;
      else if (this.quoted) continue;
      else if (byte === this.delimiter && ++this.fields > this.limits.maxColumns) {
        return done(new ExportLimitError(`Baris ${this.row} memiliki lebih dari ${this.limits.maxColumns} kolom.`));
      } else if (byte === 0x0a) {
        this.fields = 1;
        if (++this.row > this.limits.maxRows) return done(new ExportLimitError(`Berkas memiliki lebih dari ${this.limits.maxRows} baris.`));
      }
    }
    done(null, chunk);
  }
}

export async function readCsvSheet(source: Readable, limits: ExportLimits, options: { delimiter?: string } = {}): Promise<string[][]> {
  const delimiter = options.delimiter ?? ',';
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    // A field longer than a cell may be refused by the parser itself, before it is complete.
    max_record_size: limits.maxCellLength * limits.maxColumns,
  });
  const budget = new SheetBudget(limits);
  const guard = new RecordShapeGuard(delimiter.charCodeAt(0), limits);
  const rows: string[][] = [];
  const fail = (error: Error) => parser.destroy(error);
  source.on('error', fail);
  guard.on('error', fail);
  source.pipe(guard).pipe(parser);
  try {
    for await (const record of parser) {
      const cells = record as string[];
      const rowNumber = rows.length + 1;
      budget.row(rowNumber);
      cells.forEach((text, i) => text !== '' && budget.cell(rowNumber, i + 1, text));
      rows.push(cells);
    }
  } catch (error) {
    source.unpipe(guard);
    guard.destroy();
    if (error instanceof ExportFileError) throw error;
    throw new ExportFileError(
      `Berkas CSV tidak dapat dibaca: ${(error as Error).message}. Pastikan berkas disimpan sebagai CSV UTF-8.`,
      { cause: error },
    );
  }
  return rows;
}
