import { Injectable } from '@nestjs/common';
import { ASDA_TITLES, unitByCode, UNITS, unitsOfAsdaGroup, type AsdaGroup } from '@bekasi/reference-data';

export interface UnitEntry {
  code: string;
  name: string;
  asda: string;
  asdaTitle: string;
}

/**
 * The units of the regency and their Asda group, read from the units registry (reference-data) at
 * every use, never copied into IKP tables: a regrouped unit's board row, scope and verifier follow
 * the registry at once.
 */
@Injectable()
export class UnitRegistry {
  all(): UnitEntry[] {
    return UNITS.map((u) => ({ code: u.code, name: u.name, asda: u.asda, asdaTitle: ASDA_TITLES[u.asda] ?? `Asisten ${u.asda}` }));
  }

  find(code: string): UnitEntry | null {
    const u = unitByCode(code);
    return u ? { code: u.code, name: u.name, asda: u.asda, asdaTitle: ASDA_TITLES[u.asda] ?? `Asisten ${u.asda}` } : null;
  }

  asdaOf(code: string): string | null {
    return unitByCode(code)?.asda ?? null;
  }

  unitsOfAsda(group: string): readonly string[] {
    return unitsOfAsdaGroup(group as AsdaGroup);
  }
}
