// What the disposition model reads from one complaint, computed once per complaint and shared by
// the model, the camat place model and the explanation. Four groups: word stems ("lubang"), stem
// pairs ("jalan lubang"), character 3–5-grams inside word boundaries ("_lub") for misspellings and
// SMS spellings, and the LAPOR! fields (the category, "-" when there is none, and the
// classification).
//
// Terms are hashed, never spelt out: each term is a 32-bit key, 30 bits of a string hash (FNV-1a
// with a murmur finaliser, computed from the characters in place, no substring or "c:…" string is
// made) and 2 bits naming its group. A model maps the keys it knows to its columns with an
// open-addressing table of typed arrays (ColumnIndex), so neither featurising nor vectorising looks
// up a string. Why 30 bits and a compact column table rather than a dense 2^18–2^20 space: the
// weights are feature-major (classes × columns), and a dense 2^20 space times 100 units would be
// 400 MB; with 30 bits two of 100,000 distinct terms share a key with odds of about 1 in 200, so
// collisions never matter. The words behind the keys are recovered only for the one complaint being
// explained (entryWords).
import { contentWords, INDONESIAN_STOPWORDS, normaliseIndonesianText, stemIndonesian } from '@bekasi/indonesian-text';

export interface FeatureSettings {
  charNgramMin: number;
  charNgramMax: number;
  /** Relative weight of each group after it is L2-normalised on its own. */
  groupWeights: { words: number; bigrams: number; chars: number; fields: number };
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  charNgramMin: 3,
  charNgramMax: 5,
  groupWeights: { words: 1, bigrams: 0.6, chars: 1, fields: 0.7 },
};

export type FeatureGroup = 'words' | 'bigrams' | 'chars' | 'fields';
/** Group of a key: its low two bits index this list. */
const GROUP_ORDER: readonly FeatureGroup[] = ['words', 'bigrams', 'chars', 'fields'];
const WORD = 0;
const BIGRAM = 1;
const CHAR = 2;
const FIELD = 3;

export function groupOfKey(key: number): FeatureGroup {
  return GROUP_ORDER[key & 3];
}

/** Raw term counts of a complaint: distinct keys in ascending order with their counts. */
export interface ComplaintTerms {
  keys: Int32Array;
  counts: Float32Array;
  /** Distinct content stems: texts with very few are weak evidence. */
  distinctWords: number;
  /** What an explanation needs to name the words behind the keys; null for training examples. */
  source: { words: readonly string[]; category: string; classification: string | null } | null;
}

// ---- hashing -------------------------------------------------------------------------------

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Each group starts its hash from its own offset, so equal strings of two groups differ. */
const GROUP_SEED = [FNV_OFFSET, FNV_OFFSET ^ 0x5bd1e995, FNV_OFFSET ^ 0x27d4eb2f, FNV_OFFSET ^ 0x165667b1];
const PAD = 95; // "_"

/** murmur3's finaliser: FNV's low bits alone are too regular for a table index. */
function finish(h: number, group: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h & ~3) | group;
}

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

function stringKey(s: string, group: number): number {
  return finish(fnv(GROUP_SEED[group], s), group);
}

function bigramKey(first: string, second: string): number {
  // As if hashing "first second", without making the string.
  return finish(fnv(Math.imul(fnv(GROUP_SEED[BIGRAM], first) ^ 32, FNV_PRIME), second), BIGRAM);
}

// ---- featurising ---------------------------------------------------------------------------

/** The normalised name of a LAPOR! field value, or "-" when it is blank (missing is common: it is a value too). */
export function fieldValue(value: string | null | undefined): string {
  const normalised = value ? normaliseIndonesianText(value) : '';
  return normalised.length > 0 ? normalised : '-';
}

/** Called with each key and the text an explanation shows for it. */
type Sink = (key: number, shown: string) => void;

/** Key buffer reused by every complaint: most complaints have a few hundred terms. */
let scratch = new Int32Array(4096);

function push(n: number, key: number): number {
  if (n === scratch.length) {
    const grown = new Int32Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  }
  scratch[n] = key;
  return n + 1;
}

