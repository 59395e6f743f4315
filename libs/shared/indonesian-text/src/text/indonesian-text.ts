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

/**
 * Lower case, no diacritics, punctuation or emoji, SMS spellings and abbreviations expanded,
 * reduplication collapsed ("anak-anak" → "anak"); words separated by single spaces. Stopwords are
 * kept, so phrases like "kecamatan cikarang utara" survive for the gazetteer.
 */
export function normaliseIndonesianText(text: string): string {
  let s = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  // "Rp5.000" and "1,500" are one number, not two tokens.
  s = s.replace(/(\d)[.,](?=\d{3}\b)/g, '$1');
  s = s.replace(/\b([a-z]+)-\1\b/g, '$1');
  s = s.replace(/[^a-z0-9]+/g, ' ');
  for (const [pattern, replacement] of COMPLAINT_PHRASE_REWRITES) s = s.replace(pattern, replacement);
  return s
    .split(' ')
    .filter((token) => token.length > 0)
    .map((token) => COMPLAINT_SLANG[token] ?? token)
    .join(' ');
}

function isNoise(token: string): boolean {
  if (token.length < 2) return true;
  let digits = 0;
  for (const c of token) if (c >= '0' && c <= '9') digits++;
  return digits > MAX_DIGITS_IN_TOKEN;
}

/** Normalised words without stopwords and noise tokens, not yet stemmed (for character n-grams). */
export function contentWords(text: string): string[] {
  return normaliseIndonesianText(text)
    .split(' ')
    .filter((token) => token.length > 0 && !INDONESIAN_STOPWORDS.has(token) && !isNoise(token));
}

/** The stemmed content words of `text`, in order: the unigrams every router component uses. */
export function tokenise(text: string): string[] {
  return contentWords(text)
    .map(stemIndonesian)
    .filter((stem) => !INDONESIAN_STOPWORDS.has(stem) && !isNoise(stem));
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
