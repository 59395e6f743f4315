// A HARD generated "Laporan Ringkas" export, for developing and testing the router without a real
// one. Made to be as unkind as real history (where good models reach about 50 % top-1), not to
// flatter the model:
//   - noisy citizen text: SMS spellings (yg, gk, udh, jln), typos, all-caps rants, long stories
//     whose words every unit shares, very short texts ("tolong dicek pak"), NIK and phone numbers;
//   - ambiguous topics: the same complaint goes to different units (jalan rusak: PUPR, the camat or
//     "Pemerintah Kabupaten"; banjir: BPBD, PUPR or DLH), so even a perfect reader errs;
//   - generic labels ("Pemerintah Kabupaten …", "Sekretariat Daerah …") for a tenth of the reports;
//   - class imbalance (a few units take most reports), units that appear only in later years,
//     and a drift of requests for information, most without a category, to the PPID in 2024;
//   - labels in the real style, with the regency suffix and its variants ("Kab.", upper case).
// Deterministic for a seed. Names of people are invented; NIKs use kecamatan code 99.
import type { RegencyReference, UnitReference } from '@bekasi/reference-data';
import { LAPORAN_RINGKAS_COLUMNS, seededRandom } from '@bekasi/intake-domain';

/**
 * The roles scenarios speak of; each regency maps them to its own unit codes, or to "label:NAME"
 * for a unit its registry does not list (the export names it; the router must create it).
 */
export type UnitRole =
  | 'KOMINFO' | 'DUKCAPIL' | 'PERIZINAN' | 'DINKES' | 'DISDIK' | 'DINSOS' | 'DLH' | 'PU' | 'PERKIM' | 'DISHUB'
  | 'NAKER' | 'DAMKAR' | 'UMKM' | 'TANI' | 'WISATA' | 'DAGANG' | 'BPBD' | 'PAJAK' | 'BKPSDM' | 'SATPOL'
  | 'INSPEKTORAT' | 'RSUD' | 'AIR' | 'DESA' | 'P3A' | 'SETDA' | 'PEMKAB' | 'CAMAT';

export const BEKASI_ROLES: Readonly<Record<UnitRole, string>> = {
  KOMINFO: 'DISKOMINFOSANTIK', DUKCAPIL: 'DISDUKCAPIL', PERIZINAN: 'DPMPTSP', DINKES: 'DINKES', DISDIK: 'DISDIK',
  DINSOS: 'DINSOS', DLH: 'DLH', PU: 'SDABMBK', PERKIM: 'DISPERKIMTAN', DISHUB: 'DISHUB', NAKER: 'DISNAKER',
  DAMKAR: 'DISDAMKAR', UMKM: 'label:Dinas Koperasi dan Usaha Mikro', TANI: 'label:Dinas Pertanian', WISATA: 'DISBUDPORA', DAGANG: 'DISDAG', BPBD: 'BPBD',
  PAJAK: 'BAPENDA', BKPSDM: 'BKPSDM', SATPOL: 'SATPOL_PP', INSPEKTORAT: 'INSPEKTORAT', RSUD: 'RSUD',
  AIR: 'TIRTA_BHAGASASI', DESA: 'CAMAT', P3A: 'DP3A', SETDA: 'SETDA', PEMKAB: 'PEMKAB', CAMAT: 'CAMAT',
};

export const CIMANGGALA_ROLES: Readonly<Record<UnitRole, string>> = {
  KOMINFO: 'DISKOMINFO', DUKCAPIL: 'DISDUKCAPIL', PERIZINAN: 'DPMPTSP', DINKES: 'DINKES', DISDIK: 'DISDIK',
  DINSOS: 'DINSOS', DLH: 'DLH', PU: 'PUPR', PERKIM: 'PERKIM', DISHUB: 'DISHUB', NAKER: 'DISNAKER',
  DAMKAR: 'DAMKAR', UMKM: 'DISKOPUMKM', TANI: 'DISTAN', WISATA: 'DISPARBUD', DAGANG: 'DISDAG', BPBD: 'BPBD',
  PAJAK: 'BAPENDA', BKPSDM: 'BKPSDM', SATPOL: 'SATPOL_PP', INSPEKTORAT: 'INSPEKTORAT', RSUD: 'RSUD',
  AIR: 'PDAM', DESA: 'DPMD', P3A: 'DINSOS', SETDA: 'SETDA', PEMKAB: 'PEMKAB', CAMAT: 'CAMAT',
};

