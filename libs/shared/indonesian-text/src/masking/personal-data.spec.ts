import { PERSONAL_DATA_PLACEHOLDERS, detectPersonalData, maskPersonalData } from './personal-data';

// The NIK/phone complaint of the synthetic sample export (tracking id 9100006).
const SAMPLE_COMPLAINTS = {
  '9100006': {
    text: 'Saya rekam KTP-el di kecamatan Cikarang Barat bulan Juli, sampai sekarang belum jadi juga, tiap ditanya jawabnya blangko kosong.\nNIK saya 3216990101900001, bisa hubungi saya di 0812-0000-0101.\nSaya butuh KTP untuk melamar kerja, mohon dibantu.',
  },
};

const NIK = PERSONAL_DATA_PLACEHOLDERS.nik;
const PHONE = PERSONAL_DATA_PLACEHOLDERS.phone;
const EMAIL = PERSONAL_DATA_PLACEHOLDERS.email;

describe('detectPersonalData', () => {
  it('finds the NIK and the phone number of sample report 9100006, with their offsets', () => {
    const text = SAMPLE_COMPLAINTS['9100006'].text;
    const found = detectPersonalData(text);
    expect(found.map(({ kind, text: t }) => [kind, t])).toEqual([
      ['nik', '3216990101900001'],
      ['phone', '0812-0000-0101'],
    ]);
    for (const match of found) expect(text.slice(match.start, match.end)).toBe(match.text);
  });

  it.each([
    '3216990101900001',
    '3216 9901 0190 0001',
    '3216.9901.0190.0001',
    '32.16.99.010190.0001',
    '3216-9901-0190-0001',
  ])('reads %p as a NIK', (nik) => {
    expect(detectPersonalData(`NIK: ${nik}.`).map((m) => [m.kind, m.text])).toEqual([['nik', nik]]);
  });

  it.each([
    '0812-0000-0101',
    '081200000101',
    '0812 0000 0101',
    '0812.0000.0101',
    '0857-1234-56789',
    '+62 812-0000-0101',
    '+62812 0000 0101',
    '+62-812-0000-0101',
    '(+62) 812 0000 0101',
    '62812 0000 0101',
    '6281200000101',
    '+62 21 8899 1234',
    '+62 (21) 88991234',
  ])('reads %p as a phone number', (phone) => {
    expect(detectPersonalData(`hubungi ${phone} ya`).map((m) => [m.kind, m.text])).toEqual([['phone', phone]]);
  });

  it.each(['pelapor@example.com', 'budi.santoso+lapor@mail.co.id', 'Warga_99@Contoh.ID'])('reads %p as an e-mail address', (email) => {
    expect(detectPersonalData(`email ${email}, terima kasih`).map((m) => [m.kind, m.text])).toEqual([['email', email]]);
  });

  it('reports an e-mail address made of a phone number once, as e-mail', () => {
    expect(detectPersonalData('kirim ke 081200000101@mail.com').map((m) => m.kind)).toEqual(['email']);
  });

  it('tells a phone number and a NIK apart when only a space separates them', () => {
    expect(detectPersonalData('0812-0000-0101 3216990101900001').map((m) => [m.kind, m.text])).toEqual([
      ['phone', '0812-0000-0101'],
      ['nik', '3216990101900001'],
    ]);
  });

  it.each([
    ['money', 'beli air jerigen Rp5.000 per jerigen, uang gedung Rp750.000 dan Rp 1.500.000'],
    ['large money', 'anggaran Rp628.000.000.000 dan Rp 6.280.000.000.000.000'],
    ['RT/RW', 'di RT 03/RW 05, RW 12, RT 001/RW 002'],
    ['dates', 'tanggal 7 Oct 2026, 08-10-2026, 2026-10-07, 12/10/2026'],
    ['times', 'pukul 08.00 sampai 12.00, jam 10:20:35'],
    ['years and counts', 'sejak 2019, sekitar 40 karyawan, 3 minggu, kelas 1'],
    ['tracking ids', 'Laporan serupa dengan Tracking ID 9100002 dan 9100004'],
    ['short numbers', 'nomor darurat 112, SMS 1708, hotline 0800'],
    ['15 digits', 'nomor 321699010190000'],
    ['17 digits', 'nomor 32169901019000011'],
  ])('leaves %s alone', (_label, text) => {
    expect(detectPersonalData(text)).toEqual([]);
  });
});

describe('maskPersonalData', () => {
  it('masks sample report 9100006 readably and keeps the rest of the text', () => {
    expect(maskPersonalData(SAMPLE_COMPLAINTS['9100006'].text)).toBe(
      'Saya rekam KTP-el di kecamatan Cikarang Barat bulan Juli, sampai sekarang belum jadi juga, tiap ditanya jawabnya blangko kosong.\n' +
        `NIK saya ${NIK}, bisa hubungi saya di ${PHONE}.\n` +
        'Saya butuh KTP untuk melamar kerja, mohon dibantu.',
    );
  });

  it('masks every kind in one text', () => {
    expect(maskPersonalData('NIK 3216 9901 0190 0001, HP +62 812-0000-0101, surel pelapor@example.com.')).toBe(
      `NIK ${NIK}, HP ${PHONE}, surel ${EMAIL}.`,
    );
  });

  it('is idempotent: a masked text has nothing left to mask', () => {
    const once = maskPersonalData(SAMPLE_COMPLAINTS['9100006'].text);
    expect(maskPersonalData(once)).toBe(once);
    expect(detectPersonalData(once)).toEqual([]);
  });

  it('returns a text without personal data unchanged', () => {
    const text = 'Lampu PJU di RW 12 mati, warga beli air Rp5.000. Tracking ID 9100002.';
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('names', () => {
  it('masks a name the reporter introduces ("nama saya …", "atas nama …")', () => {
    expect(maskPersonalData('Nama saya Budi Santoso, warga RT 03.')).toBe(`Nama saya ${PERSONAL_DATA_PLACEHOLDERS.name}, warga RT 03.`);
    expect(maskPersonalData('KK atas nama Siti Aminah belum terbit')).toBe(`KK atas nama ${PERSONAL_DATA_PLACEHOLDERS.name} belum terbit`);
    expect(detectPersonalData('saya bernama Dede').map((m) => m.kind)).toEqual(['name']);
  });

  it('leaves sentences that only look like an introduction alone', () => {
    expect(maskPersonalData('nama saya tidak terdaftar di DTKS')).toBe('nama saya tidak terdaftar di DTKS');
  });
});
