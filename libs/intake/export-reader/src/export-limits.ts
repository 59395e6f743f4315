import { ExportFileError } from './export-file-error';

/**
 * How big an export may be, checked while it is read (never after): a Laporan Ringkas has about
 * twenty columns and, for a regency, tens of thousands of rows a year. Anything far beyond is a
 * mistake or an attack, refused before it costs memory.
 */
export interface ExportLimits {
  /** Bytes of the file as uploaded. */
  maxFileBytes: number;
  /** Bytes of an XLSX once its zip entries are inflated (all entries together). */
  maxUncompressedBytes: number;
  /** Zip entries of an XLSX. */
  maxZipEntries: number;
  maxRows: number;
  /** Columns that hold text; empty trailing cells beyond are ignored. */
  maxColumns: number;
  /** Non-empty cells of the sheet. */
  maxCells: number;
  /** Characters of one cell (Excel's own limit is 32,767). */
  maxCellLength: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxRows: 250_000,
  maxColumns: 200,
  maxCells: 5_000_000,
  maxCellLength: 32_767,
};

/** The export is larger than a limit allows: 413 for the uploader, with what was too large. */
export class ExportLimitError extends ExportFileError {
  constructor(message: string) {
    super(message);
    this.name = 'ExportLimitError';
  }
}

/** Counts what a reader produced against the limits, cell by cell, and throws at the first excess. */
export class SheetBudget {
  private cells = 0;

  constructor(readonly limits: ExportLimits) {}

  row(rowNumber: number): void {
    if (rowNumber > this.limits.maxRows) throw new ExportLimitError(`Berkas memiliki lebih dari ${this.limits.maxRows} baris.`);
  }

  /** A non-empty cell at (row, column), both counted from 1. */
  cell(rowNumber: number, columnNumber: number, text: string): void {
    if (columnNumber > this.limits.maxColumns) throw new ExportLimitError(`Baris ${rowNumber} memiliki isi di kolom ke-${columnNumber}; paling banyak ${this.limits.maxColumns} kolom.`);
    if (text.length > this.limits.maxCellLength) throw new ExportLimitError(`Sel di baris ${rowNumber}, kolom ${columnNumber} lebih panjang dari ${this.limits.maxCellLength} karakter.`);
    if (++this.cells > this.limits.maxCells) throw new ExportLimitError(`Berkas memiliki lebih dari ${this.limits.maxCells} sel berisi.`);
  }
}
