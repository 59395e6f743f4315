// Reports as lapor-sim serves them: realistic Bekasi complaints in informal Indonesian across the
// units' topics and the kecamatan, with the LAPOR! mix of classifications, categories and
// Anonim/Rahasia flags. The n-th report depends only on the seed, so a demo, a test or a benchmark
// can be replayed. Names and numbers are invented (NIKs use kecamatan code 99, which Bekasi lacks).
import { KECAMATAN, KELURAHAN, UNITS, UnitReference } from '@bekasi/reference-data';
import { LAPOR_CLASSIFICATIONS } from '../lapor-vocabulary';
import { seededRandom } from '../laporan-ringkas/synthetic-laporan-ringkas';

/** The record shape of lapor-sim, matching DEFAULT_LAPOR_API_FIELD_MAPPING. */
export interface LaporApiReport {
  tracking_id: string;
  created_at: string;
  title: string;
  content: string;
  classification: string | null;
  category: { id: string; name: string } | null;
  is_anonymous: boolean;
  is_secret: boolean;
  source: string;
  location: { kecamatan: string; desa: string; address: string };
  reporter: { name: string; phone: string | null; email: string | null } | null;
  status: string;
}

const DESA = ['Sukamaju', 'Mekarjaya', 'Sindangsari', 'Karangmulya', 'Sukajadi', 'Sukadami', 'Wanajaya', 'Jatimulya', 'Lambangsari', 'Sumberjaya', 'Kertarahayu', 'Muktiwari'];
const STREETS = ['Jalan Raya', 'Jalan Inspeksi Kalimalang', 'Jalan Kampung', 'Gang Masjid', 'Jalan Perumahan Griya', 'Jalan Desa'];
const CHANNELS = ['Website', 'Android', 'iOS', 'SMS 1708', 'Twitter', 'WhatsApp'];
const FIRST_NAMES = ['Ahmad', 'Siti', 'Dedi', 'Rina', 'Agus', 'Yuliani', 'Hendra', 'Nurhayati', 'Rudi', 'Dewi', 'Asep', 'Euis'];
const LAST_NAMES = ['Saputra', 'Rahmawati', 'Hidayat', 'Kurniasih', 'Setiawan', 'Permana', 'Lestari', 'Gunawan'];
const OPENINGS = [
  'Selamat pagi, saya mau melaporkan',
  'Mohon bantuannya, di tempat kami ada masalah',
  'Pak/Bu, tolong ditindaklanjuti soal',
  'Warga di lingkungan kami mengeluhkan',
  'Assalamualaikum, izin lapor terkait',
  'Sudah lama sekali kami mengalami masalah',
];
const DETAILS = [
  'sudah {n} hari belum ada penanganan sama sekali',
  'udah {n} minggu kayak gini dan makin parah',
  'sudah pernah lapor ke RT/RW dan desa tapi belum ada tindak lanjut',
  'warga sudah resah, apalagi kalau malam hari',
  'banyak anak-anak dan lansia yang terdampak',
  'kejadiannya berulang terus tiap bulan',
];
const CLOSINGS = [
  'Mohon segera ditindaklanjuti, terima kasih.',
  'Tolong dicek ke lokasi ya pak.',
  'Kami tunggu respons dinas terkait.',
  'Terima kasih atas perhatiannya 🙏',
  'Mohon jangan cuma dijawab di aplikasi, tapi turun ke lapangan.',
];
const STATUSES_OPEN = ['Belum Terverifikasi', 'Belum Terverifikasi', 'Belum Terverifikasi', 'Menunggu Kelengkapan Informasi'];

export interface SyntheticLaporFeedOptions {
  firstTrackingId?: number;
  /** Instant of the first report; later ones follow a few minutes apart. */
  startAt?: string;
  /** Share of reports that re-report an earlier problem (same place and topic) in other words. */
  reReportRate?: number;
}

interface Problem {
  unit: UnitReference;
  topicIndex: number;
  kecamatanName: string;
  desa: string;
  street: string;
}

