// Turns the cells of a "Laporan Ringkas" export (from XLSX or CSV alike) into complaints ready for
// back-fill, and rows it cannot trust into rejections an admin can read and fix. One bad row never
// sinks the import: every row is judged on its own.
import { LaporClassification, LaporStatus, recogniseClassification, recogniseLaporStatus } from '../lapor-vocabulary';
import {
  LaporanRingkasColumnMap,
  LaporanRingkasLayoutError,
  TRACKING_ID_HEADER_KEY,
  headerKey,
} from './laporan-ringkas-columns';
import { isoCalendarDate, jakartaInstant, parseLaporDate, parseLaporTime } from './lapor-date-time';

export type SheetCells = readonly (readonly string[])[];

export interface LaporanRingkasMetadata {
  /** "Judul Laporan" of the metadata block, normally "Laporan Ringkas". */
  reportTitle: string | null;
  agencyName: string | null;
  /** ISO calendar date (Asia/Jakarta) the export was generated. */
  generatedOn: string | null;
  /** "Periode Masuk" as ISO calendar dates, inclusive. */
  period: { from: string; to: string } | null;
  manager: string | null;
}

export interface ParsedLaporanRow {
  /** 1-based, as the spreadsheet numbers it (CSV: the record, not the physical line). */
  rowNumber: number;
  trackingId: string;
  receivedAt: Date;
  classification: LaporClassification | null;
  categoryId: string | null;
  category: string | null;
  title: string | null;
  initialText: string | null;
  finalText: string | null;
  anonymous: boolean;
  confidential: boolean;
  channel: string | null;
  parentAgency: string | null;
  /** The unit name exactly as exported; match it with UnitNameMatcher. */
  disposedTo: string | null;
  /** Canonical status when LAPOR! used one we know; null when blank or new. */
  laporStatus: LaporStatus | null;
  /** The status cell as exported, so a status LAPOR! adds later is never lost. */
  laporStatusRaw: string | null;
  holdOrArchiveReason: string | null;
  province: string | null;
  regency: string | null;
}

export type RowRejectionCode =
  | 'missing-tracking-id'
  | 'invalid-tracking-id'
  | 'duplicate-tracking-id'
  | 'invalid-received-date'
  | 'invalid-received-time'
  | 'empty-text'
  | 'unknown-classification'
  | 'unknown-report-type';

export interface RejectedRow {
  rowNumber: number;
  trackingId: string | null;
  /** Messages for the admin, in Bahasa Indonesia, in the same order as `codes`. */
  reasons: string[];
  codes: RowRejectionCode[];
}

export interface LaporanRingkasImport {
  metadata: LaporanRingkasMetadata;
  headerRowNumber: number;
  extraColumns: readonly string[];
  rows: ParsedLaporanRow[];
  rejected: RejectedRow[];
}

const METADATA_LABELS: Record<string, keyof LaporanRingkasMetadata> = {
  [headerKey('Judul Laporan')]: 'reportTitle',
  [headerKey('Nama Instansi')]: 'agencyName',
  [headerKey('Tanggal Generate')]: 'generatedOn',
  [headerKey('Periode Masuk')]: 'period',
  [headerKey('Pengelola')]: 'manager',
};

/**
 * The header row is found by content, not assumed to be row 11: a CSV re-saved from a spreadsheet
 * may lose its blank rows, and a later LAPOR! version may change the metadata block.
 */
export function locateHeaderRow(sheet: SheetCells): number {
  const index = sheet.findIndex((cells) => cells.some((cell) => headerKey(cell) === TRACKING_ID_HEADER_KEY));
  if (index < 0) {
    throw new LaporanRingkasLayoutError(
      'Baris judul kolom tidak ditemukan: tidak ada sel "Tracking ID". Pastikan berkas adalah ekspor "Laporan Ringkas" SP4N-LAPOR!.',
      ['Tracking ID'],
    );
  }
  return index;
}

function calendarDateText(raw: string): string | null {
  const date = parseLaporDate(raw) ?? parseLaporDate(raw.split(/[ T]/)[0]);
  return date ? isoCalendarDate(date) : null;
}

function parsePeriod(raw: string): { from: string; to: string } | null {
  const dates = raw.match(/\d{4}-\d{2}-\d{2}/g);
  if (!dates || dates.length !== 2) return null;
  const [from, to] = dates.map(calendarDateText);
  return from && to ? { from, to } : null;
}

export function readMetadata(rowsAboveHeader: SheetCells): LaporanRingkasMetadata {
  const metadata: LaporanRingkasMetadata = {
    reportTitle: null,
    agencyName: null,
    generatedOn: null,
    period: null,
    manager: null,
  };
  for (const cells of rowsAboveHeader) {
    const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
    const label = filled.length > 0 ? METADATA_LABELS[headerKey(filled[0])] : undefined;
    const value = filled[1];
    if (label === undefined || value === undefined) continue;
    if (label === 'period') metadata.period = parsePeriod(value);
    else if (label === 'generatedOn') metadata.generatedOn = calendarDateText(value);
    else metadata[label] = value;
  }
  return metadata;
}

function readReportType(raw: string | null): { anonymous: boolean; confidential: boolean } | null {
  const parts = (raw ?? '')
    .split(/[|,/+]/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.some((part) => part !== 'anonim' && part !== 'rahasia')) return null;
  return { anonymous: parts.includes('anonim'), confidential: parts.includes('rahasia') };
}

