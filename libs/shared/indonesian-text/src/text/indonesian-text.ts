// Turns a complaint text into the terms the router compares: the text is lower-cased, stripped of
// punctuation, emoji and diacritics, its SMS spellings expanded ("jln" → "jalan", "ga" → "tidak"),
// then split into words with the function words dropped and the affixes stemmed away. Keyword
// rules, the gazetteer and the classifier all read text through these functions, so a keyword and
// a complaint are always compared in the same form.
import {
  COMPLAINT_PHRASE_REWRITES,
  COMPLAINT_SLANG,
  INDONESIAN_STOPWORDS,
} from './indonesian-lexicon';
import { stemIndonesian } from './indonesian-stemmer';

/** Tokens with this many digits are amounts, phone numbers or NIKs: noise for routing. */
const MAX_DIGITS_IN_TOKEN = 2;

/** A Map, not the lexicon's object: a token like "constructor" must not find Object.prototype's. */
const SLANG = new Map<string, readonly string[]>(Object.entries(COMPLAINT_SLANG).map(([k, v]) => [k, v.split(' ')]));

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 97;
const CODE_Z = 122;
const CODE_UNDERSCORE = 95;
const CODE_HYPHEN = 45;
const CODE_DOT = 46;
const CODE_COMMA = 44;

const isDigit = (c: number) => c >= CODE_0 && c <= CODE_9;
const isLetter = (c: number) => c >= CODE_A && c <= CODE_Z;
/** A regular expression's \w over lower-cased text, for the \b of the rules below (NaN, past the end, is none). */
const isWordChar = (c: number) => isLetter(c) || isDigit(c) || c === CODE_UNDERSCORE;

/**
 * The words of a lower-cased text in one pass over its characters, doing what these rewrites would
 * do in turn: "1.500"/"1,500" (a separator between a digit and exactly three digits) joins the
 * digits; "kata-kata" (a whole letter word, a hyphen, the same word) collapses to "kata"; every
 * character outside a–z and 0–9 separates words.
 */
function rawWords(s: string): string[] {
  const words: string[] = [];
  const n = s.length;
  let word = '';
  let from = -1; // start of the pending slice of s that belongs to the current word
  let i = 0;
  const flush = () => {
    if (from >= 0) word += s.slice(from, i);
    from = -1;
    if (word.length > 0) words.push(word);
    word = '';
  };
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) {
      if (isLetter(c) && (i === 0 || !isWordChar(s.charCodeAt(i - 1)))) {
        // Reduplication: only a letter word that starts at a word boundary.
        let end = i + 1;
        while (end < n && isLetter(s.charCodeAt(end))) end++;
        const length = end - i;
        if (
          s.charCodeAt(end) === CODE_HYPHEN &&
          !isWordChar(s.charCodeAt(end + 1 + length)) &&
          s.startsWith(s.slice(i, end), end + 1)
        ) {
          flush();
          words.push(s.slice(i, end));
          i = end + 1 + length;
          continue;
        }
      }
      if (from < 0) from = i;
      i++;
      continue;
    }
    if (
      (c === CODE_DOT || c === CODE_COMMA) &&
      i > 0 &&
      isDigit(s.charCodeAt(i - 1)) &&
      isDigit(s.charCodeAt(i + 1)) &&
      isDigit(s.charCodeAt(i + 2)) &&
      isDigit(s.charCodeAt(i + 3)) &&
      !isWordChar(s.charCodeAt(i + 4))
    ) {
      // The separator goes, the digits on both sides stay one word.
      if (from >= 0) word += s.slice(from, i);
      from = i + 1;
      i++;
      continue;
    }
    flush();
    i++;
  }
  flush();
  return words;
}

/** The phrase rewrites as words, and the first words they start with (most texts have none). */
const PHRASES = COMPLAINT_PHRASE_REWRITES.map(([from, to]) => ({ from: from.split(' '), to }));
const PHRASE_STARTS = new Set(PHRASES.map((p) => p.from[0]));

function rewritePhrases(words: string[]): string[] {
  if (!words.some((w) => PHRASE_STARTS.has(w))) return words;
  let current = words;
  for (const { from, to } of PHRASES) {
    const next: string[] = [];
    for (let i = 0; i < current.length; ) {
      let matches = i + from.length <= current.length;
      for (let j = 0; matches && j < from.length; j++) matches = current[i + j] === from[j];
      if (matches) {
        next.push(to);
        i += from.length;
      } else next.push(current[i++]);
    }
    current = next;
  }
  return current;
}

/** Normalised texts recently read: one complaint is read by the gazetteer, the rules and the model in turn. */
const recent = new Map<string, readonly string[]>();
const RECENT_TEXTS = 64;

/** The words of normaliseIndonesianText, shared and frozen: callers copy before changing. */
export function normalisedWords(text: string): readonly string[] {
  const known = recent.get(text);
  if (known) return known;
  const s = (ASCII_ONLY.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '')).toLowerCase();
  const result: string[] = [];
  for (const word of rewritePhrases(rawWords(s))) {
    const standard = SLANG.get(word);
    if (standard) result.push(...standard);
    else result.push(word);
  }
  // Cleared rather than evicted one by one: cheaper, and a burst of new texts does not need the old.
  if (recent.size >= RECENT_TEXTS) recent.clear();
  recent.set(text, Object.freeze(result));
  return result;
}

/**
 * Lower case, no diacritics, punctuation or emoji, SMS spellings and abbreviations expanded,
 * reduplication collapsed ("anak-anak" → "anak"); words separated by single spaces. Stopwords are
 * kept, so phrases like "kecamatan cikarang utara" survive for the gazetteer.
 */
export function normaliseIndonesianText(text: string): string {
  return normalisedWords(text).join(' ');
}

function isNoise(token: string): boolean {
  if (token.length < 2) return true;
  let digits = 0;
  for (let i = 0; i < token.length; i++) if (isDigit(token.charCodeAt(i))) digits++;
  return digits > MAX_DIGITS_IN_TOKEN;
}

/** Normalised words without stopwords and noise tokens, not yet stemmed (for character n-grams). */
export function contentWords(text: string): string[] {
  return normalisedWords(text).filter((token) => !INDONESIAN_STOPWORDS.has(token) && !isNoise(token));
}

/** The stemmed content words of `text`, in order: the unigrams every router component uses. */
export function tokenise(text: string): string[] {
  const tokens: string[] = [];
  for (const word of contentWords(text)) {
    const stem = stemIndonesian(word);
    if (!INDONESIAN_STOPWORDS.has(stem) && !isNoise(stem)) tokens.push(stem);
  }
  return tokens;
}

/** Adjacent pairs of tokens, joined by a space ("jalan lubang"). */
export function wordBigrams(tokens: readonly string[]): string[] {
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) bigrams.push(`${tokens[i]} ${tokens[i + 1]}`);
  return bigrams;
}

/** Unigrams followed by bigrams of `text`. */
export function wordTerms(text: string): string[] {
  const tokens = tokenise(text);
  return [...tokens, ...wordBigrams(tokens)];
}

/**
 * Character n-grams of each content word, padded with "_" at both ends, so that misspellings
 * ("sampahh", "lubng") still share most of their grams with the correct spelling.
 */
export function characterNgrams(text: string, minN = 3, maxN = 5): string[] {
  const grams: string[] = [];
  for (const word of contentWords(text)) {
    const padded = `_${word}_`;
    for (let n = minN; n <= maxN; n++) {
      for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
    }
  }
  return grams;
}