function jakartaIso(instant: number): string {
  return new Date(instant + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The n-th report for a seed; iterate with next(). */
export class SyntheticLaporFeed {
  private readonly random: () => number;
  private readonly recent: Problem[] = [];
  private clock: number;
  private index = 0;
  private readonly firstTrackingId: number;
  private readonly reReportRate: number;

  constructor(readonly seed: number, options: SyntheticLaporFeedOptions = {}) {
    this.random = seededRandom(seed);
    this.clock = Date.parse(options.startAt ?? '2026-10-01T07:00:00+07:00');
    this.firstTrackingId = options.firstTrackingId ?? 5_000_001;
    this.reReportRate = options.reReportRate ?? 0.05;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  private newProblem(): Problem {
    const unit = this.pick(UNITS);
    const kecamatan = unit.kecamatan ? KECAMATAN.find((k) => k.code === unit.kecamatan)! : this.pick(KECAMATAN);
    const kelurahan = KELURAHAN.filter((k) => k.kecamatan === kecamatan.code);
    const desa = kelurahan.length > 0 && this.random() < 0.5 ? this.pick(kelurahan).name : this.pick(DESA);
    return { unit, topicIndex: Math.floor(this.random() * unit.topics.length), kecamatanName: kecamatan.name, desa, street: this.pick(STREETS) };
  }

  next(): LaporApiReport {
    const i = this.index++;
    this.clock += (1 + Math.floor(this.random() * 90)) * 60_000;
    const reReport = this.recent.length > 0 && this.random() < this.reReportRate;
    const problem = reReport ? this.pick(this.recent) : this.newProblem();
    if (!reReport) {
      this.recent.push(problem);
      if (this.recent.length > 50) this.recent.shift();
    }
    const topic = problem.unit.topics[problem.topicIndex];
    const place = `${problem.street} ${problem.desa}, Kecamatan ${problem.kecamatanName}`;
    const days = 2 + Math.floor(this.random() * 20);
    const sentences = [
      `${this.pick(OPENINGS)} ${topic} di ${place}.`,
      `${capitalised(this.pick(DETAILS).replace('{n}', String(days)))}.`,
    ];
    const anonymous = this.random() < 0.3;
    const confidential = this.random() < 0.15;
    const name = `${this.pick(FIRST_NAMES)} ${this.pick(LAST_NAMES)}`;
    const phone = `0812-${String(1000 + (i % 9000)).padStart(4, '0')}-${String(1000 + ((i * 7) % 9000)).padStart(4, '0')}`;
    if (this.random() < 0.12) sentences.push(`Bisa hubungi saya di ${phone}.`);
    if (this.random() < 0.05) sentences.push(`NIK saya 3216990${String(101 + (i % 800)).padStart(3, '0')}90${String(i % 10_000).padStart(4, '0')}.`);
    sentences.push(this.pick(CLOSINGS));
    const classificationRoll = this.random();
    const classification = classificationRoll < 0.1 ? null : this.pick(LAPOR_CLASSIFICATIONS);
    const unitIndex = UNITS.indexOf(problem.unit);
    return {
      tracking_id: String(this.firstTrackingId + i),
      created_at: jakartaIso(this.clock),
      title: `${capitalised(topic)} di ${problem.desa}, ${problem.kecamatanName}`,
      content: sentences.join(this.random() < 0.1 ? '\n' : ' '),
      classification,
      category: this.random() < 0.1 ? null : { id: String(7000 + unitIndex * 10 + (problem.topicIndex % 10)), name: capitalised(topic) },
      is_anonymous: anonymous,
      is_secret: confidential,
      source: this.pick(CHANNELS),
      location: { kecamatan: problem.kecamatanName, desa: problem.desa, address: place },
      // LAPOR! knows who wrote an Anonim report; hiding the name is intake's job, so the sim sends it.
      reporter: { name, phone: this.random() < 0.5 ? phone : null, email: this.random() < 0.2 ? `${name.split(' ')[0].toLowerCase()}${i}@contoh.id` : null },
      status: this.pick(STATUSES_OPEN),
    };
  }

  take(count: number): LaporApiReport[] {
    return Array.from({ length: count }, () => this.next());
  }
}