/** Writes the raw (repeated) keys of a complaint to `scratch` and returns how many; `sink` sees each once or more. */
function rawKeys(words: readonly string[], category: string, classification: string | null, settings: FeatureSettings, sink: Sink | null): number {
  const { charNgramMin: minN, charNgramMax: maxN } = settings;
  let n = 0;
  let previous: string | null = null;
  for (const word of words) {
    const stem = stemIndonesian(word);
    if (stem.length < 2 || INDONESIAN_STOPWORDS.has(stem)) continue;
    const wordKey = stringKey(stem, WORD);
    n = push(n, wordKey);
    if (sink) sink(wordKey, stem);
    if (previous !== null) {
      const pairKey = bigramKey(previous, stem);
      n = push(n, pairKey);
      if (sink) sink(pairKey, `${previous} ${stem}`);
    }
    previous = stem;
    // Character grams of "_word_": from each start, one FNV pass grows the gram through every length.
    const length = word.length + 2;
    for (let start = 0; start + minN <= length; start++) {
      let h = GROUP_SEED[CHAR];
      for (let end = start; end < length && end - start < maxN; end++) {
        const code = end === 0 || end === length - 1 ? PAD : word.charCodeAt(end - 1);
        h = Math.imul(h ^ code, FNV_PRIME);
        if (end - start + 1 >= minN) {
          const key = finish(h, CHAR);
          n = push(n, key);
          if (sink) sink(key, word);
        }
      }
    }
  }
  const categoryKey = stringKey(`k${category}`, FIELD);
  n = push(n, categoryKey);
  if (sink) sink(categoryKey, category === '-' ? '(tanpa kategori)' : `kategori ${category}`);
  if (classification !== null) {
    const key = stringKey(`l${classification}`, FIELD);
    n = push(n, key);
    if (sink) sink(key, classification);
  }
  return n;
}

function termsOfWords(
  words: readonly string[],
  category: string,
  classification: string | null,
  settings: FeatureSettings,
  keepSource: boolean,
): ComplaintTerms {
  const n = rawKeys(words, category, classification, settings, null);
  const raw = scratch.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) if (i === 0 || raw[i] !== raw[i - 1]) distinct++;
  const keys = new Int32Array(distinct);
  const counts = new Float32Array(distinct);
  let distinctWords = 0;
  for (let i = 0, d = -1; i < n; i++) {
    if (i === 0 || raw[i] !== raw[i - 1]) {
      keys[++d] = raw[i];
      if ((raw[i] & 3) === WORD) distinctWords++;
    }
    counts[d]++;
  }
  return { keys, counts, distinctWords, source: keepSource ? { words, category, classification } : null };
}

export function complaintTerms(
  text: string,
  category: string | null | undefined,
  classification: string | null | undefined,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
  /** False for training examples: only explanations need the words behind the keys. */
  withSource = true,
): ComplaintTerms {
  return termsOfWords(
    contentWords(text),
    fieldValue(category),
    classification === undefined ? null : fieldValue(classification),
    settings,
    withSource,
  );
}

/** The terms of a unit name or topic: its words alone, no LAPOR! fields (they are not a complaint's). */
export function pseudoExampleTerms(text: string, settings: FeatureSettings): ComplaintTerms {
  const terms = complaintTerms(text, undefined, undefined, settings, false);
  const missingCategory = stringKey('k-', FIELD);
  const keep = terms.keys.findIndex((k) => k === missingCategory);
  if (keep < 0) return terms;
  const keys = new Int32Array(terms.keys.length - 1);
  const counts = new Float32Array(terms.keys.length - 1);
  keys.set(terms.keys.subarray(0, keep));
  keys.set(terms.keys.subarray(keep + 1), keep);
  counts.set(terms.counts.subarray(0, keep));
  counts.set(terms.counts.subarray(keep + 1), keep);
  return { ...terms, keys, counts };
}

/** What an explanation shows: the distinct texts, and for each vector entry the index of its text (-1: none). */
export interface EntryWords {
  words: string[];
  ofEntry: Int32Array;
}

/**
 * What an explanation shows for each entry of a vector of this complaint (`keys`: the entries'
 * keys, ascending, as vectors are): the stem, the stem pair, the word a character gram came from
 * (the first such word), the category. Made only for a complaint being explained; entries are
 * found by binary search, so no key is boxed into a Map.
 */
export function entryWords(terms: ComplaintTerms, keys: Int32Array, settings: FeatureSettings): EntryWords {
  const ofEntry = new Int32Array(keys.length).fill(-1);
  const words: string[] = [];
  if (!terms.source) return { words, ofEntry };
  const index = new Map<string, number>();
  const { words: source, category, classification } = terms.source;
  rawKeys(source, category, classification, settings, (key, text) => {
    let low = 0;
    let high = keys.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if (keys[mid] < key) low = mid + 1;
      else if (keys[mid] > key) high = mid - 1;
      else {
        if (ofEntry[mid] >= 0) return;
        let w = index.get(text);
        if (w === undefined) {
          w = words.push(text) - 1;
          index.set(text, w);
        }
        ofEntry[mid] = w;
        return;
      }
    }
  });
  return { words, ofEntry };
}

