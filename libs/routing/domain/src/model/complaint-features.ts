// What the disposition model reads from one complaint, computed once per complaint and shared by
// the model, the camat place model and the explanation. Four groups, prefixed so they never
// collide: word stems ("w:lubang"), stem pairs ("b:jalan lubang"), character 3–5-grams inside word
// boundaries ("c:_lub") for misspellings and SMS spellings, and the LAPOR! fields ("k:" category,
// "k:-" when there is none, "l:" classification). Character grams remember which word they came
// from, so an explanation can name the word ("sampahh") instead of a fragment.
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
const GROUP_OF_PREFIX: Record<string, FeatureGroup> = { w: 'words', b: 'bigrams', c: 'chars', k: 'fields', l: 'fields' };

export function groupOf(feature: string): FeatureGroup {
  return GROUP_OF_PREFIX[feature[0]];
}

/** Raw term counts of a complaint, and for each character gram the word it most often came from. */
export interface ComplaintTerms {
  counts: Map<string, number>;
  /** Character gram → word (normalised, unstemmed) for explanations. */
  gramWords: Map<string, string>;
  /** Distinct content words: texts with very few are weak evidence. */
  distinctWords: number;
}

const MAX_DIGITS_IN_WORD = 2;

function add(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The normalised name of a LAPOR! field value, or "-" when it is blank (missing is common: it is a value too). */
export function fieldValue(value: string | null | undefined): string {
  const normalised = value ? normaliseIndonesianText(value) : '';
  return normalised.length > 0 ? normalised : '-';
}

export function complaintTerms(
  text: string,
  category: string | null | undefined,
  classification: string | null | undefined,
  settings: FeatureSettings = DEFAULT_FEATURE_SETTINGS,
  /** False for training examples: only explanations need gramWords, and 20,000 maps of them cost GC. */
  withGramWords = true,
): ComplaintTerms {
  const counts = new Map<string, number>();
  const gramWords = new Map<string, string>();
  const words = contentWords(text);
  const stems: string[] = [];
  for (const word of words) {
    const stem = stemIndonesian(word);
    if (stem.length < 2 || INDONESIAN_STOPWORDS.has(stem)) continue;
    stems.push(stem);
    add(counts, `w:${stem}`);
    let digits = 0;
    for (const c of word) if (c >= '0' && c <= '9') digits++;
    if (digits > MAX_DIGITS_IN_WORD) continue;
    const padded = `_${word}_`;
    for (let n = settings.charNgramMin; n <= settings.charNgramMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) {
        const gram = `c:${padded.slice(i, i + n)}`;
        add(counts, gram);
        if (withGramWords && !gramWords.has(gram)) gramWords.set(gram, word);
      }
    }
  }
  for (let i = 0; i + 1 < stems.length; i++) add(counts, `b:${stems[i]} ${stems[i + 1]}`);
  counts.set(`k:${fieldValue(category)}`, 1);
  if (classification !== undefined) counts.set(`l:${fieldValue(classification)}`, 1);
  return { counts, gramWords, distinctWords: new Set(stems).size };
}

/** A sparse, weighted feature vector over a model's vocabulary. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/**
 * Sublinear TF-IDF (1 + ln tf)·idf, each group L2-normalised and scaled by its weight. Terms
 * outside the vocabulary are dropped: the model has nothing to say about them.
 */
export function vectorise(
  terms: ComplaintTerms,
  vocabulary: ReadonlyMap<string, number>,
  idf: ArrayLike<number>,
  settings: FeatureSettings,
): SparseVector {
  // Order does not matter to a dot product: no sorting, two passes over typed arrays.
  const size = terms.counts.size;
  const indices = new Int32Array(size);
  const values = new Float32Array(size);
  const groups = new Uint8Array(size);
  const norms = [0, 0, 0, 0];
  let n = 0;
  for (const [term, count] of terms.counts) {
    const index = vocabulary.get(term);
    if (index === undefined) continue;
    const value = (1 + Math.log(count)) * idf[index];
    const group = GROUP_INDEX[term.charCodeAt(0)];
    norms[group] += value * value;
    indices[n] = index;
    values[n] = value;
    groups[n] = group;
    n++;
  }
  const scale = GROUP_ORDER.map((g, i) => (norms[i] > 0 ? settings.groupWeights[g] / Math.sqrt(norms[i]) : 0));
  for (let k = 0; k < n; k++) values[k] *= scale[groups[k]];
  return { indices: indices.subarray(0, n), values: values.subarray(0, n) };
}

const GROUP_ORDER: readonly FeatureGroup[] = ['words', 'bigrams', 'chars', 'fields'];
/** Group index by the char code of a term's prefix letter. */
const GROUP_INDEX: Record<number, number> = {
  [119]: 0, // w
  [98]: 1, // b
  [99]: 2, // c
  [107]: 3, // k
  [108]: 3, // l
};
