// LAPOR! exports and people name a unit in free text: "Dinas Sosial Kab. Bekasi", "DINAS SOSIAL
// KABUPATEN GARUT", "Dinas Lingkungan Hidup", "DLH", "Dinas Kesehatan dan KB", "Kec. Babelan",
// "Dinas Pendidkan" (typo). The matcher resolves such a label to a unit of a registry, and says
// how it did, so an evaluation can print why a label matched or did not.
//
// Tiers, first hit wins: the exact normalised name, abbreviation or alias; the same without
// spaces ("Muara Gembong"/"Muaragembong"); the same words in another order; an acronym of the
// name ("DLH" for "Dinas Lingkungan Hidup"); a near spelling (one or two letters off).
// A spelling two units share identifies neither: the matcher says "unknown" instead of guessing.
import { KECAMATAN, UNITS, type KecamatanReference, type UnitReference } from '@bekasi/reference-data';

export interface MatchableUnit {
  code: string;
  name: string;
  abbr: string;
  aliases?: readonly string[];
  /** For camat units: the names by which their kecamatan is known ("Tamsel"). */
  placeNames?: readonly string[];
}

/** The matcher's view of registry units: camat units are also known by their kecamatan's aliases. */
export function matchableUnits(units: readonly UnitReference[], kecamatan: readonly KecamatanReference[] = []): MatchableUnit[] {
  const byCode = new Map(kecamatan.map((k) => [k.code, k]));
  return units.map((u) => {
    const k = u.kecamatan ? byCode.get(u.kecamatan) : undefined;
    return { code: u.code, name: u.name, abbr: u.abbr, aliases: u.aliases ?? [], placeNames: k ? [k.name, ...k.aliases] : [] };
  });
}

export type UnitMatchHow = 'name' | 'compact' | 'word-order' | 'acronym' | 'typo';

export interface UnitMatch {
  unitCode: string;
  how: UnitMatchHow;
}

const QUALIFIERS: Readonly<Record<string, string>> = {
  kab: 'kabupaten',
  kabupatn: 'kabupaten',
  pemkab: 'pemerintah kabupaten',
  pemkot: 'pemerintah kota',
  kec: 'kecamatan',
  camat: 'kecamatan',
  kel: 'kelurahan',
  ds: 'desa',
  setda: 'sekretariat daerah',
  sekda: 'sekretariat daerah',
};

/**
 * Lower case, no punctuation or diacritics, "&" read as "dan", "Kab."/"Kec."/"Camat"/"Pemkab"
 * spelled out, and the regency suffix ("Kabupaten Garut", "Kab. Bandung Barat", "Kota …") removed
 * when a name stands before it, so "Pemerintah Kabupaten X" becomes "pemerintah" and "Kabupaten
 * X" alone stays as it is.
 */
export function normaliseUnitName(raw: string): string {
  const words = raw
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => (QUALIFIERS[w] ?? w).split(' '));
  const suffix = words.findIndex((w, i) => i > 0 && (w === 'kabupaten' || w === 'kota'));
  // "Dinas Sosial Pemerintah Kabupaten X": the "pemerintah" belongs to the suffix.
  const cut = suffix > 1 && words[suffix - 1] === 'pemerintah' ? suffix - 1 : suffix;
  const kept = suffix > 0 ? words.slice(0, cut) : words;
  return kept.join(' ');
}

function compact(key: string): string {
  return key.replace(/ /g, '');
}

const CONNECTIVES = new Set(['dan', 'serta']);

function wordOrderKey(key: string): string {
  return key
    .split(' ')
    .filter((w) => !CONNECTIVES.has(w))
    .sort()
    .join(' ');
}

function acronymKeys(key: string): string[] {
  const words = key.split(' ');
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const content = words.filter((w) => !CONNECTIVES.has(w)).map((w) => w[0]).join('');
  return [...new Set([all, content])].filter((k) => k.length >= 3);
}

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let best = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1];
}

const PLACE_PREFIXES = ['kecamatan', 'kelurahan', 'desa'];

/**
 * Letters of difference a spelling may have and still count as a typo. Place names are short and
 * differ by a letter ("Sukamaju", "Sukamaja" are two villages): only long ones get an allowance.
 */
function typoAllowance(compactKey: string): number {
  const prefix = PLACE_PREFIXES.find((p) => compactKey.startsWith(p));
  if (prefix) return compactKey.length - prefix.length >= 10 ? 1 : 0;
  // A typo is a slip of a letter or two, not a missing word: "Dinas Sosial, Pemberdayaan
  // Perempuan…" is another unit than "Dinas Pemberdayaan Perempuan…".
  return compactKey.length < 8 ? 0 : compactKey.length < 24 ? 1 : 2;
}

