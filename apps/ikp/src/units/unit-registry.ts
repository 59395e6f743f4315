import { Injectable } from '@nestjs/common';
import { ASDA_TITLES, unitByCode, UNITS, type AsdaGroup, type UnitReference } from '@bekasi/reference-data';
import { AsdaDirectory } from '@bekasi/unit-directory';

export interface UnitEntry {
  code: string;
  name: string;
  asda: string;
  asdaTitle: string;
}

/**
 * The units of the regency (reference data) and their Asda group (ikp's copy of the groups admins
 * edit in desk), read at every use, never copied into IKP tables: a regrouped unit's board row,
 * scope and verifier follow at once.
 */
@Injectable()
export class UnitRegistry {
  constructor(private readonly directory: AsdaDirectory) {}

  all(): UnitEntry[] {
    return UNITS.map((u) => this.entryOf(u));
  }

  find(code: string): UnitEntry | null {
    const u = unitByCode(code);
    return u ? this.entryOf(u) : null;
  }

  asdaOf(code: string): string | null {
    return this.directory.groupOf(code);
  }

  unitsOfAsda(group: string): readonly string[] {
    return this.directory.unitsOfAsda(group);
  }

  private entryOf(u: UnitReference): UnitEntry {
    const asda = this.directory.groupOf(u.code) ?? u.asda;
    return { code: u.code, name: u.name, asda, asdaTitle: ASDA_TITLES[asda as AsdaGroup] ?? `Asisten ${asda}` };
  }
}
