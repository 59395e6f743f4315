// Unit names as people and LAPOR! exports write them, and as the router shows them to an admin.
// Exports spell one unit several ways ("Dinas Sosial Kabupaten Bekasi", "Dinas Sosial Kab. Bekasi",
// upper case), so names are compared after dropping case, punctuation and the regency suffix.
import { UNITS, type UnitReference } from '@bekasi/reference-data';

/** Prefix of the camat units' codes (`KEC_BABELAN`). */
export const CAMAT_UNIT_PREFIX = 'KEC_';

export function isCamatUnit(unitCode: string): boolean {
  return unitCode.startsWith(CAMAT_UNIT_PREFIX);
}

/** Lower case, no punctuation, without "Kabupaten Bekasi" / "Kab. Bekasi". */
export function normaliseUnitName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(kabupaten|kab) bekasi\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The code of the unit `name` refers to, by its full name or abbreviation in any of the export
 * spellings; null for names that are not a handling unit (e.g. "Pemerintah Kabupaten Bekasi").
 */
export function matchUnitName(name: string, units: readonly UnitReference[] = UNITS): string | null {
  const wanted = normaliseUnitName(name);
  if (wanted.length === 0) return null;
  for (const unit of units) {
    if (normaliseUnitName(unit.name) === wanted || normaliseUnitName(unit.abbr) === wanted) return unit.code;
  }
  return null;
}

/** How a unit is named in reasons shown to an admin: "Dinas SDABMBK", "Kecamatan Babelan". */
export function unitLabel(unitCode: string, units: readonly UnitReference[] = UNITS): string {
  const unit = units.find((u) => u.code === unitCode);
  if (!unit) return unitCode;
  return unit.kind === 'kecamatan' ? unit.name : unit.abbr;
}
