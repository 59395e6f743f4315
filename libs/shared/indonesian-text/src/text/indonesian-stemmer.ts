// A light, dictionary-free stemmer for Indonesian, after the affix rules of Nazief–Adriani but
// deliberately conservative: without a root dictionary every extra rule also mangles roots, so it
// strips only the affixes that matter for routing (me-/pe- with their nasal changes, di-, ber-,
// ter-, per-, ke-…-an, -kan, -an, -i, -nya) and only when a stem of at least four letters that
// looks like an Indonesian word remains. What counts is that "perbaikan", "diperbaiki" and
// "memperbaiki" meet in one stem, not that every stem is the dictionary root.
import { STEMMER_PROTECTED_WORDS } from './indonesian-lexicon';

const MIN_STEM = 4;
const VOWELS = new Set(['a', 'i', 'u', 'e', 'o']);
/** Initial consonant clusters an Indonesian stem may start with (loanwords included). */
const INITIAL_CLUSTERS = new Set(['ng', 'ny', 'sy', 'kh', 'tr', 'pr', 'kr', 'gr', 'br', 'bl', 'pl', 'kl', 'fl', 'sk', 'sp', 'st', 'dr', 'sw']);
const ROOTS_ENDING_IN_NYA = ['tanya', 'hanya', 'punya'];
/** Prefixes after which a trailing -i is a suffix ("dipukuli", "memperbaiki"), not part of the root. */
const PREFIXES_TAKING_I = new Set(['di', 'diper', 'memper', 'me', 'per']);
/** Long words in -si are loan nouns ("normalisasi", "verifikasi"), whose -i is not a suffix. */
const LOAN_NOUN_MIN_LENGTH = 7;

const isVowel = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

function isPlausibleStem(stem: string): boolean {
  if (stem.length < MIN_STEM) return false;
  if (isVowel(stem[0]) || isVowel(stem[1])) return true;
  return INITIAL_CLUSTERS.has(stem.slice(0, 2));
}

interface PrefixStrip {
  /** The prefix family that was removed (for the -i rule and the ke-…-an confix). */
  prefix: 'me' | 'pe' | 'di' | 'diper' | 'memper' | 'ber' | 'ter' | 'per' | 'ke';
  rest: string;
}

/** me-/pe- with their nasal assimilation: mem+b, men+d, meng+k/vowel, meny+vowel → s. */
function stripNasalPrefix(word: string, base: 'me' | 'pe'): PrefixStrip | null {
  const after = (n: number) => word.slice(base.length + n);
  const next = (n: number) => word[base.length + n];
  if (word.startsWith(`${base}ng`) && (isVowel(next(2)) || 'ghkq'.includes(next(2) ?? '-'))) {
    return { prefix: base, rest: after(2) };
  }
  if (word.startsWith(`${base}ny`) && isVowel(next(2))) return { prefix: base, rest: 's' + after(2) };
  if (word.startsWith(`${base}m`)) {
    if ('bfvp'.includes(next(1) ?? '-')) return { prefix: base, rest: after(1) };
    // "memohon"/"pemohon" → "mohon": keeping the m makes me- and pe- forms meet, which matters
    // more here than recovering p-initial roots ("memukul").
    if (isVowel(next(1))) return { prefix: base, rest: after(0) };
  }
  if (word.startsWith(`${base}n`)) {
    if ('cdjzst'.includes(next(1) ?? '-')) return { prefix: base, rest: after(1) };
    if (isVowel(next(1))) return { prefix: base, rest: 't' + after(1) };
  }
  if ('lmnrwy'.includes(next(0) ?? '-')) return { prefix: base, rest: after(0) };
  if (base === 'pe' && !isVowel(next(0)) && next(0) !== undefined) return { prefix: base, rest: after(0) };
  return null;
}

function stripPrefix(word: string): PrefixStrip | null {
  if (word.startsWith('memper')) return { prefix: 'memper', rest: word.slice(6) };
  if (word.startsWith('diper')) return { prefix: 'diper', rest: word.slice(5) };
  if (word.startsWith('me')) return stripNasalPrefix(word, 'me');
  if (word.startsWith('per') && !isVowel(word[3])) return { prefix: 'per', rest: word.slice(3) };
  if (word.startsWith('pe')) return stripNasalPrefix(word, 'pe');
  if (word.startsWith('di')) return { prefix: 'di', rest: word.slice(2) };
  if (word.startsWith('ber')) return { prefix: 'ber', rest: word.slice(3) };
  if (word.startsWith('ter') && !isVowel(word[3])) return { prefix: 'ter', rest: word.slice(3) };
  if (word.startsWith('ke')) return { prefix: 'ke', rest: word.slice(2) };
  return null;
}

function stripDerivationalSuffix(word: string, prefix: PrefixStrip['prefix'] | null): string {
  if (word.endsWith('kan') && word.length - 3 >= MIN_STEM) return word.slice(0, -3);
  if (word.endsWith('an') && word.length - 2 >= MIN_STEM) return word.slice(0, -2);
  if (
    word.endsWith('i') &&
    prefix !== null &&
    PREFIXES_TAKING_I.has(prefix) &&
    word.length - 1 >= MIN_STEM &&
    !isVowel(word[word.length - 2]) &&
    !(word.endsWith('si') && word.length >= LOAN_NOUN_MIN_LENGTH)
  ) {
    return word.slice(0, -1);
  }
  return word;
}

function stripPossessive(word: string): string {
  if (!word.endsWith('nya') || word.length - 3 < MIN_STEM) return word;
  if (ROOTS_ENDING_IN_NYA.some((root) => word.endsWith(root))) return word;
  return word.slice(0, -3);
}

/** Stems of words already seen: a regency's complaints reuse a few thousand words. Bounded: cleared when full. */
const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 50_000;

/** The stem of one lower-case word; words it cannot safely reduce come back unchanged. */
export function stemIndonesian(word: string): string {
  if (word.length <= MIN_STEM) return word;
  let stem = stems.get(word);
  if (stem === undefined) {
    stem = stemOf(word);
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stems.set(word, stem);
  }
  return stem;
}

function stemOf(word: string): string {
  if (word.length <= MIN_STEM || STEMMER_PROTECTED_WORDS.has(word) || /\d/.test(word)) return word;
  const base = stripPossessive(word);
  const prefixed = stripPrefix(base);
  if (prefixed && isPlausibleStem(prefixed.rest)) {
    if (prefixed.prefix === 'ke') {
      // ke- is only an affix together with -an ("kebakaran", "kecamatan"); "kedung" is a root.
      const confixed = prefixed.rest.endsWith('an') ? prefixed.rest.slice(0, -2) : '';
      return isPlausibleStem(confixed) ? confixed : stripDerivationalSuffix(base, null);
    }
    const stem = stripDerivationalSuffix(prefixed.rest, prefixed.prefix);
    return stem.length >= MIN_STEM ? stem : prefixed.rest;
  }
  return stripDerivationalSuffix(base, null);
}
