// Varied complaint texts for load: problems a regency hears about, in places of Kabupaten Bekasi
// (every desa/kelurahan of the reference data), with details that change from one to the next, so
// routing, masking and the duplicate check work on text that is not five strings repeated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, 'libs/shared/reference-data/src/data', file), 'utf8'));
const kecamatanNames = new Map<string, string>(read('bekasi-kecamatan.json').map((k: { code: string; name: string }) => [k.code, k.name]));
const places: Array<{ name: string; kecamatan: string }> = [...read('bekasi-desa.json'), ...read('bekasi-kelurahan.json')].map((p: { name: string; kecamatan: string }) => ({
  name: p.name,
  kecamatan: kecamatanNames.get(p.kecamatan) ?? p.kecamatan,
}));

const PROBLEMS = [
  ['Jalan rusak berlubang', 'membahayakan pengendara motor terutama malam hari', 'Jalan'],
  ['Sampah menumpuk dan tidak diangkut', 'baunya menyengat dan mengundang lalat', 'Lingkungan'],
  ['Lampu penerangan jalan umum mati', 'gelap dan rawan kejahatan', 'Penerangan'],
  ['Saluran air tersumbat', 'setiap hujan air meluap ke rumah warga', 'Drainase'],
  ['Air PDAM tidak mengalir', 'warga kesulitan air bersih untuk memasak', 'Air bersih'],
  ['Pengurusan KTP elektronik belum selesai', 'sudah berkali-kali datang ke kantor kecamatan', 'Kependudukan'],
  ['Pungutan liar saat mengurus surat pindah', 'petugas meminta uang tanpa kuitansi', 'Pelayanan publik'],
  ['Bantuan sosial tidak tepat sasaran', 'keluarga mampu menerima sementara warga miskin tidak', 'Sosial'],
  ['Puskesmas kekurangan obat', 'pasien diminta membeli sendiri di apotek', 'Kesehatan'],
  ['Banjir setinggi lutut', 'tanggul di pinggir kali jebol', 'Banjir'],
  ['Pohon tumbang menutup jalan', 'kendaraan tidak bisa lewat', 'Pertamanan'],
  ['Sekolah meminta sumbangan wajib', 'orang tua murid merasa keberatan', 'Pendidikan'],
  ['Pabrik membuang limbah ke sungai', 'air sungai berwarna hitam dan ikan mati', 'Lingkungan hidup'],
  ['Parkir liar di bahu jalan', 'menyebabkan kemacetan setiap pagi', 'Perhubungan'],
  ['Pedagang kaki lima menutup trotoar', 'pejalan kaki terpaksa berjalan di jalan raya', 'Ketertiban'],
  ['Jembatan penyeberangan rusak', 'besi pegangan sudah lepas', 'Jalan'],
] as const;
const DETAILS = ['sejak dua minggu', 'sudah sebulan', 'sejak kemarin', 'sudah tiga hari', 'berulang kali', 'sejak awal bulan'];
const LANDMARKS = ['depan SDN 02', 'dekat masjid', 'di gang RT 03/RW 05', 'samping pasar', 'dekat kantor desa', 'di perumahan', 'depan minimarket'];

export interface ComplaintText {
  title: string;
  text: string;
  category: string;
}

/** The i-th text of a deterministic, varied sequence (place, problem, detail and a serial all vary). */
export function complaintText(i: number, marker: string): ComplaintText {
  const place = places[(i * 7919) % places.length];
  const [problem, effect, category] = PROBLEMS[(i * 31) % PROBLEMS.length];
  const detail = DETAILS[(i * 13) % DETAILS.length];
  const landmark = LANDMARKS[(i * 17) % LANDMARKS.length];
  return {
    title: `${problem} di ${place.name}`,
    text: `${problem} ${landmark} ${place.name}, Kecamatan ${place.kecamatan}, ${detail}; ${effect}. Mohon segera ditindaklanjuti. (${marker}-${i})`,
    category,
  };
}
