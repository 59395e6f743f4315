import type { AuthPrincipal } from './principal';
import type { AsdaGroupCode } from './roles';

/** Which units' tickets a caller may see: every unit, or a fixed list (possibly empty). */
export type UnitScope = { readonly allUnits: true } | { readonly allUnits: false; readonly unitCodes: readonly string[] };

/** Where the Asda groups are kept (desk: its configurable units table). */
export interface AsdaDirectory {
  unitsOfAsda(group: AsdaGroupCode): Promise<readonly string[]> | readonly string[];
}

/** Nest token of a service's AsdaDirectory (provided by `@bekasi/unit-directory`'s UnitDirectoryModule). */
export const ASDA_DIRECTORY = Symbol('ASDA_DIRECTORY');

export const ALL_UNITS: UnitScope = { allUnits: true };

/**
 * Officer and unit head: their unit. Asda: the units of their Asisten Daerah group. Admin, Sekda
 * and Bupati: every unit. A user missing the binding their role needs sees nothing.
 */
export async function unitScopeOf(principal: AuthPrincipal, directory: AsdaDirectory): Promise<UnitScope> {
  switch (principal.role) {
    case 'admin':
    case 'sekda':
    case 'bupati':
      return ALL_UNITS;
    case 'officer':
    case 'unit_head':
      return { allUnits: false, unitCodes: principal.unitCode ? [principal.unitCode] : [] };
    case 'asda':
      return { allUnits: false, unitCodes: principal.asdaGroup ? [...(await directory.unitsOfAsda(principal.asdaGroup))] : [] };
  }
}

export function scopeIncludes(scope: UnitScope, unitCode: string | null): boolean {
  if (scope.allUnits) return true;
  return unitCode !== null && scope.unitCodes.includes(unitCode);
}
