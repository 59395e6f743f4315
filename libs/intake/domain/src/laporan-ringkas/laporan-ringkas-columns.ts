// The columns of a "Laporan Ringkas" export, found by header text rather than position: admins
// re-save exports with columns moved or added, and a later LAPOR! version may do the same.

export type LaporanRingkasField =
  | 'trackingId'
  | 'receivedDate'
  | 'receivedTime'
  | 'classification'
  | 'categoryId'
  | 'category'
  | 'title'
  | 'initialText'
  | 'finalText'
  | 'reportType'
  | 'channel'
  | 'parentAgency'
  | 'disposedTo'
  | 'laporStatus'
  | 'holdOrArchiveReason'
  | 'province'
  | 'regency';

interface ColumnDefinition {
  field: LaporanRingkasField;
  /** The header exactly as a real export writes it; used in error messages. */
  header: string;
  /** Other spellings seen in re-saved files. */
  alternatives?: string[];
  /**
   * Required columns are the ones without which a row cannot become a complaint or a routing
   * example; the rest default to null so an export with a trimmed column set still imports.
   */
  required: boolean;
}

export const LAPORAN_RINGKAS_COLUMNS: readonly ColumnDefinition[] = [
  { field: 'trackingId', header: 'Tracking ID', required: true },
  { field: 'receivedDate', header: 'Tanggal Laporan Masuk', required: true },
  { field: 'receivedTime', header: 'Waktu Laporan Masuk', required: true },
  { field: 'classification', header: 'Klasifikasi Laporan', alternatives: ['Klasifikasi'], required: true },
  { field: 'categoryId', header: 'ID Kategori', required: false },
  { field: 'category', header: 'Kategori', required: false },
  { field: 'title', header: 'Judul Laporan', required: true },
  { field: 'initialText', header: 'Isi Laporan Awal', required: true },
  { field: 'finalText', header: 'Isi Laporan Akhir', required: true },
  {
    field: 'reportType',
    header: 'Tipe Laporan (Anonim/Rahasia)',
    alternatives: ['Tipe Laporan', 'Tipe Laporan (Anonim / Rahasia)'],
    required: true,
  },
  { field: 'channel', header: 'Sumber Laporan', required: false },
  { field: 'parentAgency', header: 'Instansi Induk', required: false },
  { field: 'disposedTo', header: 'Instansi Terdisposisi', required: true },
  { field: 'laporStatus', header: 'Status Laporan', required: true },
  { field: 'holdOrArchiveReason', header: 'Alasan Tunda/Arsip', alternatives: ['Alasan Tunda / Arsip'], required: false },
  { field: 'province', header: 'Provinsi', required: false },
  { field: 'regency', header: 'Kota/Kabupaten', alternatives: ['Kota / Kabupaten', 'Kabupaten/Kota'], required: false },
];

/** Header cells compare without regard to case, repeated spaces, BOM or non-breaking spaces. */
export function headerKey(cell: string): string {
  return cell.replace(/[\uFEFF]/g, '').replace(/[\s\u00A0]+/g, ' ').trim().toLowerCase();
}

export const TRACKING_ID_HEADER_KEY = headerKey('Tracking ID');

export class LaporanRingkasLayoutError extends Error {
  constructor(
    message: string,
    readonly missingColumns: readonly string[] = [],
  ) {
    super(message);
    this.name = 'LaporanRingkasLayoutError';
  }
}

/** Where each known field sits in the export's rows, read from the header row. */
export class LaporanRingkasColumnMap {
  private constructor(
    private readonly positions: ReadonlyMap<LaporanRingkasField, number>,
    /** Headers this importer does not know; kept so an import report can mention them. */
    readonly extraColumns: readonly string[],
  ) {}

  static fromHeader(headerCells: readonly string[]): LaporanRingkasColumnMap {
    const fieldByKey = new Map<string, LaporanRingkasField>();
    for (const column of LAPORAN_RINGKAS_COLUMNS) {
      for (const spelling of [column.header, ...(column.alternatives ?? [])]) {
        fieldByKey.set(headerKey(spelling), column.field);
      }
    }
    const positions = new Map<LaporanRingkasField, number>();
    const extraColumns: string[] = [];
    headerCells.forEach((cell, index) => {
      const field = fieldByKey.get(headerKey(cell));
      if (field === undefined) {
        if (cell.trim() !== '') extraColumns.push(cell.trim());
      } else if (!positions.has(field)) {
        positions.set(field, index);
      }
    });
    const missing = LAPORAN_RINGKAS_COLUMNS.filter((c) => c.required && !positions.has(c.field)).map((c) => c.header);
    if (missing.length > 0) {
      throw new LaporanRingkasLayoutError(
        `Kolom wajib tidak ditemukan pada baris judul kolom: ${missing.join(', ')}.`,
        missing,
      );
    }
    return new LaporanRingkasColumnMap(positions, extraColumns);
  }

  /** The trimmed cell of `field` in `cells`, or null when the column is absent or the cell blank. */
  cell(cells: readonly string[], field: LaporanRingkasField): string | null {
    const index = this.positions.get(field);
    if (index === undefined) return null;
    const value = (cells[index] ?? '').replace(/\r\n?/g, '\n').trim();
    return value === '' ? null : value;
  }
}
