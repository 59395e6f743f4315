import { contentWords, normaliseIndonesianWords } from './indonesian-text';

describe('normaliseIndonesianWords', () => {
  it('lower-cases, drops punctuation and standardises informal spellings', () => {
    expect(normaliseIndonesianWords('Jln. rusak, GA keliatan; udah lama bgt!')).toEqual([
      'jalan', 'rusak', 'tidak', 'kelihatan', 'sudah', 'lama', 'banget',
    ]);
  });

  it('reads "lubangnya" as "lubang" but leaves short words whole', () => {
    expect(normaliseIndonesianWords('lubangnya dianya nya')).toEqual(['lubang', 'dianya', 'nya']);
  });

  it('removes diacritics', () => {
    expect(normaliseIndonesianWords('Café Désa')).toEqual(['cafe', 'desa']);
  });
});

describe('contentWords', () => {
  it('keeps what a complaint is about and drops courtesy and function words', () => {
    expect(contentWords('Pak, tolong jalan yang di depan rumah saya rusak ya')).toEqual(['jalan', 'depan', 'rumah', 'rusak']);
  });
});
