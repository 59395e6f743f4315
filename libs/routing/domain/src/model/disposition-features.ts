// The features the disposition model reads from a complaint, in four groups, each prefixed so they
// never collide: word stems ("w:lubang"), stem pairs ("b:jalan lubang"), character n-grams of the
// words ("c:_lub") for misspellings, and the category ("k:jalan berlubang"). Counts are dampened
// (1 + ln tf), weighted by IDF, and each group is scaled to a fixed total, so a long text does
// not drown its category and the many character n-grams do not drown the words.
import { characterNgrams, normaliseIndonesianText, tokenise, wordBigrams } from '../text/indonesian-text';

export interface FeatureGroupWeights {
  words: number;
  bigrams: number;
  chars: number;
  category: number;
}

export interface FeatureSettings {
  groupWeights: FeatureGroupWeights;
  charNgramMin: number;
  charNgramMax: number;
}

export const DEFAULT_FEATURE_SETTINGS: FeatureSettings = {
  groupWeights: { words: 1, bigrams: 0.5, chars: 1, category: 1.5 },
  charNgramMin: 3,
  charNgramMax: 5,
};

type Group = keyof FeatureGroupWeights;
const GROUP_OF_PREFIX: Record<string, Group> = { w: 'words', b: 'bigrams', c: 'chars', k: 'category' };

function countInto(counts: Map<string, number>, prefix: string, items: readonly string[]): void {
  for (const item of items) counts.set(`${prefix}:${item}`, (counts.get(`${prefix}:${item}`) ?? 0) + 1);
}

/** Raw term counts of one complaint. The category's words also join the text: a new category still means something. */
export function countFeatures(text: string, category: string | null | undefined, settings: FeatureSettings): Map<string, number> {
  const categoryName = category ? normaliseIndonesianText(category) : '';
  const fullText = categoryName ? `${categoryName}\n${text}` : text;
  const tokens = tokenise(fullText);
  const counts = new Map<string, number>();
  countInto(counts, 'w', tokens);
  countInto(counts, 'b', wordBigrams(tokens));
  countInto(counts, 'c', characterNgrams(fullText, settings.charNgramMin, settings.charNgramMax));
  if (categoryName) counts.set(`k:${categoryName}`, 1);
  return counts;
}

/**
 * Dampened, IDF-weighted and group-scaled feature weights. Features without an IDF (never seen in
 * training) are dropped: the model has nothing to say about them.
 */
export function weighFeatures(
  counts: ReadonlyMap<string, number>,
  idf: (feature: string) => number | undefined,
  settings: FeatureSettings,
): Map<string, number> {
  const raw = new Map<string, number>();
  const groupTotals: Record<Group, number> = { words: 0, bigrams: 0, chars: 0, category: 0 };
  for (const [feature, count] of counts) {
    const weight = idf(feature);
    if (weight === undefined) continue;
    const value = (1 + Math.log(count)) * weight;
    raw.set(feature, value);
    groupTotals[GROUP_OF_PREFIX[feature[0]]] += value;
  }
  const weighted = new Map<string, number>();
  for (const [feature, value] of raw) {
    const group = GROUP_OF_PREFIX[feature[0]];
    weighted.set(feature, (value / groupTotals[group]) * settings.groupWeights[group]);
  }
  return weighted;
}