// ---- columns and vectors -------------------------------------------------------------------

/** A model's known keys → its columns: open addressing over typed arrays, no strings. */
export class ColumnIndex {
  /** Slot i holds a key at 2i and its column at 2i + 1 (-1: empty), so a probe touches one cache line. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  /** @param keys the model's column keys, column i having keys[i] (distinct) */
  constructor(readonly keys: Int32Array) {
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 2).fill(-1);
    for (let c = 0; c < keys.length; c++) {
      let i = (keys[c] >>> 2) & this.mask;
      while (this.slots[2 * i + 1] !== -1) i = (i + 1) & this.mask;
      this.slots[2 * i] = keys[c];
      this.slots[2 * i + 1] = c;
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** The column of `key`, or -1. */
  columnOf(key: number): number {
    const { slots, mask } = this;
    let i = (key >>> 2) & mask;
    for (;;) {
      const c = slots[2 * i + 1];
      if (c === -1 || slots[2 * i] === key) return c;
      i = (i + 1) & mask;
    }
  }
}

/** A sparse, weighted feature vector over a model's columns, its entries in ascending key order. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** Feature vectors stored back to back (CSR): row r is indices/values[offsets[r] … offsets[r + 1]). */
export interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/**
 * Writes the vector of `terms` at `at` in `indices`/`values` and returns its length: sublinear
 * TF-IDF (1 + ln tf)·idf, each group L2-normalised and scaled by its weight. Terms the model has
 * no column for are dropped: it has nothing to say about them.
 */
function writeVector(
  terms: ComplaintTerms,
  columns: ColumnIndex,
  idf: ArrayLike<number>,
  settings: FeatureSettings,
  indices: Int32Array,
  values: Float32Array,
  at: number,
): number {
  const { keys, counts } = terms;
  let n0 = 0;
  let n1 = 0;
  let n2 = 0;
  let n3 = 0;
  let n = at;
  for (let k = 0; k < keys.length; k++) {
    const column = columns.columnOf(keys[k]);
    if (column < 0) continue;
    // Most terms occur once, and 1 + ln 1 is exactly 1.
    const value = counts[k] === 1 ? idf[column] : (1 + Math.log(counts[k])) * idf[column];
    const group = keys[k] & 3;
    if (group === WORD) n0 += value * value;
    else if (group === BIGRAM) n1 += value * value;
    else if (group === CHAR) n2 += value * value;
    else n3 += value * value;
    indices[n] = column;
    values[n] = value;
    n++;
  }
  const w = settings.groupWeights;
  const s0 = n0 > 0 ? w.words / Math.sqrt(n0) : 0;
  const s1 = n1 > 0 ? w.bigrams / Math.sqrt(n1) : 0;
  const s2 = n2 > 0 ? w.chars / Math.sqrt(n2) : 0;
  const s3 = n3 > 0 ? w.fields / Math.sqrt(n3) : 0;
  // The keys' groups are read back through the column: its key carries the group too.
  const columnKeys = columns.keys;
  for (let k = at; k < n; k++) {
    const group = columnKeys[indices[k]] & 3;
    values[k] *= group === WORD ? s0 : group === BIGRAM ? s1 : group === CHAR ? s2 : s3;
  }
  return n - at;
}

export function vectorise(terms: ComplaintTerms, columns: ColumnIndex, idf: ArrayLike<number>, settings: FeatureSettings): SparseVector {
  const indices = new Int32Array(terms.keys.length);
  const values = new Float32Array(terms.keys.length);
  const n = writeVector(terms, columns, idf, settings, indices, values, 0);
  return { indices: indices.subarray(0, n), values: values.subarray(0, n) };
}

/** The vectors of many complaints in one block of memory (a training set: no array per complaint). */
export function vectoriseRows(
  documents: readonly ComplaintTerms[],
  columns: ColumnIndex,
  idf: ArrayLike<number>,
  settings: FeatureSettings,
): SparseRows {
  let capacity = 0;
  for (const d of documents) capacity += d.keys.length;
  const indices = new Int32Array(capacity);
  const values = new Float32Array(capacity);
  const offsets = new Int32Array(documents.length + 1);
  let at = 0;
  for (let r = 0; r < documents.length; r++) {
    at += writeVector(documents[r], columns, idf, settings, indices, values, at);
    offsets[r + 1] = at;
  }
  return { offsets, indices, values };
}
