// Synthetic "Laporan Ringkas" exports of any size, for import tests and benchmarks. Deterministic
// for a seed, so a failing run can be replayed. The texts are composed from reference-data topics
// and name no real person; NIKs use kecamatan code 99, which Kabupaten Bekasi does not have.
import { KECAMATAN, UNITS, UnitReference } from '@bekasi/reference-data';
import { LAPOR_CLASSIFICATIONS, LAPOR_STATUSES } from '../lapor-vocabulary';
import { LAPORAN_RINGKAS_COLUMNS } from './laporan-ringkas-columns';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const CHANNELS = ['Website', 'Android', 'iOS', 'SMS 1708', 'Twitter', ''];
const REPORT_TYPES = ['', '', 'Anonim', 'Rahasia', 'Anonim|Rahasia'];
const OPENINGS = ['Mohon bantuannya,', 'Pak, tolong', 'Selamat siang,', 'Saya mau melaporkan', 'Warga mengeluhkan'];
const CLOSINGS = [
  'Mohon segera ditindaklanjuti.',
  'Sudah lama ga ada tindakan, tolong dicek.',
  'Terima kasih 🙏',
  'Kami tunggu respons dinas terkait – terima kasih.',
  'Mohon "perhatian" dari pihak terkait.',
];
const HEADER = LAPORAN_RINGKAS_COLUMNS.map((column) => column.header);
const DAY_MS = 86_400_000;

export interface SyntheticExportOptions {
  firstTrackingId?: number;
  /** ISO date of the first report; reports then arrive in order, a few minutes to hours apart. */
  startDate?: string;
}

/** Mulberry32: tiny, fast and good enough to vary test data reproducibly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A unit name as exports vary it: suffixed, upper-cased or bare. */
function exportedUnitName(unit: UnitReference, random: () => number): string {
  if (unit.kind === 'kecamatan' || unit.kind === 'bumd' || unit.kind === 'rsud') return unit.name;
  const roll = random();
  if (roll < 0.4) return `${unit.name} Kabupaten Bekasi`;
  if (roll < 0.8) return `${unit.name} Kab. Bekasi`;
  if (roll < 0.9) return `${unit.name} Kabupaten Bekasi`.toUpperCase();
  return unit.name;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Metadata block, header row and `count` data rows, every cell as text, as an export lays them out. */
export function generateSyntheticLaporanRingkas(
  count: number,
  seed: number,
  options: SyntheticExportOptions = {},
): string[][] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const firstTrackingId = options.firstTrackingId ?? 9_200_001;
  const start = Date.parse(`${options.startDate ?? '2026-01-02'}T00:00:00+07:00`);

  const rows: string[][] = [];
  let jakartaClock = start;
  for (let i = 0; i < count; i++) {
    jakartaClock += Math.floor(random() * 4 * 3600) * 1000 + 60_000;
    const wall = new Date(jakartaClock + 7 * 3600 * 1000);
    const unit = pick(UNITS);
    const kecamatan = unit.kecamatan ? KECAMATAN.find((k) => k.code === unit.kecamatan)! : pick(KECAMATAN);
    const topicIndex = Math.floor(random() * unit.topics.length);
    const topic = unit.topics[topicIndex];
    const unitIndex = UNITS.indexOf(unit);
    const place = `Desa ${pick(['Sukamaju', 'Mekarjaya', 'Sindangsari', 'Karangmulya', 'Sukajadi'])}, ${kecamatan.name}`;
    const lines = [
      `${pick(OPENINGS)} masalah ${topic} di ${place} udah ${2 + Math.floor(random() * 20)} hari belum ada penanganan.`,
    ];
    if (random() < 0.15) lines.push(`Bisa hubungi saya di 0812-0000-${String(1000 + (i % 9000)).padStart(4, '0')}.`);
    if (random() < 0.05) lines.push(`NIK saya 321699${pad2(1 + (i % 28))}0190${String(i % 10_000).padStart(4, '0')}.`);
    lines.push(pick(CLOSINGS));
    const multiline = random() < 0.1;
    const initialText = lines.join(multiline ? '\n' : ' ');
    const status = pick(LAPOR_STATUSES);
    const classificationRoll = random();
    rows.push([
      String(firstTrackingId + i),
      `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`,
      `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`,
      classificationRoll < 0.05 ? '' : pick(LAPOR_CLASSIFICATIONS),
      String(7000 + unitIndex * 10 + (topicIndex % 10)),
      topic.charAt(0).toUpperCase() + topic.slice(1),
      `Keluhan ${topic} di ${kecamatan.name}`,
      initialText,
      `Pelapor menyampaikan keluhan terkait ${topic} di ${place}, Kecamatan ${kecamatan.name}, yang belum ditangani.`,
      pick(REPORT_TYPES),
      pick(CHANNELS),
      'Pemerintah Kabupaten Bekasi',
      status === 'Belum Terverifikasi' ? '' : exportedUnitName(unit, random),
      status,
      status.startsWith('Diarsipkan') || status === 'Menunggu Kelengkapan Informasi' ? 'Mohon lengkapi lokasi, RT/RW dan foto.' : '',
      'Jawa Barat',
      'Bekasi',
    ]);
  }

  const lastDate = new Date((rows.length > 0 ? jakartaClock : start) + 7 * 3600 * 1000 + DAY_MS);
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const metadataRow = (label: string, value: string) => {
    const cells = Array<string>(HEADER.length).fill('');
    cells[0] = label;
    cells[2] = value;
    return cells;
  };
  const blank = () => Array<string>(HEADER.length).fill('');
  return [
    metadataRow('Judul Laporan', 'Laporan Ringkas'),
    blank(),
    metadataRow('Nama Instansi', 'Pemerintah Kabupaten Bekasi'),
    blank(),
    metadataRow('Tanggal Generate', isoDay(lastDate)),
    blank(),
    metadataRow('Periode Masuk', `(${isoDay(new Date(start + 7 * 3600 * 1000))}) - (${isoDay(lastDate)})`),
    blank(),
    metadataRow('Pengelola', ''),
    blank(),
    [...HEADER],
    ...rows,
  ];
}
