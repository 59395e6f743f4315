// Word lists for reading complaint texts written the way citizens type on a phone: SMS spelling,
// Jakarta/Sundanese colloquialisms and government abbreviations. They are a matching aid for the
// router, kept short on purpose; extend them when the routing evaluation shows a miss.

/**
 * Informal spellings and abbreviations → the standard word(s). Keys are single lower-case tokens
 * (punctuation is already gone, so "kec." arrives as "kec" and "RT/RW" as "rt rw").
 */
export const COMPLAINT_SLANG: Readonly<Record<string, string>> = {
  jl: 'jalan',
  jln: 'jalan',
  jaln: 'jalan',
  kec: 'kecamatan',
  kecamatn: 'kecamatan',
  ds: 'desa',
  kel: 'kelurahan',
  kab: 'kabupaten',
  kabupatn: 'kabupaten',
  tdk: 'tidak',
  tak: 'tidak',
  gak: 'tidak',
  ga: 'tidak',
  gk: 'tidak',
  nggak: 'tidak',
  ngga: 'tidak',
  enggak: 'tidak',
  engga: 'tidak',
  kagak: 'tidak',
  sdh: 'sudah',
  udh: 'sudah',
  udah: 'sudah',
  dah: 'sudah',
  blm: 'belum',
  blom: 'belum',
  blum: 'belum',
  yg: 'yang',
  dgn: 'dengan',
  dg: 'dengan',
  krn: 'karena',
  karna: 'karena',
  utk: 'untuk',
  untk: 'untuk',
  tp: 'tapi',
  dlm: 'dalam',
  jg: 'juga',
  lg: 'lagi',
  bs: 'bisa',
  sy: 'saya',
  aku: 'saya',
  gw: 'saya',
  gue: 'saya',
  bgt: 'banget',
  bngt: 'banget',
  sampe: 'sampai',
  kalo: 'kalau',
  klo: 'kalau',
  gmn: 'bagaimana',
  gimana: 'bagaimana',
  knp: 'kenapa',
  org: 'orang',
  thn: 'tahun',
  bln: 'bulan',
  hr: 'hari',
  skrg: 'sekarang',
  skrng: 'sekarang',
  trs: 'terus',
  pdhl: 'padahal',
  spt: 'seperti',
  ttg: 'tentang',
  tsb: 'tersebut',
  dpt: 'dapat',
  msh: 'masih',
  lbh: 'lebih',
  byk: 'banyak',
  wrg: 'warga',
  rmh: 'rumah',
  sklh: 'sekolah',
  mhn: 'mohon',
  tlg: 'tolong',
  tolongin: 'tolong',
  bpk: 'bapak',
  ngalir: 'mengalir',
  menyala: 'nyala',
  kades: 'kepala desa',
  pemdes: 'pemerintah desa',
  puskes: 'puskesmas',
  rs: 'rumah sakit',
  pju: 'penerangan jalan umum',
  ektp: 'ktp',
  jalanan: 'jalan',
  sj: 'saja',
  dr: 'dari',
  sm: 'sama',
  gede: 'besar',
  gedhe: 'besar',
  keliatan: 'kelihatan',
  ketutup: 'tertutup',
  kebanjiran: 'banjir',
  bikin: 'buat',
  aja: 'saja',
  tpi: 'tapi',
};

/**
 * Rewrites of whole words applied before the single-token slang table, for variants that span a
 * hyphen or a space once punctuation is gone ("e-KTP", "KTP-el"). Each is one pass over the words,
 * left to right, in this order; what a pass writes is not read again by that pass.
 */
export const COMPLAINT_PHRASE_REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['e ktp', 'ktp'],
  ['ektp', 'ktp'],
  ['ktp el', 'ktp'],
  ['ktpel', 'ktp'],
];

/**
 * Function words and the politeness that every complaint carries ("mohon", "tolong", "pak").
 * "tidak" and "belum" stay: "sampah tidak diangkut" and "gaji belum dibayar" are the complaint.
 */
export const INDONESIAN_STOPWORDS: ReadonlySet<string> = new Set([
  'yang', 'di', 'ke', 'dari', 'dan', 'atau', 'ini', 'itu', 'untuk', 'dengan', 'pada', 'adalah',
  'mohon', 'tolong', 'kami', 'saya', 'kita', 'kalian', 'anda', 'dia', 'ia', 'mereka', 'beliau',
  'pak', 'bu', 'bapak', 'ibu', 'sdr', 'saudara', 'ada', 'akan', 'juga', 'sudah', 'telah', 'sedang',
  'masih', 'lagi', 'sangat', 'banget', 'sekali', 'bisa', 'dapat', 'karena', 'agar', 'supaya',
  'tetapi', 'tapi', 'namun', 'oleh', 'sebagai', 'dalam', 'tersebut', 'secara', 'sejak', 'sampai',
  'hingga', 'para', 'pun', 'lah', 'kah', 'dong', 'deh', 'sih', 'nih', 'ya', 'yah', 'kok', 'aja',
  'saja', 'terima', 'kasih', 'selamat', 'apa', 'apakah', 'bagaimana', 'kenapa', 'mengapa', 'kapan',
  'mana', 'dimana', 'seperti', 'jadi', 'kalau', 'jika', 'maka', 'harus', 'tiap', 'setiap', 'semua',
  'sama', 'lebih', 'tentang', 'bahwa', 'nya', 'se', 'per', 'rp', 'hal', 'sekarang', 'kemarin',
  'tadi', 'sering', 'hampir', 'sekitar', 'atas', 'bawah', 'antara', 'terhadap', 'kepada', 'bagi',
  'serta', 'yaitu', 'yakni', 'pula', 'lalu', 'kemudian', 'hanya', 'cuma', 'mau', 'ingin', 'padahal',
  'terus', 'banyak', 'the', 'an', 'mengenai', 'sehingga', 'dimohon', 'memohon', 'meminta',
]);

/**
 * Words the stemmer must leave alone: unit abbreviations and names that merely look affixed
 * ("dinkes" is not di- + "nkes", "pebayuran" is a place).
 */
export const STEMMER_PROTECTED_WORDS: ReadonlySet<string> = new Set([
  'diskominfosantik', 'disdukcapil', 'dpmptsp', 'dinkes', 'disdik', 'dinsos', 'sdabmbk',
  'disperkimtan', 'dcktr', 'dishub', 'disnaker', 'disdamkar', 'disdag', 'bapenda', 'bappeda',
  'bkpsdm', 'disbudpora', 'kesbangpol', 'inspektorat', 'dinas', 'perumda', 'pemda', 'pemkab',
  'bekasi', 'diare', 'dingin', 'direktur', 'peraturan', 'perda', 'pebayuran', 'tambelang',
  'pelapor', 'bertanya', 'ditanya', 'pertama', 'pemerintah', 'perusahaan', 'perempuan', 'pelajar',
  'berantas',
]);
