import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@bekasi/auth';
import type { Clock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000, MessagingAdminModule, MessagingModule } from '@bekasi/messaging';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { CreateUnitGroups1765000000000, UnitDirectoryModule } from '@bekasi/unit-directory';
import { SlaPolicyContext } from './clocks/sla-policy-context';
import { TicketClocksHandler } from './clocks/ticket-clocks.event-handler';
import { SlaHttpController } from './http/sla.http.controller';
import { SlaPoliciesHttpController } from './http/sla-policies.http.controller';
import { CreateSlaTables1764200000000 } from './persistence/migrations/1764200000000-create-sla-tables';
import { CreatePolicyVersions1764200000001 } from './persistence/migrations/1764200000001-create-policy-versions';
import { QueuesBoardModule } from './queues-board/queues-board.module';
import { SlaConfig } from './sla.config';
import { SlaTimerQueue } from './timers/sla-timer-queue';
import { TimerFiring } from './timers/timer-firing.service';

export interface SlaModuleOptions {
  /** Validated configuration (tests); the environment otherwise. */
  configValues?: SlaConfig;
  clock?: Clock;
}

@Module({})
export class SlaAppModule {
  static forRoot(options: SlaModuleOptions = {}): DynamicModule {
    const config = options.configValues ?? loadConfig(SlaConfig);
    return {
      module: SlaAppModule,
      imports: [
        PlatformModule.forService({
          service: 'sla',
          config: SlaConfig,
          configValues: config,
          clock: options.clock,
          entities: [],
          migrations: [CreateMessagingTables1763900000000, CreateSlaTables1764200000000, CreatePolicyVersions1764200000001, CreateUnitGroups1765000000000],
        }),
        MessagingModule,
        UnitDirectoryModule,
        // The backbone's dead-letter and set-aside admin API for the whole system (/api/v1/admin/messaging).
        MessagingAdminModule.forRoot(),
        AuthModule.forRoot({ config }),
        // Bull Board at /queues for the LAPOR admin (cookie from POST /api/v1/sla/queues/session).
        QueuesBoardModule,
      ],
      controllers: [SlaHttpController, SlaPoliciesHttpController],
      providers: [SlaPolicyContext, TimerFiring, SlaTimerQueue, TicketClocksHandler],
    };
  }
}
