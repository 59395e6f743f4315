// Citizens write complaints in informal Indonesian ("ga keliatan", "jln rusak", "udah lama bgt").
// Comparing two complaints word by word only works once both are brought to the same spelling.

/** Informal and abbreviated spellings mapped to the standard word. Extend as new ones turn up. */
export const INFORMAL_SPELLINGS: Readonly<Record<string, string>> = {
  ga: 'tidak', gak: 'tidak', ngga: 'tidak', nggak: 'tidak', enggak: 'tidak', engga: 'tidak',
  tdk: 'tidak', tak: 'tidak', kagak: 'tidak',
  jln: 'jalan', jl: 'jalan', jalanan: 'jalan',
  udah: 'sudah', udh: 'sudah', sdh: 'sudah', dah: 'sudah',
  blm: 'belum', blom: 'belum',
  bgt: 'banget', bngt: 'banget',
  yg: 'yang', dgn: 'dengan', utk: 'untuk', untk: 'untuk', krn: 'karena', karna: 'karena',
  tp: 'tapi', tpi: 'tapi', kalo: 'kalau', klo: 'kalau', aja: 'saja', sj: 'saja',
  gmn: 'bagaimana', gimana: 'bagaimana', knp: 'kenapa', dr: 'dari', dlm: 'dalam',
  sm: 'sama', jg: 'juga', lg: 'lagi', bs: 'bisa', org: 'orang', tlg: 'tolong', mhn: 'mohon',
  gede: 'besar', gedhe: 'besar', keliatan: 'kelihatan', ketutup: 'tertutup', kebanjiran: 'banjir',
  bikin: 'buat', ngalir: 'mengalir',
  kec: 'kecamatan', kel: 'kelurahan', ds: 'desa', kab: 'kabupaten',
};

/**
 * Words too common in complaints to tell two of them apart: function words, courtesy ("mohon",
 * "tolong", "pak") and the regency's own name.
 */
export const COMPLAINT_STOPWORDS: ReadonlySet<string> = new Set([
  'yang', 'di', 'ke', 'dari', 'dan', 'atau', 'itu', 'ini', 'ada', 'sudah', 'dengan', 'untuk', 'pada',
  'karena', 'juga', 'sama', 'saja', 'lagi', 'akan', 'bisa', 'dalam', 'oleh', 'sebagai', 'agar', 'supaya',
  'kalau', 'tapi', 'namun', 'sehingga', 'jadi', 'sejak', 'sampai', 'hingga', 'masih', 'sangat', 'banget',
  'saya', 'kami', 'kita', 'kamu', 'anda', 'kalian', 'mereka', 'dia', 'beliau', 'nya',
  'mohon', 'tolong', 'terima', 'kasih', 'pak', 'bu', 'bapak', 'ibu', 'min', 'admin', 'dong', 'ya', 'sih',
  'pelapor', 'warga', 'kabupaten', 'bekasi', 'segera', 'secepatnya', 'the',
]);

/**
 * "lubangnya" and "lubang" are the same word for comparison. Only the enclitics are cut: cutting
 * derivational affixes ("di-", "-kan") without a dictionary would turn "dinas" into "nas".
 */
function withoutEnclitic(word: string): string {
  const stripped = word.replace(/(?:nya|lah|kah)$/, '');
  return stripped.length >= 4 ? stripped : word;
}

/** Lower case, diacritics and punctuation removed, informal spellings standardised. */
export function normaliseIndonesianWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => {
      const standard = INFORMAL_SPELLINGS[word] ?? word;
      return INFORMAL_SPELLINGS[withoutEnclitic(standard)] ?? withoutEnclitic(standard);
    });
}

/** The words that say what a complaint is about: normalised, stopwords and one-letter words dropped. */
export function contentWords(text: string): string[] {
  return normaliseIndonesianWords(text).filter((word) => word.length > 1 && !COMPLAINT_STOPWORDS.has(word));
}
