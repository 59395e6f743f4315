// Complaints of the synthetic sample export (libs/shared/reference-data/fixtures), by tracking id,
// for domain tests that cannot read the fixture file. The export-reader specs check these
// against the file itself.
import { textSignatureOf, type ComparableComplaint } from '../duplicate-likelihood';
import { jakartaInstant, parseLaporDate, parseLaporTime } from '../laporan-ringkas/lapor-date-time';

function receivedAt(date: string, time: string): Date {
  return jakartaInstant(parseLaporDate(date)!, parseLaporTime(time)!);
}

export const SAMPLE_COMPLAINTS = {
  /** The pothole on Jalan Raya Babelan: the original. */
  '9100002': {
    title: 'Jalan berlubang di Jalan Raya Babelan',
    text: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas makin dalam, kalau hujan ketutup air jadi ga keliatan. Kemarin malam ada pengendara motor jatuh di situ. Tolong segera ditambal sebelum ada korban lagi.',
    receivedAt: receivedAt('2 Oct 2026', '07:14:22'),
  },
  /** The same pothole reported again three days later; archived as a duplicate of 9100002. */
  '9100004': {
    title: 'Lubang jalan dekat pertigaan Kedungpengawas',
    text: 'Pak, tolong jalan raya Babelan yang di pertigaan arah Kedung Pengawas itu lubangnya gede banget, udah beberapa motor jatuh. Pas hujan lubangnya ga kelihatan karena ketutup genangan.',
    receivedAt: receivedAt('5 Oct 2026', '12:31:09'),
  },
  /** Carries a fake NIK and a phone number. */
  '9100006': {
    title: 'KTP-el belum jadi sejak Juli',
    text: 'Saya rekam KTP-el di kecamatan Cikarang Barat bulan Juli, sampai sekarang belum jadi juga, tiap ditanya jawabnya blangko kosong.\nNIK saya 3216990101900001, bisa hubungi saya di 0812-0000-0101.\nSaya butuh KTP untuk melamar kerja, mohon dibantu.',
    receivedAt: receivedAt('7 Oct 2026', '10:20:35'),
  },
  /** Street lights out in a housing estate in Cibitung. */
  '9100008': {
    title: 'Lampu jalan perumahan mati, rawan maling',
    text: 'Lampu PJU di jalan utama perumahan kami di Desa Wanajaya, Cibitung, RW 12, sudah mati semua hampir dua bulan. Malam hari gelap banget dan minggu lalu ada motor warga hilang. Perumahan ini katanya sudah serah terima PSU ke pemda, jadi mohon diperbaiki.',
    receivedAt: receivedAt('9 Oct 2026', '19:37:26'),
  },
  /** Street lights out on a road in Cikarang Pusat, three days later: same topic, another place. */
  '9100009': {
    title: 'PJU mati di ruas Sukamahi – Pasirranji',
    text: 'lampu jalan sepanjang jalan dari sukamahi ke pasirranji mati sudah 3 minggu. jalannya ramai truk dan gelap total malam hari, rawan kecelakaan dan begal. mohon dinyalakan lagi',
    receivedAt: receivedAt('12 Oct 2026', '22:09:41'),
  },
} satisfies Record<string, { title: string; text: string; receivedAt: Date }>;

export function sampleComplaint(
  trackingId: keyof typeof SAMPLE_COMPLAINTS,
  overrides: Partial<ComparableComplaint> = {},
): ComparableComplaint {
  const { title, text, receivedAt } = SAMPLE_COMPLAINTS[trackingId];
  return { signature: textSignatureOf({ title, text }), receivedAt, ...overrides };
}
