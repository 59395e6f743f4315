import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@bekasi/auth';
import type { Clock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000, MessagingModule } from '@bekasi/messaging';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { CreateUnitGroups1765000000000, UnitDirectoryModule } from '@bekasi/unit-directory';
import { DeadlineReminders } from './alerts/deadline-reminders';
import { AlertDeliveries } from './alerts/alert-deliveries';
import { EscalationConfig } from './escalation.config';
import { EscalationsHttpController } from './http/escalations.http.controller';
import { EscalationEventsHandler } from './ladder/escalation.event-handler';
import { EscalationLadderWorkflow } from './ladder/escalation-ladder.workflow';
import { EscalationAlertsWorkflow } from './alerts/escalation-alerts.workflow';
import { RegistryUnitGroups } from './units/unit-groups';
import { EscalationPoller } from './ladder/escalation-poller';
import { CreateEscalationTables1764300000000 } from './persistence/migrations/1764300000000-create-escalation-tables';
import { CreateReminders1764300000001 } from './persistence/migrations/1764300000001-create-reminders';
import { UnitGroupsFromRegistry1764300000002 } from './persistence/migrations/1764300000002-unit-groups-from-registry';

export interface EscalationModuleOptions {
  /** Validated configuration (tests); the environment otherwise. */
  configValues?: EscalationConfig;
  clock?: Clock;
}

@Module({})
export class EscalationAppModule {
  static forRoot(options: EscalationModuleOptions = {}): DynamicModule {
    const config = options.configValues ?? loadConfig(EscalationConfig);
    return {
      module: EscalationAppModule,
      imports: [
        PlatformModule.forService({
          service: 'escalation',
          config: EscalationConfig,
          configValues: config,
          clock: options.clock,
          entities: [],
          migrations: [CreateMessagingTables1763900000000, CreateEscalationTables1764300000000, CreateReminders1764300000001, UnitGroupsFromRegistry1764300000002, CreateUnitGroups1765000000000],
        }),
        MessagingModule,
        UnitDirectoryModule,
        AuthModule.forRoot({ config }),
      ],
      controllers: [EscalationsHttpController],
      providers: [RegistryUnitGroups, EscalationLadderWorkflow, EscalationAlertsWorkflow, AlertDeliveries, DeadlineReminders, EscalationPoller, EscalationEventsHandler],
    };
  }
}
