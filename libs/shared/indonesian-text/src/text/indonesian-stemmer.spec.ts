import { stemIndonesian } from './indonesian-stemmer';

describe('stemIndonesian', () => {
  it.each([
    ['diperbaiki', 'baik'],
    ['perbaikan', 'baik'],
    ['memperbaiki', 'baik'],
    ['dipukuli', 'pukul'],
    ['berlubang', 'lubang'],
    ['diangkut', 'angkut'],
    ['pengangkutan', 'angkut'],
    ['kebakaran', 'bakar'],
    ['terbakar', 'bakar'],
    ['membakar', 'bakar'],
    ['penertiban', 'tertib'],
    ['menertibkan', 'tertib'],
    ['ditertibkan', 'tertib'],
    ['ketertiban', 'tertib'],
    ['pelayanan', 'layan'],
    ['layanan', 'layan'],
    ['perumahan', 'rumah'],
    ['penerangan', 'terang'],
    ['tagihannya', 'tagih'],
    ['lubangnya', 'lubang'],
    ['kekeringan', 'kering'],
    ['tersumbat', 'sumbat'],
    ['pedagang', 'dagang'],
    ['diawasi', 'awas'],
    ['pengawasan', 'awas'],
  ])('stems %s to %s', (word, stem) => {
    expect(stemIndonesian(word)).toBe(stem);
  });

  it.each(['jalan', 'bulan', 'sampah', 'sekolah', 'bukan', 'bersih', 'dinas', 'kedungwaringin', 'mekarsari', 'bertanya'])(
    'leaves the root or name %s alone',
    (word) => {
      expect(stemIndonesian(word)).toBe(word);
    },
  );

  it('does not read unit abbreviations as prefixed words', () => {
    for (const abbr of ['dinkes', 'dinsos', 'disdik', 'dishub', 'disnaker', 'disdukcapil']) expect(stemIndonesian(abbr)).toBe(abbr);
  });

  it('does not strip -i from loan nouns in -si', () => {
    expect(stemIndonesian('dinormalisasi')).toBe('normalisasi');
    expect(stemIndonesian('normalisasi')).toBe('normalisasi');
  });

  it('does not touch words with digits or short words', () => {
    expect(stemIndonesian('pbb-p2')).toBe('pbb-p2');
    expect(stemIndonesian('diri')).toBe('diri');
  });
});