class SpellingIndex {
  private readonly codes = new Map<string, Set<string>>();

  add(key: string, code: string): void {
    if (key.length === 0) return;
    const set = this.codes.get(key) ?? new Set<string>();
    set.add(code);
    this.codes.set(key, set);
  }

  /** The one code spelt `key`; null when none or several. */
  get(key: string): string | null {
    const set = this.codes.get(key);
    return set && set.size === 1 ? [...set][0] : null;
  }

  keys(): IterableIterator<[string, Set<string>]> {
    return this.codes.entries();
  }
}

export class UnitNameMatcher {
  private readonly exact = new SpellingIndex();
  private readonly compactIndex = new SpellingIndex();
  private readonly wordOrder = new SpellingIndex();
  private readonly acronyms = new SpellingIndex();
  private readonly cache = new Map<string, UnitMatch | null>();

  /** The configured regency's units (see @bekasi/reference-data), with `aliases` a regency adds. */
  static forRegency(
    units: readonly UnitReference[] = UNITS,
    kecamatan: readonly KecamatanReference[] = KECAMATAN,
    aliases: Readonly<Record<string, readonly string[]>> = {},
  ): UnitNameMatcher {
    return new UnitNameMatcher(matchableUnits(units, kecamatan), aliases);
  }

  /**
   * @param aliases more spellings per unit code (a regency's own aid, not an official list)
   */
  constructor(units: readonly MatchableUnit[] = matchableUnits(UNITS, KECAMATAN), aliases: Readonly<Record<string, readonly string[]>> = {}) {
    for (const unit of units) {
      const spellings = [
        unit.name,
        unit.abbr,
        ...(unit.aliases ?? []),
        ...(aliases[unit.code] ?? []),
        ...(unit.placeNames ?? []).map((p) => `Kecamatan ${p}`),
      ];
      for (const spelling of spellings) {
        const key = normaliseUnitName(spelling);
        this.exact.add(key, unit.code);
        this.compactIndex.add(compact(key), unit.code);
        this.wordOrder.add(wordOrderKey(key), unit.code);
      }
      for (const acronym of acronymKeys(normaliseUnitName(unit.name))) this.acronyms.add(acronym, unit.code);
    }
  }

  /** The unit code for a label, or null for blanks and names of no single registry unit. */
  match(raw: string | null | undefined): string | null {
    return this.resolve(raw)?.unitCode ?? null;
  }

  /** The unit a label names and how it was recognised; null when none. */
  resolve(raw: string | null | undefined): UnitMatch | null {
    if (raw === null || raw === undefined) return null;
    const key = normaliseUnitName(raw);
    if (key.length === 0) return null;
    if (this.cache.has(key)) return this.cache.get(key)!;
    const found = this.lookup(key);
    if (this.cache.size < 10_000) this.cache.set(key, found);
    return found;
  }

  private lookup(key: string): UnitMatch | null {
    const exact = this.exact.get(key);
    if (exact) return { unitCode: exact, how: 'name' };
    const compacted = this.compactIndex.get(compact(key));
    if (compacted) return { unitCode: compacted, how: 'compact' };
    const reordered = this.wordOrder.get(wordOrderKey(key));
    if (reordered) return { unitCode: reordered, how: 'word-order' };
    if (!key.includes(' ')) {
      const acronym = this.acronyms.get(key);
      if (acronym) return { unitCode: acronym, how: 'acronym' };
    }
    const target = compact(key);
    const allowance = typoAllowance(target);
    if (allowance === 0) return null;
    let best: { code: string; distance: number } | null = null;
    let tie = false;
    // "UPTD Puskesmas 1" and "UPTD Puskesmas 2" are two units: numbers must agree exactly.
    const digits = target.replace(/\D/g, '');
    for (const [candidate, codes] of this.compactIndex.keys()) {
      if (codes.size !== 1 || candidate.length < 8 || candidate.replace(/\D/g, '') !== digits) continue;
      const distance = editDistance(target, candidate, allowance);
      if (distance > allowance) continue;
      const code = [...codes][0];
      if (!best || distance < best.distance) {
        best = { code, distance };
        tie = false;
      } else if (distance === best.distance && code !== best.code) {
        tie = true;
      }
    }
    return best && !tie ? { unitCode: best.code, how: 'typo' } : null;
  }
}
