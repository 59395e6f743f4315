import { Injectable } from '@nestjs/common';
import type { UnitGroups } from '@bekasi/escalation-domain';
import { unitByCode, unitsOfAsdaGroup } from '@bekasi/reference-data';

/**
 * The Asda group of each unit, read from the units registry (reference-data) at every use, never
 * copied onto an alert: regrouping a unit there moves its escalations to the new Asda.
 */
@Injectable()
export class RegistryUnitGroups implements UnitGroups {
  asdaOf(unitCode: string): string | null {
    return unitByCode(unitCode)?.asda ?? null;
  }

  unitsOf(asdaGroup: string): readonly string[] {
    return unitsOfAsdaGroup(asdaGroup);
  }
}
