// LAPOR! exports name the unit a report went to in free text: "Dinas Sosial Kab. Bekasi",
// "DINAS SOSIAL KABUPATEN BEKASI", "Kecamatan Babelan", or an abbreviation. Back-fill and the
// router's training set need the unit code, so names are normalised and looked up.
import { KECAMATAN, KecamatanReference, UNITS, UnitReference } from '@bekasi/reference-data';

const REGENCY_SUFFIX = /\s+(?:pemerintah\s+)?(?:kabupaten|kab|pemkab)\s+bekasi$/;

/**
 * Lower case, punctuation and the "Kabupaten Bekasi" / "Kab. Bekasi" suffix removed, "&" read as
 * "dan", "Kec." and "Camat" read as "Kecamatan". Names that differ only in these ways normalise
 * alike.
 */
export function normaliseUnitName(raw: string): string {
  const words = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:kec|camat) /, 'kecamatan ');
  // The suffix needs a word before it, so "Kabupaten Bekasi" alone is never emptied.
  return words.replace(REGENCY_SUFFIX, '');
}

/** Without spaces, so "Muara Gembong" and "Muaragembong" meet. */
function compactKey(normalised: string): string {
  return normalised.replace(/ /g, '');
}

/**
 * Spellings seen outside the reference file's name and abbr. A matching aid a regency extends
 * through the constructor, not an official list.
 */
export const DEFAULT_UNIT_ALIASES: Readonly<Record<string, readonly string[]>> = {
  TIRTA_BHAGASASI: ['Perumda Tirta Bhagasasi', 'Tirta Bhagasasi'],
  SDABMBK: ['SDABMBK', 'DSDABMBK', 'Dinas SDA Bina Marga dan Bina Konstruksi'],
  DP3A: ['DPPPA', 'Dinas PPPA'],
  DISDAMKAR: ['Damkar', 'Dinas Damkar'],
  DPMPTSP: ['Dinas PMPTSP'],
  DISKOMINFOSANTIK: ['Diskominfo'],
};

export class UnitNameMatcher {
  private readonly codeByKey = new Map<string, string>();

  constructor(
    units: readonly UnitReference[] = UNITS,
    kecamatan: readonly KecamatanReference[] = KECAMATAN,
    extraAliases: Readonly<Record<string, readonly string[]>> = DEFAULT_UNIT_ALIASES,
  ) {
    const spellings = new Map<string, Set<string>>();
    const add = (spelling: string, code: string) => {
      const normalised = normaliseUnitName(spelling);
      for (const key of [normalised, compactKey(normalised)]) {
        const codes = spellings.get(key) ?? new Set<string>();
        codes.add(code);
        spellings.set(key, codes);
      }
    };
    const kecamatanByCode = new Map(kecamatan.map((k) => [k.code, k]));
    for (const unit of units) {
      add(unit.name, unit.code);
      add(unit.abbr, unit.code);
      for (const alias of extraAliases[unit.code] ?? []) add(alias, unit.code);
      const governed = unit.kecamatan === undefined ? undefined : kecamatanByCode.get(unit.kecamatan);
      for (const alias of governed?.aliases ?? []) add(`Kecamatan ${alias}`, unit.code);
    }
    // A spelling shared by two units identifies neither; leaving it out makes the matcher say
    // "unknown" instead of guessing.
    for (const [key, codes] of spellings) {
      if (codes.size === 1) this.codeByKey.set(key, [...codes][0]);
    }
  }

  /** The unit code for an exported unit name, or null for blanks and bodies outside the list. */
  match(raw: string | null | undefined): string | null {
    if (raw === null || raw === undefined || raw.trim() === '') return null;
    const normalised = normaliseUnitName(raw);
    return this.codeByKey.get(normalised) ?? this.codeByKey.get(compactKey(normalised)) ?? null;
  }
}