interface Scenario {
  /** Who usually gets it, and who else plausibly does (with relative weights). */
  handlers: ReadonlyArray<readonly [UnitRole, number]>;
  /** How often it comes up (relative). */
  weight: number;
  /** Problem statements; `{p}` is the place. */
  problems: readonly string[];
  categories: readonly string[];
  /** Share of this scenario's reports that are requests for information. */
  info?: number;
  /** First year it is reported (units and programmes appear over time). */
  since?: number;
}

const S = (handlers: Scenario['handlers'], weight: number, categories: string[], problems: string[], extra: Partial<Scenario> = {}): Scenario => ({
  handlers,
  weight,
  categories,
  problems,
  ...extra,
});

const SCENARIOS: readonly Scenario[] = [
  S([['PU', 6], ['CAMAT', 2], ['PEMKAB', 1], ['PERKIM', 0.6]], 14, ['Infrastruktur', 'Jalan dan Jembatan'], [
    'jalan rusak parah banyak lubang di {p}, sudah sering motor jatuh',
    'jalan berlubang di {p} kalau hujan jadi kubangan',
    'aspal jalan mengelupas dan berlubang besar di {p}',
    'jalan penghubung antar desa di {p} rusak tidak pernah diperbaiki',
    'perbaikan jalan di {p} asal asalan baru sebulan sudah rusak lagi',
    'jalan di {p} hancur dilewati truk tanah setiap hari',
  ]),
  S([['PU', 4], ['BPBD', 2], ['DLH', 1], ['CAMAT', 1]], 8, ['Infrastruktur', 'Bencana Alam', 'Lingkungan Hidup dan Kehutanan'], [
    'saluran air di {p} mampet sehingga banjir setiap hujan',
    'drainase tersumbat di {p} air meluap ke rumah warga',
    'gorong gorong ambrol di {p} air tidak mengalir',
    'kali di {p} dangkal penuh lumpur perlu dinormalisasi',
  ]),
  S([['BPBD', 5], ['PU', 1.5], ['DINSOS', 1.5], ['CAMAT', 1]], 7, ['Bencana Alam', 'Infrastruktur'], [
    'banjir setinggi lutut di {p} sejak semalam warga butuh bantuan',
    'rumah warga di {p} terendam banjir mohon dikirim perahu karet',
    'tanah longsor menutup jalan di {p}',
    'angin puting beliung merusak atap rumah di {p}',
    'kekeringan di {p} warga kesulitan air bersih mohon bantuan air',
  ]),
  S([['DLH', 6], ['CAMAT', 1.5], ['PEMKAB', 0.5]], 10, ['Lingkungan Hidup dan Kehutanan', 'Kebersihan'], [
    'sampah menumpuk di {p} sudah seminggu tidak diangkut',
    'TPS liar di pinggir jalan {p} bau menyengat',
    'truk sampah tidak pernah datang ke {p} padahal bayar iuran',
    'warga buang sampah sembarangan ke kali di {p}',
    'pembakaran sampah di {p} asapnya masuk rumah',
  ]),
  S([['DLH', 5], ['SATPOL', 1], ['PERIZINAN', 1]], 5, ['Lingkungan Hidup dan Kehutanan'], [
    'limbah pabrik dibuang ke sungai di {p} air jadi hitam dan bau',
    'pabrik di {p} mengeluarkan asap hitam setiap malam',
    'bau limbah peternakan ayam di {p} sangat mengganggu',
  ]),
  S([['PERKIM', 4], ['DISHUB', 2.5], ['CAMAT', 1]], 7, ['Infrastruktur', 'Perumahan'], [
    'lampu PJU di {p} mati sudah berbulan bulan jalan gelap rawan begal',
    'penerangan jalan umum di {p} padam semua',
    'lampu jalan di {p} nyala siang hari mati malam hari',
  ]),
  S([['PERKIM', 4], ['DINSOS', 1.5], ['CAMAT', 1]], 3, ['Perumahan', 'Sosial dan Kesejahteraan'], [
    'pengajuan bantuan rumah tidak layak huni di {p} belum ada kabar',
    'fasos fasum perumahan di {p} belum diserahkan pengembang',
    'tempat pemakaman umum di {p} sudah penuh',
  ]),
  S([['DINSOS', 6], ['CAMAT', 2], ['DESA', 1.5], ['PEMKAB', 0.6]], 12, ['Sosial dan Kesejahteraan', 'Bantuan Sosial'], [
    'saya tidak terdaftar DTKS padahal keluarga tidak mampu di {p}',
    'bansos PKH saya dihentikan tanpa alasan',
    'bantuan BPNT tidak cair sudah tiga bulan',
    'penyaluran bansos di {p} tidak tepat sasaran yang mampu malah dapat',
    'KIS PBI saya dinonaktifkan padahal masih miskin',
    'ada orang dengan gangguan jiwa berkeliaran di {p} mengganggu warga',
  ]),
  S([['P3A', 4], ['DINSOS', 1.5], ['PEMKAB', 0.5]], 3, ['Sosial dan Kesejahteraan', 'Perlindungan Anak'], [
    'ada anak yang sering dipukuli orang tuanya di {p}',
    'tetangga saya korban KDRT di {p} mohon dibantu',
    'pelecehan anak di {p} pelaku masih bebas',
  ]),
  S([['DUKCAPIL', 30], ['CAMAT', 1]], 9, ['Kependudukan', 'Administrasi Kependudukan'], [
    'KTP elektronik saya sudah jadi tiga bulan belum dicetak katanya blangko habis',
    'pengurusan kartu keluarga di {p} lama sekali',
    'akta kelahiran anak saya salah nama mohon diperbaiki',
    'NIK saya tidak terdaftar saat mau daftar vaksin',
    'antrian di kantor disdukcapil panjang sekali sistem sering offline',
    'pindah domisili ke {p} tapi data belum berubah',
  ], { info: 0.3 }),
  S([['DINKES', 5], ['RSUD', 2], ['PEMKAB', 0.5]], 8, ['Kesehatan'], [
    'pelayanan puskesmas di {p} lambat petugas jutek',
    'di {p} banyak kasus demam berdarah mohon fogging',
    'obat di puskesmas sering kosong',
    'posyandu di {p} tidak aktif lagi',
    'balita stunting di {p} tidak dapat bantuan gizi',
  ]),
  S([['RSUD', 5], ['DINKES', 2]], 4, ['Kesehatan'], [
    'pasien BPJS ditolak di rumah sakit umum daerah dengan alasan kamar penuh',
    'antrian IGD rumah sakit lama sekali ibu saya terlantar',
    'dokter spesialis di RSUD jarang ada',
  ], { since: 2022 }),
  S([['DISDIK', 12], ['PEMKAB', 0.5], ['INSPEKTORAT', 0.5]], 9, ['Pendidikan dan Kebudayaan'], [
    'sekolah negeri di {p} minta pungutan uang bangunan',
    'anak saya tidak diterima PPDB zonasi padahal rumah dekat sekolah',
    'ijazah anak saya ditahan sekolah karena tunggakan',
    'gedung sekolah di {p} atapnya bocor dan hampir roboh',
    'gaji guru honorer belum dibayar empat bulan',
  ], { info: 0.25 }),
  S([['NAKER', 6], ['PERIZINAN', 0.5], ['PEMKAB', 0.5]], 7, ['Ketenagakerjaan'], [
    'perusahaan di {p} melakukan PHK sepihak tanpa pesangon',
    'gaji kami belum dibayar dua bulan oleh pabrik',
    'THR karyawan tidak dibayar perusahaan',
    'perusahaan tidak mendaftarkan karyawan ke BPJS ketenagakerjaan',
    'ada calo lowongan kerja minta uang jutaan rupiah',
  ], { info: 0.2 }),
  S([['DISHUB', 5], ['SATPOL', 1.5], ['PU', 0.5]], 6, ['Perhubungan', 'Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat'], [
    'parkir liar di depan pasar {p} bikin macet',
    'lampu lalu lintas di perempatan {p} mati',
    'truk besar lewat jalan kecil di {p} siang hari',
    'angkot ngetem sembarangan di {p}',
    'juru parkir minimarket di {p} memaksa bayar',
  ]),
  S([['SATPOL', 5], ['CAMAT', 1.5], ['PERIZINAN', 1]], 6, ['Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat'], [
    'PKL berjualan di trotoar {p} pejalan kaki terpaksa ke jalan',
    'bangunan liar di bantaran kali {p} mohon ditertibkan',
    'tempat hiburan malam di {p} buka sampai subuh dan jual miras',
    'reklame liar dipasang di pohon sepanjang jalan {p}',
  ]),
  S([['DAMKAR', 30], ['BPBD', 0.5]], 3, ['Bencana Alam', 'Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat'], [
    'ada sarang tawon besar di rumah warga {p} mohon dievakuasi',
    'mobil damkar lama datang saat kebakaran di {p}',
    'ada ular masuk rumah di {p}',
  ]),
  S([['PERIZINAN', 5], ['SATPOL', 1], ['PU', 0.7]], 4, ['Perizinan', 'Ekonomi dan Keuangan'], [
    'pengurusan izin usaha sudah dua bulan belum selesai',
    'bangunan di {p} tidak punya PBG tapi tetap dibangun',
    'sistem OSS error tidak bisa mengurus NIB',
  ], { info: 0.4 }),
  S([['PAJAK', 30], ['PEMKAB', 0.3]], 4, ['Ekonomi dan Keuangan', 'Pajak'], [
    'SPPT PBB saya belum diterima padahal mau bayar',
    'tagihan PBB naik drastis tidak masuk akal',
    'nama di SPPT PBB masih nama pemilik lama',
  ], { info: 0.4 }),
  S([['BKPSDM', 5], ['INSPEKTORAT', 1.5], ['PEMKAB', 0.6]], 4, ['Kepegawaian', 'Topik Lainnya'], [
    'pengumuman seleksi PPPK tidak transparan',
    'pegawai kantor kecamatan sering bolos saat jam kerja',
    'tunjangan guru PPPK belum cair',
  ], { info: 0.5 }),
  S([['INSPEKTORAT', 4], ['DESA', 1.5], ['CAMAT', 1.5], ['PEMKAB', 1]], 4, ['Topik Lainnya', 'Pemerintahan Desa'], [
    'ada pungli saat pengurusan surat di kantor desa {p}',
    'dana desa di {p} diduga diselewengkan kepala desa',
    'oknum pegawai minta uang pelicin untuk pelayanan',
  ]),
  S([['AIR', 30], ['BPBD', 0.5], ['PEMKAB', 0.4]], 6, ['Infrastruktur', 'Air Bersih'], [
    'air PDAM di {p} mati sudah tiga hari',
    'air PAM keruh dan bau di {p}',
    'tagihan air naik padahal air sering mati',
    'pipa air bocor di pinggir jalan {p} air terbuang percuma',
  ]),
  S([['DESA', 4], ['CAMAT', 3], ['INSPEKTORAT', 0.8], ['PEMKAB', 0.6]], 5, ['Pemerintahan Desa'], [
    'BLT dana desa di {p} tidak dibagikan ke warga yang berhak',
    'kepala desa {p} jarang masuk kantor',
    'pelayanan kantor desa {p} buruk surat pengantar dipersulit',
    'pemilihan RT di {p} tidak transparan',
  ], { since: 2022 }),
  S([['CAMAT', 6], ['SATPOL', 0.8], ['PEMKAB', 0.6]], 6, ['Pemerintahan Desa', 'Topik Lainnya', 'Ketentraman, Ketertiban Umum, dan Perlindungan Masyarakat'], [
    'pembuatan SKTM di kecamatan dipersulit',
    'hajatan tutup jalan di {p} sampai malam',
    'pelayanan surat keterangan di kantor camat lambat',
    'warga {p} resah ada keributan tiap malam',
  ]),
  S([['UMKM', 5], ['DAGANG', 2], ['PEMKAB', 0.5]], 3, ['Ekonomi dan Keuangan', 'Koperasi dan UKM'], [
    'bantuan modal UMKM tidak jelas kapan cairnya',
    'koperasi simpan pinjam di {p} menahan uang anggota',
    'pendaftaran bantuan usaha mikro tidak ada kabar',
  ], { since: 2023, info: 0.4 }),
  S([['DAGANG', 5], ['SATPOL', 0.6], ['UMKM', 1]], 4, ['Ekonomi dan Keuangan', 'Perdagangan'], [
    'harga minyak goreng di pasar {p} mahal dan langka',
    'gas elpiji tiga kilo langka di {p}',
    'kondisi pasar tradisional {p} becek dan kumuh',
  ]),
  S([['TANI', 5], ['DAGANG', 0.6], ['PEMKAB', 0.4]], 3, ['Pertanian dan Peternakan'], [
    'pupuk subsidi langka di {p} petani kesulitan',
    'sawah di {p} diserang hama wereng',
    'saluran irigasi sawah di {p} kering',
  ]),
  S([['WISATA', 4], ['PEMKAB', 0.5], ['DLH', 0.5]], 2, ['Pariwisata', 'Pendidikan dan Kebudayaan'], [
    'tempat wisata di {p} kotor dan tidak terawat',
    'retribusi masuk objek wisata tidak ada karcis resmi',
  ]),
  S([['KOMINFO', 5], ['PEMKAB', 0.7]], 3, ['Komunikasi dan Informatika', 'Topik Lainnya'], [
    'website pemerintah daerah tidak bisa diakses',
    'wifi gratis di taman {p} tidak berfungsi',
    'aplikasi layanan online pemda sering error',
  ], { info: 0.4 }),
  // Requests for information: what they ask about tells little of who answers.
  S([['KOMINFO', 3], ['DUKCAPIL', 1], ['DINSOS', 1], ['DISDIK', 1], ['BKPSDM', 1], ['SETDA', 1], ['PEMKAB', 1]], 6, ['Topik Lainnya'], [
    'mohon informasi jadwal dan syarat pendaftaran',
    'saya ingin meminta salinan dokumen anggaran desa {p}',
    'mohon info kapan pencairan bantuan tahun ini',
    'bagaimana cara mendapatkan informasi data penerima bantuan',
    'minta informasi rincian penggunaan anggaran pembangunan di {p}',
    'mohon penjelasan prosedur pengaduan dan tindak lanjutnya',
  ], { info: 1, since: 2022 }),
  // What lands on the regency as a whole: vague, political, or about many units at once.
  S([['PEMKAB', 4], ['SETDA', 2], ['INSPEKTORAT', 0.5]], 5, ['Topik Lainnya'], [
    'mohon perhatian bapak bupati untuk warga kecil seperti kami',
    'pemerintah daerah tidak peduli dengan keluhan warga {p}',
    'janji kampanye pembangunan di {p} tidak ditepati',
    'kinerja pejabat kabupaten sangat mengecewakan',
  ]),
];

