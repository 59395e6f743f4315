// The same pothole is reported again by neighbours within days, in different words. Intake flags a
// likely duplicate so the admin can archive it against the original (as LAPOR! admins do by hand)
// instead of dispatching the same work twice. A score, not a verdict: a human decides.
import { contentWords } from '@bekasi/indonesian-text';

export interface ComparableComplaint {
  title: string | null;
  text: string;
  /** Kecamatan code or name when known; different kecamatan make a duplicate unlikely. */
  kecamatanHint?: string | null;
  /** LAPOR! category id (or name) when known; reports of one problem share it. */
  categoryHint?: string | null;
  receivedAt: Date;
}

export interface DuplicatePolicy {
  /** Reports further apart than this are never duplicates: a later one is a new occurrence. */
  windowDays: number;
  /** Score at or above which a pair is flagged for the admin. */
  threshold: number;
  /**
   * Raw text similarity treated as "same complaint". Two citizens describing one pothole share
   * about half their content words; identical texts only come from copy-paste.
   */
  textSaturation: number;
  /** Time factor at the edge of the window; it is 1 for simultaneous reports. */
  edgeOfWindowFactor: number;
  /** Factor applied when both reports name a kecamatan and they differ. */
  differentKecamatanFactor: number;
  /**
   * Factor applied when both reports carry a category and they differ. Zero: the issue defines a
   * duplicate as same place, same topic, close in time, and templated texts about different
   * topics in one desa otherwise look alike. Intake also uses it to pre-filter candidates.
   */
  differentCategoryFactor: number;
}

/**
 * Calibrated on the sample export (initial texts): its one duplicate pair scores about 0.75, every
 * other pair below 0.3.
 */
export const DEFAULT_DUPLICATE_POLICY: DuplicatePolicy = {
  windowDays: 7,
  threshold: 0.5,
  textSaturation: 0.5,
  edgeOfWindowFactor: 0.7,
  differentKecamatanFactor: 0.5,
  differentCategoryFactor: 0,
};

const SHINGLE_LENGTH = 4;
const DAY_MS = 24 * 60 * 60 * 1000;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Character shingles over the words run together, so "Kedungpengawas" meets "Kedung Pengawas"
 * and "berlubang" meets "lubang".
 */
function shingles(words: readonly string[]): Set<string> {
  const joined = words.join('');
  const result = new Set<string>();
  for (let i = 0; i + SHINGLE_LENGTH <= joined.length; i++) result.add(joined.slice(i, i + SHINGLE_LENGTH));
  return result;
}

function wordsOf(complaint: Pick<ComparableComplaint, 'title' | 'text'>): string[] {
  return contentWords(`${complaint.title ?? ''} ${complaint.text}`);
}

/** Raw similarity in [0, 1]: the mean of word-set and shingle-set Jaccard indices. */
export function textSimilarity(
  a: Pick<ComparableComplaint, 'title' | 'text'>,
  b: Pick<ComparableComplaint, 'title' | 'text'>,
): number {
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  return (jaccard(new Set(wordsA), new Set(wordsB)) + jaccard(shingles(wordsA), shingles(wordsB))) / 2;
}

function sameKecamatan(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/^(?:kecamatan|kec\.?)\s*/, '').replace(/[^a-z]/g, '');
  return key(a) === key(b);
}

/** Likelihood in [0, 1] that `a` and `b` report the same problem. */
export function duplicateLikelihood(
  a: ComparableComplaint,
  b: ComparableComplaint,
  policy: DuplicatePolicy = DEFAULT_DUPLICATE_POLICY,
): number {
  const daysApart = Math.abs(a.receivedAt.getTime() - b.receivedAt.getTime()) / DAY_MS;
  if (daysApart > policy.windowDays) return 0;
  const timeFactor = 1 - (1 - policy.edgeOfWindowFactor) * (daysApart / policy.windowDays);
  const placeFactor =
    a.kecamatanHint && b.kecamatanHint && !sameKecamatan(a.kecamatanHint, b.kecamatanHint)
      ? policy.differentKecamatanFactor
      : 1;
  const topicFactor =
    a.categoryHint && b.categoryHint && a.categoryHint.trim().toLowerCase() !== b.categoryHint.trim().toLowerCase()
      ? policy.differentCategoryFactor
      : 1;
  if (topicFactor === 0) return 0;
  const text = Math.min(1, textSimilarity(a, b) / policy.textSaturation);
  return text * timeFactor * placeFactor * topicFactor;
}

export function isLikelyDuplicate(
  a: ComparableComplaint,
  b: ComparableComplaint,
  policy: Partial<DuplicatePolicy> = {},
): boolean {
  const effective = { ...DEFAULT_DUPLICATE_POLICY, ...policy };
  return duplicateLikelihood(a, b, effective) >= effective.threshold;
}
