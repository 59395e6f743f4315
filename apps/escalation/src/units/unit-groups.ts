import { Injectable } from '@nestjs/common';
import type { UnitGroups } from '@bekasi/escalation-domain';
import { AsdaDirectory } from '@bekasi/unit-directory';

/**
 * The Asda group of each unit, from escalation's copy of the groups admins edit in desk, read at
 * every use and never copied onto an alert: regrouping a unit moves its escalations to the new Asda.
 */
@Injectable()
export class RegistryUnitGroups implements UnitGroups {
  constructor(private readonly directory: AsdaDirectory) {}

  asdaOf(unitCode: string): string | null {
    return this.directory.groupOf(unitCode);
  }

  unitsOf(asdaGroup: string): readonly string[] {
    return this.directory.unitsOfAsda(asdaGroup);
  }
}