/**
 * One data row as a complaint, a rejection, or null for a blank row (exports end with some, and
 * spreadsheets leave them where an admin deleted rows).
 */
export function mapLaporanRingkasRow(
  columns: LaporanRingkasColumnMap,
  cells: readonly string[],
  rowNumber: number,
): ParsedLaporanRow | RejectedRow | null {
  if (cells.every((cell) => cell.trim() === '')) return null;
  const cell = (field: Parameters<LaporanRingkasColumnMap['cell']>[1]) => columns.cell(cells, field);
  const codes: RowRejectionCode[] = [];
  const reasons: string[] = [];
  const reject = (code: RowRejectionCode, reason: string) => {
    codes.push(code);
    reasons.push(reason);
  };

  const trackingId = cell('trackingId');
  if (trackingId === null) reject('missing-tracking-id', 'Tracking ID kosong.');
  else if (!/^\d+$/.test(trackingId)) reject('invalid-tracking-id', `Tracking ID "${trackingId}" bukan angka.`);

  const dateText = cell('receivedDate');
  const date = dateText === null ? null : parseLaporDate(dateText);
  if (date === null) {
    reject(
      'invalid-received-date',
      dateText === null ? 'Tanggal Laporan Masuk kosong.' : `Tanggal Laporan Masuk "${dateText}" tidak dikenali.`,
    );
  }
  const timeText = cell('receivedTime');
  const time = timeText === null ? null : parseLaporTime(timeText);
  if (time === null) {
    reject(
      'invalid-received-time',
      timeText === null ? 'Waktu Laporan Masuk kosong.' : `Waktu Laporan Masuk "${timeText}" tidak dikenali.`,
    );
  }

  const initialText = cell('initialText');
  const finalText = cell('finalText');
  if (initialText === null && finalText === null) {
    reject('empty-text', 'Isi Laporan Awal dan Isi Laporan Akhir keduanya kosong.');
  }

  const classificationText = cell('classification');
  const classification = classificationText === null ? null : recogniseClassification(classificationText);
  if (classificationText !== null && classification === null) {
    reject('unknown-classification', `Klasifikasi Laporan "${classificationText}" tidak dikenal.`);
  }

  // An unreadable type is rejected rather than read as "public": guessing wrong would expose a
  // Rahasia report.
  const reportTypeText = cell('reportType');
  const reportType = readReportType(reportTypeText);
  if (reportType === null) {
    reject('unknown-report-type', `Tipe Laporan "${reportTypeText}" tidak dikenal; isinya harus Anonim, Rahasia, atau Anonim|Rahasia.`);
  }

  if (codes.length > 0 || trackingId === null || date === null || time === null || reportType === null) {
    return { rowNumber, trackingId, reasons, codes };
  }
  const laporStatusRaw = cell('laporStatus');
  return {
    rowNumber,
    trackingId,
    receivedAt: jakartaInstant(date, time),
    classification,
    categoryId: cell('categoryId'),
    category: cell('category'),
    title: cell('title'),
    initialText,
    finalText,
    anonymous: reportType.anonymous,
    confidential: reportType.confidential,
    channel: cell('channel'),
    parentAgency: cell('parentAgency'),
    disposedTo: cell('disposedTo'),
    laporStatus: laporStatusRaw === null ? null : recogniseLaporStatus(laporStatusRaw),
    laporStatusRaw,
    holdOrArchiveReason: cell('holdOrArchiveReason'),
    province: cell('province'),
    regency: cell('regency'),
  };
}

export function isRejectedRow(outcome: ParsedLaporanRow | RejectedRow): outcome is RejectedRow {
  return 'reasons' in outcome;
}

/**
 * Reads a whole export. Throws LaporanRingkasLayoutError only when the file as a whole is not a
 * Laporan Ringkas (no header row, required columns missing); row problems become RejectedRow.
 */
export function parseLaporanRingkas(sheet: SheetCells): LaporanRingkasImport {
  const headerIndex = locateHeaderRow(sheet);
  const columns = LaporanRingkasColumnMap.fromHeader(sheet[headerIndex]);
  const rows: ParsedLaporanRow[] = [];
  const rejected: RejectedRow[] = [];
  const firstRowOfTrackingId = new Map<string, number>();

  for (let index = headerIndex + 1; index < sheet.length; index++) {
    const outcome = mapLaporanRingkasRow(columns, sheet[index], index + 1);
    if (outcome === null) continue;
    if (isRejectedRow(outcome)) {
      rejected.push(outcome);
      continue;
    }
    // A repeated id would overwrite the first complaint on back-fill; keep the first, flag the rest.
    const firstRow = firstRowOfTrackingId.get(outcome.trackingId);
    if (firstRow !== undefined) {
      rejected.push({
        rowNumber: outcome.rowNumber,
        trackingId: outcome.trackingId,
        reasons: [`Tracking ID ${outcome.trackingId} sudah muncul di baris ${firstRow}.`],
        codes: ['duplicate-tracking-id'],
      });
      continue;
    }
    firstRowOfTrackingId.set(outcome.trackingId, outcome.rowNumber);
    rows.push(outcome);
  }

  return {
    metadata: readMetadata(sheet.slice(0, headerIndex)),
    headerRowNumber: headerIndex + 1,
    extraColumns: columns.extraColumns,
    rows,
    rejected,
  };
}
