// The closed vocabularies of SP4N-LAPOR! as they appear in a real "Laporan Ringkas" export.
// Exports spell them in varying case, so recognition ignores case and surrounding whitespace but
// always hands back the canonical spelling.

export const LAPOR_CLASSIFICATIONS = [
  'Pengaduan Berkadar Pengawasan',
  'Pengaduan Tidak Berkadar Pengawasan',
  'Aspirasi',
  'Permintaan Informasi',
] as const;

export type LaporClassification = (typeof LAPOR_CLASSIFICATIONS)[number];

export const LAPOR_STATUSES = [
  'Belum Terverifikasi',
  'Menunggu Kelengkapan Informasi',
  'Ditutup oleh Sistem',
  'Ditutup oleh Admin',
  'Ditutup oleh Pelapor',
  'Diarsipkan oleh Sistem',
  'Diarsipkan oleh Admin',
  'Diarsipkan oleh Pelapor',
  'Konten Terblokir',
] as const;

export type LaporStatus = (typeof LAPOR_STATUSES)[number];

function canonicalKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

function recogniserOf<T extends string>(vocabulary: readonly T[]): (raw: string) => T | null {
  const byKey = new Map(vocabulary.map((term) => [canonicalKey(term), term]));
  return (raw) => byKey.get(canonicalKey(raw)) ?? null;
}

/** The canonical classification for `raw`, or null when it is not one of the four. */
export const recogniseClassification = recogniserOf(LAPOR_CLASSIFICATIONS);

/** The canonical status for `raw`, or null when LAPOR! has added a status we do not know yet. */
export const recogniseLaporStatus = recogniserOf(LAPOR_STATUSES);
