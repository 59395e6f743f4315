import {
  ColumnIndex,
  complaintTerms,
  DEFAULT_FEATURE_SETTINGS,
  entryWords,
  groupOfKey,
  pseudoExampleTerms,
  vectorise,
  vectoriseRows,
  type ComplaintTerms,
} from './complaint-features';

const settings = DEFAULT_FEATURE_SETTINGS;

/** Key → what an explanation shows for it, over every key of the complaint. */
function explanationWords(terms: ComplaintTerms): Map<number, string | undefined> {
  const { words, ofEntry } = entryWords(terms, terms.keys, settings);
  return new Map([...terms.keys].map((key, i) => [key, words[ofEntry[i]]]));
}

describe('complaintTerms', () => {
  it('hashes each distinct term once, in ascending key order, with its count', () => {
    const terms = complaintTerms('sampah sampah menumpuk', 'Pengelolaan Sampah', undefined);
    for (let i = 1; i < terms.keys.length; i++) expect(terms.keys[i]).toBeGreaterThan(terms.keys[i - 1]);
    const shown = explanationWords(terms);
    const countOf = (text: string, group: string) => {
      const key = [...shown.entries()].find(([k, t]) => t === text && groupOfKey(k) === group)![0];
      return terms.counts[terms.keys.indexOf(key)];
    };
    expect(countOf('sampah', 'words')).toBe(2);
    expect(countOf('sampah tumpuk', 'bigrams')).toBe(1);
    expect(countOf('kategori pengelolaan sampah', 'fields')).toBe(1);
    expect(terms.distinctWords).toBe(2);
  });

  it('gives a term the same key in every complaint, and different keys to the same letters in different groups', () => {
    const notBigrams = (text: string) => [...complaintTerms(text, null, undefined).keys].filter((k) => groupOfKey(k) !== 'bigrams');
    expect(notBigrams('jalan rusak')).toEqual(notBigrams('rusak jalan'));
    // The word "abc" and its gram "abc" (among "_ab", "bc_", "_abc", "abc_", "_abc_") are seven terms, not six.
    const terms = complaintTerms('abc', null, undefined);
    expect(terms.keys.length).toBe(1 + 6 + 1);
    expect([...explanationWords(terms).values()].filter((t) => t === 'abc')).toHaveLength(7);
  });

  it('reads the missing category as a value of its own, and the classification only when the source has one', () => {
    const none = complaintTerms('jalan rusak', null, undefined);
    const withClassification = complaintTerms('jalan rusak', null, 'Permintaan Informasi');
    expect(withClassification.keys.length).toBe(none.keys.length + 1);
    expect([...explanationWords(none).values()]).toContain('(tanpa kategori)');
    expect([...explanationWords(withClassification).values()]).toContain('permintaan informasi');
  });

  it('keeps nothing for explanations in training terms, and drops the missing category from pseudo-examples', () => {
    expect(complaintTerms('jalan rusak', null, undefined, settings, false).source).toBeNull();
    const pseudo = pseudoExampleTerms('jalan rusak', settings);
    expect(pseudo.keys.length).toBe(complaintTerms('jalan rusak', null, undefined).keys.length - 1);
    expect([...pseudo.keys].every((k) => groupOfKey(k) !== 'fields')).toBe(true);
  });

  it('shows every key as something, and nothing for keys the complaint does not have', () => {
    const terms = complaintTerms('jalan rusak berlubang', 'Jalan', undefined);
    const shown = entryWords(terms, terms.keys, settings);
    expect([...shown.ofEntry].every((w) => w >= 0 && w < shown.words.length)).toBe(true);
    expect(new Set(shown.words).size).toBe(shown.words.length);
    expect([...entryWords(terms, Int32Array.of(terms.keys[0] ^ 4), settings).ofEntry]).toEqual([-1]);
    expect(entryWords(complaintTerms('jalan', null, undefined, settings, false), terms.keys, settings).words).toEqual([]);
  });

  it('names the word a character gram came from', () => {
    const shown = explanationWords(complaintTerms('sampahh numpuk', null, undefined));
    const grams = [...shown.entries()].filter(([k]) => groupOfKey(k) === 'chars').map(([, t]) => t);
    expect(new Set(grams)).toEqual(new Set(['sampahh', 'numpuk']));
  });
});

describe('vectors', () => {
  const known = complaintTerms('jalan rusak berlubang', 'Jalan', undefined);
  const columns = new ColumnIndex(known.keys);
  const idf = new Float32Array(known.keys.length).fill(1);

  it('finds each known key and nothing else', () => {
    known.keys.forEach((key, column) => expect(columns.columnOf(key)).toBe(column));
    const other = complaintTerms('sampah menumpuk', 'Sampah', undefined);
    expect([...other.keys].filter((k) => !known.keys.includes(k)).every((k) => columns.columnOf(k) === -1)).toBe(true);
  });

  it('normalises each group to its weight and drops unknown terms', () => {
    const vector = vectorise(complaintTerms('jalan rusak sampah', 'Jalan', undefined), columns, idf, settings);
    const byGroup = new Map<string, number>();
    vector.indices.forEach((column, k) => {
      const group = groupOfKey(known.keys[column]);
      byGroup.set(group, (byGroup.get(group) ?? 0) + vector.values[k] ** 2);
    });
    expect(Math.sqrt(byGroup.get('words')!)).toBeCloseTo(settings.groupWeights.words, 5);
    expect(Math.sqrt(byGroup.get('chars')!)).toBeCloseTo(settings.groupWeights.chars, 5);
    expect(Math.sqrt(byGroup.get('fields')!)).toBeCloseTo(settings.groupWeights.fields, 5);
  });

  it('stores many vectors back to back exactly as one by one', () => {
    const documents = [known, complaintTerms('rusak', null, undefined), complaintTerms('xyz', null, undefined)];
    const rows = vectoriseRows(documents, columns, idf, settings);
    documents.forEach((d, r) => {
      const one = vectorise(d, columns, idf, settings);
      expect([...rows.indices.subarray(rows.offsets[r], rows.offsets[r + 1])]).toEqual([...one.indices]);
      expect([...rows.values.subarray(rows.offsets[r], rows.offsets[r + 1])]).toEqual([...one.values]);
    });
  });
});
