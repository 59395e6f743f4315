// Test data for the export mapper: a valid row by default, changed only where a test says so.
import { LAPORAN_RINGKAS_COLUMNS, LaporanRingkasField } from '../laporan-ringkas/laporan-ringkas-columns';

export type LaporanCells = Record<LaporanRingkasField, string>;

const STANDARD_ORDER: readonly LaporanRingkasField[] = LAPORAN_RINGKAS_COLUMNS.map((c) => c.field);
const HEADER_OF = new Map(LAPORAN_RINGKAS_COLUMNS.map((c) => [c.field, c.header]));

export function aLaporanRow(overrides: Partial<LaporanCells> = {}): LaporanCells {
  return {
    trackingId: '9100002',
    receivedDate: '2 Oct 2026',
    receivedTime: '07:14:22',
    classification: 'Pengaduan Tidak Berkadar Pengawasan',
    categoryId: '7011',
    category: 'Jalan Berlubang',
    title: 'Jalan berlubang di Jalan Raya Babelan',
    initialText: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas.',
    finalText: 'Terdapat lubang besar di Jalan Raya Babelan.',
    reportType: '',
    channel: 'Android',
    parentAgency: 'Pemerintah Kabupaten Bekasi',
    disposedTo: 'Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi Kabupaten Bekasi',
    laporStatus: 'Ditutup oleh Sistem',
    holdOrArchiveReason: '',
    province: 'Jawa Barat',
    regency: 'Bekasi',
    ...overrides,
  };
}

export interface SheetShape {
  /** Columns in this order; fields left out are absent from the sheet. */
  columns?: readonly LaporanRingkasField[];
  /** Unknown columns appended after the known ones, with this header and an "x" in each row. */
  extraColumns?: readonly string[];
  /** Rows above the header; the export's 10-row metadata block by default. */
  preamble?: string[][];
}

export function exportMetadataBlock(width = 17): string[][] {
  const labelled = (label: string, value: string) => [label, '', value, ...Array<string>(width - 3).fill('')];
  const blank = () => Array<string>(width).fill('');
  return [
    labelled('Judul Laporan', 'Laporan Ringkas'),
    blank(),
    labelled('Nama Instansi', 'Pemerintah Kabupaten Bekasi'),
    blank(),
    labelled('Tanggal Generate', '2026-11-20'),
    blank(),
    labelled('Periode Masuk', '(2026-10-01) - (2026-11-20)'),
    blank(),
    labelled('Pengelola', ''),
    blank(),
  ];
}

/** A sheet as the export reader would hand it over: preamble, header row, then `rows`. */
export function aLaporanSheet(rows: readonly LaporanCells[], shape: SheetShape = {}): string[][] {
  const columns = shape.columns ?? STANDARD_ORDER;
  const extras = shape.extraColumns ?? [];
  return [
    ...(shape.preamble ?? exportMetadataBlock()),
    [...columns.map((field) => HEADER_OF.get(field)!), ...extras],
    ...rows.map((row) => [...columns.map((field) => row[field]), ...extras.map(() => 'x')]),
  ];
}

/** Row number of the n-th data row (0-based) in a sheet built with the default preamble. */
export function rowNumberOfDataRow(n: number): number {
  return exportMetadataBlock().length + 2 + n;
}
