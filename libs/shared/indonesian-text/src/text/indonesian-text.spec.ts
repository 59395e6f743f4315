import {
  characterNgrams,
  contentWords,
  normaliseIndonesianText,
  tokenise,
  wordBigrams,
  wordTerms,
} from './indonesian-text';

describe('normaliseIndonesianText', () => {
  it('lower-cases and strips punctuation, emoji and diacritics', () => {
    expect(normaliseIndonesianText('Tolong!!! Segera 🙏🙏 Diperbaiki… Café')).toBe('tolong segera diperbaiki cafe');
  });

  it.each([
    ['jln rusak', 'jalan rusak'],
    ['Jl. Raya Babelan', 'jalan raya babelan'],
    ['kec. Babelan', 'kecamatan babelan'],
    ['ds Cijengkol', 'desa cijengkol'],
    ['kel. Kebalen', 'kelurahan kebalen'],
    ['tdk diangkut', 'tidak diangkut'],
    ['ga ada', 'tidak ada'],
    ['gak jelas', 'tidak jelas'],
    ['nggak nyala', 'tidak nyala'],
    ['enggak', 'tidak'],
    ['sdh lama', 'sudah lama'],
    ['udh', 'sudah'],
    ['udah', 'sudah'],
    ['blm jadi', 'belum jadi'],
    ['yg rusak', 'yang rusak'],
    ['dgn cepat', 'dengan cepat'],
    ['krn hujan', 'karena hujan'],
    ['utk warga', 'untuk warga'],
    ['PJU mati', 'penerangan jalan umum mati'],
  ])('expands "%s" to "%s"', (raw, expected) => {
    expect(normaliseIndonesianText(raw)).toBe(expected);
  });

  it('keeps the abbreviations units are known by', () => {
    expect(normaliseIndonesianText('PDAM, BPJS, KTP, KK')).toBe('pdam bpjs ktp kk');
  });

  it('splits RT/RW into two words', () => {
    expect(normaliseIndonesianText('pengantar RT/RW 05')).toBe('pengantar rt rw 05');
  });

  it('reads every spelling of the electronic ID card as "ktp"', () => {
    expect(normaliseIndonesianText('e-KTP, eKTP, KTP-el, e KTP')).toBe('ktp ktp ktp ktp');
  });

  it('collapses reduplication and keeps numbers whole', () => {
    expect(normaliseIndonesianText('anak-anak bayar Rp5.000')).toBe('anak bayar rp5000');
  });

  it('reads a word that names a property of every JavaScript object as a word', () => {
    // The slang table is looked up by word: "constructor" once came back as Object's source text.
    expect(normaliseIndonesianText('constructor rusak')).toBe('constructor rusak');
  });

  it('joins only digit groups of three and collapses only whole repeated words', () => {
    expect(normaliseIndonesianText('1.000.000 dan 1.0000 dan 2,5')).toBe('1000000 dan 1 0000 dan 2 5');
    expect(normaliseIndonesianText('kupu-kupu anak-anakan x2anak-anak anak-anak-anak')).toBe('kupu anak anakan x2anak anak anak anak');
  });

  it('gives the same words however often a text is read (recent texts are remembered)', () => {
    const text = 'Jln rusak, e-KTP blm jadi';
    const first = contentWords(text);
    first.push('changed by the caller');
    expect(contentWords(text)).toEqual(['jalan', 'rusak', 'ktp', 'belum']);
    expect(normaliseIndonesianText(text)).toBe('jalan rusak ktp belum jadi');
  });

  it('returns an empty string for text without words', () => {
    expect(normaliseIndonesianText(' 🙏 ... !!! ')).toBe('');
  });
});

describe('tokenise', () => {
  it('drops stopwords and politeness, keeps negation', () => {
    expect(tokenise('Mohon pak, sampah di depan rumah saya tidak diangkut')).toEqual(['sampah', 'depan', 'rumah', 'tidak', 'angkut']);
  });

  it('stems so that different affixed forms meet', () => {
    expect(tokenise('perbaikan')).toEqual(tokenise('diperbaiki'));
    expect(tokenise('jalan berlubang')).toEqual(['jalan', 'lubang']);
  });

  it('drops phone numbers, NIKs and amounts', () => {
    expect(tokenise('NIK 3216990101900001 hp 0812-0000-0101 bayar Rp750.000')).toEqual(['nik', 'hp', 'bayar']);
  });

  it('keeps short codes with digits but drops single characters', () => {
    expect(tokenise('LPG 3 kg, PBB-P2, seleksi P3K')).toEqual(['lpg', 'kg', 'pbb', 'p2', 'seleksi', 'p3k']);
  });

  it('reads slang and standard spelling alike', () => {
    expect(tokenise('jln yg rusak ga diperbaiki')).toEqual(tokenise('jalan yang rusak tidak diperbaiki'));
  });
});

describe('word n-grams', () => {
  it('pairs adjacent tokens', () => {
    expect(wordBigrams(['jalan', 'lubang', 'dalam'])).toEqual(['jalan lubang', 'lubang dalam']);
    expect(wordBigrams(['jalan'])).toEqual([]);
  });

  it('lists unigrams then bigrams', () => {
    expect(wordTerms('jalan berlubang makin parah')).toEqual(['jalan', 'lubang', 'makin', 'parah', 'jalan lubang', 'lubang makin', 'makin parah']);
  });
});

describe('characterNgrams', () => {
  it('produces padded 3- to 5-grams of the content words', () => {
    const grams = characterNgrams('Sampah');
    expect(grams).toEqual(expect.arrayContaining(['_sa', 'sam', 'ah_', '_sam', 'pah_', '_samp', 'mpah_']));
    expect(grams.every((g) => g.length >= 3 && g.length <= 5)).toBe(true);
  });

  it('lets a misspelling share most grams with the correct word', () => {
    const correct = new Set(characterNgrams('sampah'));
    const misspelt = characterNgrams('sampahh');
    const shared = misspelt.filter((g) => correct.has(g)).length;
    expect(shared / misspelt.length).toBeGreaterThan(0.5);
  });

  it('ignores stopwords', () => {
    expect(contentWords('mohon tolong sampah')).toEqual(['sampah']);
    expect(characterNgrams('mohon tolong')).toEqual([]);
  });
});
