// Unit codes and names as the router shows them to an admin. Matching the free-text names of
// exports to codes is @bekasi/indonesian-text's UnitNameMatcher; learning units from an export's
// labels is units-from-labels.
import { UNITS, type UnitReference } from '@bekasi/reference-data';

/** Prefix of the camat units' codes (`KEC_BABELAN`). */
export const CAMAT_UNIT_PREFIX = 'KEC_';

export function isCamatUnit(unitCode: string): boolean {
  return unitCode.startsWith(CAMAT_UNIT_PREFIX);
}

/** How a unit is named in reasons shown to an admin: "Dinas SDABMBK", "Kecamatan Babelan". */
export function unitLabel(unitCode: string, units: readonly UnitReference[] = UNITS): string {
  const unit = units.find((u) => u.code === unitCode);
  if (!unit) return unitCode;
  return unit.kind === 'kecamatan' || unit.provisional || unit.abbr.length === 0 ? unit.name : unit.abbr;
}
