import { Module } from '@nestjs/common';
import { ASDA_DIRECTORY } from '@bekasi/auth';
import { AsdaDirectory } from './asda-directory';
import { UnitRegroupedHandler } from './unit-regrouped.event-handler';

/**
 * The Asda groups of a service that scopes by them (sla, escalation, ikp). Import it beside
 * MessagingModule and add `CreateUnitGroups1765000000000` to the service's migrations.
 */
@Module({
  providers: [AsdaDirectory, UnitRegroupedHandler, { provide: ASDA_DIRECTORY, useExisting: AsdaDirectory }],
  exports: [AsdaDirectory, ASDA_DIRECTORY],
})
export class UnitDirectoryModule {}