const OPENINGS = [
  'Assalamualaikum', 'Selamat siang pak', 'Yth bapak/ibu', 'Permisi min', 'Mohon maaf mengganggu', 'Kepada yth dinas terkait',
  'Saya mau lapor', 'Tolong pak', '', '', '', 'Lapor',
];
const STORIES = [
  'saya warga RT 0{n} RW 0{m}',
  'sudah lapor ke RT dan RW tapi tidak ada tanggapan',
  'ini sudah kesekian kalinya saya melapor',
  'warga sudah resah dan kecewa',
  'kejadian ini sudah berlangsung lama',
  'kami sudah swadaya tapi tidak cukup',
  'tolong jangan hanya janji saja',
  'saya sudah datang ke kantor tapi disuruh bolak balik',
  'anak anak dan orang tua jadi korban',
  'mohon segera ditindaklanjuti sebelum ada korban',
  'foto sudah saya lampirkan',
  'kalau tidak ditanggapi saya akan viralkan',
  'terima kasih atas perhatiannya',
  'mohon dicek langsung ke lokasi',
  'nama saya {name}',
  'bisa hubungi saya di 08{phone}',
  'NIK saya 3299{nik}',
];
const SHORT_TEXTS = ['tolong dicek pak', 'mohon ditindaklanjuti', 'sudah lama tidak ada respon', 'tolong diperbaiki', 'mohon bantuannya'];
const NAMES = ['Ahmad', 'Siti Aminah', 'Dede', 'Ujang', 'Euis', 'Asep Saepudin', 'Nurhayati', 'Rudi', 'Yayan', 'Iis', 'Budi Santoso'];
const SMS: Readonly<Record<string, readonly string[]>> = {
  yang: ['yg'], tidak: ['gk', 'tdk', 'ga', 'gak', 'nggak'], sudah: ['udh', 'sdh', 'udah'], dengan: ['dgn'], jalan: ['jln', 'jl'],
  tolong: ['tlg'], untuk: ['utk'], karena: ['krn', 'karna'], bagaimana: ['gmn', 'gimana'], sampai: ['sampe'], belum: ['blm'],
  banyak: ['byk'], sekali: ['bgt', 'banget'], kecamatan: ['kec'], desa: ['ds'], warga: ['wrg'], rumah: ['rmh'], bapak: ['bpk', 'pak'],
  mohon: ['mhn'], saya: ['sy', 'aku'], kalau: ['klo', 'kalo'], lagi: ['lg'], juga: ['jg'],
};
const CHANNELS = ['Website', 'Android', 'iOS', 'SMS 1708', 'Twitter', 'WhatsApp'];
const STATUSES = ['Ditutup oleh Sistem', 'Ditutup oleh Admin', 'Ditutup oleh Pelapor', 'Diarsipkan oleh Admin'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface HardExportOptions {
  regency: RegencyReference;
  roles: Readonly<Record<UnitRole, string>>;
  rows: number;
  seed: number;
  fromYear?: number;
  toYear?: number;
  /** Reports with an empty "Instansi Terdisposisi" (not yet dispositioned). */
  unlabelledShare?: number;
}

export interface HardExport {
  /** Every cell as text, metadata block, header on row 11, then the reports, oldest first. */
  sheet: string[][];
  /** The unit each labelled row went to (by tracking id): its registry code, or "label:NAME" for units the registry lacks. */
  truth: Map<string, string>;
}

function regencyShortName(regency: RegencyReference): string {
  return regency.name.replace(/^Kabupaten\s+/i, '');
}

/** A unit's label as the export writes it: mostly its name with the regency suffix, sometimes varied. */
function labelOf(unit: UnitReference, regency: RegencyReference, random: () => number): string {
  const short = regencyShortName(regency);
  if (unit.kind === 'pemerintah') return random() < 0.8 ? `Pemerintah Kabupaten ${short}` : `PEMERINTAH KABUPATEN ${short.toUpperCase()}`;
  if (unit.kind === 'kecamatan') return random() < 0.9 ? unit.name : `${unit.name} Kabupaten ${short}`;
  const roll = random();
  if (roll < 0.6) return `${unit.name} Kabupaten ${short}`;
  if (roll < 0.85) return `${unit.name} Kab. ${short}`;
  if (roll < 0.93) return `${unit.name} Kabupaten ${short}`.toUpperCase();
  return unit.name;
}

export function generateHardExport(options: HardExportOptions): HardExport {
  const { regency, roles, rows: count, seed } = options;
  const fromYear = options.fromYear ?? 2021;
  const toYear = options.toYear ?? 2024;
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const weighted = <T>(items: ReadonlyArray<readonly [T, number]>): T => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [item, w] of items) if ((r -= w) <= 0) return item;
    return items[items.length - 1][0];
  };
  const unitOf = new Map(regency.units.map((u) => [u.code, u]));
  const outside = (code: string, name: string, kind: UnitReference['kind']): UnitReference => ({ code, name, abbr: '', kind, asda: 'I', topics: [] });
  for (const code of Object.values(roles)) {
    if (code.startsWith('label:')) unitOf.set(code, outside(code, code.slice('label:'.length), 'dinas'));
  }
  // Exports name the regency as a whole and its Sekretariat Daerah even where the registry lists neither.
  const short = regencyShortName(regency);
  const generic = (kind: 'pemerintah' | 'sekretariat') =>
    regency.units.find((u) => u.kind === kind) ??
    (kind === 'pemerintah' ? outside('label:pemkab', `Pemerintah Kabupaten ${short}`, 'pemerintah') : outside('label:setda', 'Sekretariat Daerah', 'sekretariat'));
  const camatUnits = regency.units.filter((u) => u.kind === 'kecamatan');
  const villagesOf = (kecamatan: string) => [...regency.desa, ...regency.kelurahan].filter((d) => d.kecamatan === kecamatan);

  // Volume grows over the years; scenarios' popularity drifts a little each year.
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const yearWeights = years.map((_, i) => 1 + i * 0.5);
  const yearTotal = yearWeights.reduce((a, b) => a + b, 0);
  const reports: Array<{ at: number; scenario: Scenario; year: number }> = [];
  for (let i = 0; i < count; i++) {
    const year = weighted(years.map((y, k) => [y, yearWeights[k] / yearTotal] as const));
    const available = SCENARIOS.filter((s) => (s.since ?? 0) <= year);
    const scenario = weighted(available.map((s, k) => [s, s.weight * (1 + 0.3 * Math.sin(year * 1.7 + k))] as const));
    const at = Date.UTC(year, 0, 1) + Math.floor(random() * 365 * 86_400_000) - 7 * 3_600_000;
    reports.push({ at, scenario, year });
  }
  reports.sort((a, b) => a.at - b.at);

  const header = LAPORAN_RINGKAS_COLUMNS.map((c) => c.header);
  const truth = new Map<string, string>();
  const dataRows: string[][] = [];
  reports.forEach(({ at, scenario, year }, index) => {
    const kecamatan = pick(regency.kecamatan);
    const villages = villagesOf(kecamatan.code);
    const village = villages.length > 0 && random() < 0.7 ? pick(villages) : null;
    const placeRoll = random();
    const place =
      placeRoll < 0.3
        ? `${village ? `desa ${village.name} ` : ''}kecamatan ${kecamatan.name}`
        : placeRoll < 0.55 && village
          ? `${random() < 0.5 ? 'desa ' : ''}${village.name}`
          : placeRoll < 0.7
            ? kecamatan.name
            : placeRoll < 0.8
              ? `kampung ${pick(['Babakan', 'Cilimus', 'Pasir Kaler', 'Leuwi', 'Tegal'])}`
              : 'daerah kami';
    const isInfo = random() < (scenario.info ?? 0.05) + (year >= 2024 ? 0.1 : 0);
    // Who handled it: usually the scenario's main unit; in 2024 the PPID answers many requests for information.
    let role = weighted(scenario.handlers);
    if (isInfo && year >= 2024 && random() < 0.35) role = 'KOMINFO';
    // A few reports of any topic still land on the regency as a whole (most generic labels come
    // from the vague scenarios above, which list PEMKAB and SETDA among their handlers).
    if (random() < 0.01) role = random() < 0.6 ? 'PEMKAB' : 'SETDA';
    let unit: UnitReference | null;
    if (role === 'CAMAT') unit = camatUnits.find((u) => u.kecamatan === kecamatan.code) ?? null;
    else if (role === 'PEMKAB') unit = generic('pemerintah');
    else if (role === 'SETDA') unit = generic('sekretariat');
    else unit = unitOf.get(roles[role]) ?? null;
    if (role === 'DESA' && roles.DESA === 'CAMAT') unit = camatUnits.find((u) => u.kecamatan === kecamatan.code) ?? null;
    const problem = pick(scenario.problems).replace('{p}', place);
    const text = noisy(composeText(problem, isInfo, random, pick), random, pick);
    const title = random() < 0.35 ? pick(['Keluhan warga', 'Mohon ditindaklanjuti', 'Laporan', 'Pengaduan', 'Minta tolong', 'Info']) : capitalise(problem.split(' ').slice(0, 4 + Math.floor(random() * 4)).join(' '));
    const categoryMissing = random() < (isInfo ? 0.8 : 0.3);
    const category = categoryMissing ? '' : random() < 0.12 ? 'Topik Lainnya' : pick(scenario.categories);
    const classification = isInfo ? 'Permintaan Informasi' : weighted([['Pengaduan Tidak Berkadar Pengawasan', 5], ['Pengaduan Berkadar Pengawasan', 2], ['Aspirasi', 1.5], ['', 0.3]] as const);
    const labelled = unit !== null && random() >= (options.unlabelledShare ?? 0.04);
    const trackingId = String(5_000_001 + index);
    if (labelled) truth.set(trackingId, unit!.code);
    const wall = new Date(at + 7 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    dataRows.push([
      trackingId,
      `${wall.getUTCDate()} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()}`,
      `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`,
      classification,
      category ? String(100 + scenario.categories.indexOf(category)) : '',
      category,
      title,
      text,
      labelled ? 'Laporan telah ditindaklanjuti oleh instansi terkait.' : '',
      pick(['', '', '', 'Anonim', 'Rahasia', 'Anonim|Rahasia']),
      pick(CHANNELS),
      `Pemerintah ${regency.name}`,
      labelled ? labelOf(unit!, regency, random) : '',
      labelled ? pick(STATUSES) : 'Belum Terverifikasi',
      '',
      'Jawa Barat',
      regencyShortName(regency),
    ]);
  });
  const width = header.length;
  const meta = (label: string, value: string) => [label, '', value, ...Array<string>(width - 3).fill('')];
  const blank = () => Array<string>(width).fill('');
  return {
    sheet: [
      meta('Judul Laporan', 'Laporan Ringkas'),
      blank(),
      meta('Nama Instansi', `Pemerintah ${regency.name}`),
      blank(),
      meta('Tanggal Generate', `${toYear + 1}-01-05`),
      blank(),
      meta('Periode Masuk', `(${fromYear}-01-01) - (${toYear}-12-31)`),
      blank(),
      meta('Pengelola', 'Admin Instansi'),
      blank(),
      header,
      ...dataRows,
    ],
    truth,
  };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function composeText(problem: string, isInfo: boolean, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  if (random() < 0.08) return `${problem.split(' ').slice(0, 3).join(' ')} ${pick(SHORT_TEXTS)}`;
  const parts: string[] = [];
  const opening = pick(OPENINGS);
  if (opening) parts.push(opening);
  if (isInfo && !/informasi|info|penjelasan/.test(problem)) parts.push(pick(['mohon informasi', 'saya mau tanya', 'minta penjelasan']));
  const storyCount = Math.floor(random() * 4);
  const stories = Array.from({ length: storyCount }, () =>
    pick(STORIES)
      .replace('{n}', String(1 + Math.floor(random() * 9)))
      .replace('{m}', String(1 + Math.floor(random() * 9)))
      .replace('{name}', pick(NAMES))
      .replace('{phone}', String(1_000_000_000 + Math.floor(random() * 8_999_999_999)))
      .replace('{nik}', String(100_000_000_000 + Math.floor(random() * 899_999_999_999))),
  );
  if (random() < 0.5) parts.push(problem, ...stories);
  else parts.push(...stories.slice(0, 1), problem, ...stories.slice(1));
  return parts.join(random() < 0.5 ? '. ' : ', ');
}

function noisy(text: string, random: () => number, pick: <T>(items: readonly T[]) => T): string {
  const words = text.split(' ').map((word) => {
    const lower = word.toLowerCase();
    const sms = SMS[lower];
    if (sms && random() < 0.45) return pick(sms);
    if (word.length >= 5 && random() < 0.05) {
      const i = 1 + Math.floor(random() * (word.length - 2));
      const roll = random();
      if (roll < 0.4) return word.slice(0, i) + word.slice(i + 1);
      if (roll < 0.7) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      return word.slice(0, i) + word[i] + word.slice(i);
    }
    return word;
  });
  const joined = words.join(' ');
  const style = random();
  if (style < 0.08) return joined.toUpperCase() + '!!!';
  if (style < 0.5) return joined.toLowerCase();
  return capitalise(joined) + (random() < 0.5 ? '.' : ' 🙏');
}
