// Admins rename files, and browsers upload "laporan.xlsx.csv"; the bytes say what a file is.
import { ExportFileError } from './export-file-error';

export type ExportFormat = 'xlsx' | 'csv';

/** Bytes needed to tell the formats apart. */
export const FORMAT_SIGNATURE_LENGTH = 8;

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OLE_COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => head[i] === byte);
}

/**
 * XLSX is a zip archive ("PK\x03\x04"); everything else is read as text CSV. The old binary XLS
 * is refused with a message, since the admin can re-save it.
 */
export function detectExportFormat(head: Uint8Array): ExportFormat {
  if (startsWith(head, ZIP_LOCAL_HEADER)) return 'xlsx';
  if (startsWith(head, OLE_COMPOUND_FILE)) {
    throw new ExportFileError('Format XLS lama tidak didukung. Simpan ulang berkas sebagai XLSX atau CSV (UTF-8), lalu unggah kembali.');
  }
  return 'csv';
}
