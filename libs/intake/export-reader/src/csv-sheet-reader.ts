// CSV exports: UTF-8, RFC 4180 quoting, newlines inside quoted fields. Parsed as a stream so a
// large history never sits in memory twice.
import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { ExportFileError } from './export-file-error';

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

export async function readCsvSheet(source: Readable, options: { delimiter?: string } = {}): Promise<string[][]> {
  const parser = parse({
    bom: true,
    delimiter: options.delimiter ?? ',',
    relax_column_count: true,
    skip_empty_lines: false,
  });
  const rows: string[][] = [];
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const record of parser) rows.push(record as string[]);
  } catch (error) {
    throw new ExportFileError(
      `Berkas CSV tidak dapat dibaca: ${(error as Error).message}. Pastikan berkas disimpan sebagai CSV UTF-8.`,
      { cause: error },
    );
  }
  return rows;
}
