import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule, PRINCIPAL_VALIDATOR } from '@bekasi/auth';
import type { Clock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000, MessagingModule } from '@bekasi/messaging';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { DeskConfig } from './desk.config';
import { CreateDeskTables1764100000000 } from './persistence/migrations/1764100000000-create-desk-tables';
import { UnitGroupAnnouncements1765000000001 } from './persistence/migrations/1765000000001-unit-group-announcements';
import { UnitGroupChangedAt1765000000002 } from './persistence/migrations/1765000000002-unit-group-changed-at';
import { CreateLaporLoopTables1764950000000, LAPOR_LOOP_CONTROLLERS, laporLoopImports, laporLoopProviders } from './lapor-loop/lapor-loop.module-parts';
import { ReporterKeyGuard } from './reporter/reporter-key.guard';
import { ReporterHttpController } from './reporter/reporter.http.controller';
import { RoutingEventsHandler } from './routing-events/routing-events.event-handler';
import { TicketEventPublisher } from './tickets/ticket-event.publisher';
import { TicketWorkflow } from './tickets/ticket-workflow.service';
import { TicketsHttpController } from './tickets/tickets.http.controller';
import { TicketStatsHttpController } from './stats/ticket-stats.http.controller';
import { AuthHttpController } from './users/auth.http.controller';
import { DemoSeed } from './users/demo-seed';
import { UnitGroupsAnnouncement } from './users/unit-groups-announcement';
import { UserDirectory } from './users/user-directory.service';
import { UnitsHttpController, UsersHttpController } from './users/users.http.controller';

export interface DeskModuleOptions {
  /** Already validated configuration (tests); otherwise read from the environment. */
  configValues?: DeskConfig;
  clock?: Clock;
}

/** Desk: tickets and their state machine, the officers' and admin's API, users and roles, the audit trail. */
@Module({})
export class DeskModule {
  static forRoot(options: DeskModuleOptions = {}): DynamicModule {
    const config = options.configValues ?? loadConfig(DeskConfig);
    return {
      module: DeskModule,
      imports: [
        PlatformModule.forService({
          service: 'desk',
          configValues: config,
          clock: options.clock,
          migrations: [CreateMessagingTables1763900000000, CreateDeskTables1764100000000, CreateLaporLoopTables1764950000000, UnitGroupAnnouncements1765000000001, UnitGroupChangedAt1765000000002],
        }),
        MessagingModule,
        ...laporLoopImports(config),
        AuthModule.forRoot({
          config,
          issue: { accessTtlSeconds: config.AUTH_ACCESS_TTL_SECONDS, refreshTtlSeconds: config.AUTH_REFRESH_TTL_SECONDS },
          login: { limit: config.LOGIN_RATE_LIMIT },
          providers: [UserDirectory, { provide: PRINCIPAL_VALIDATOR, useExisting: UserDirectory }],
        }),
      ],
      controllers: [TicketStatsHttpController, TicketsHttpController, ReporterHttpController, AuthHttpController, UsersHttpController, UnitsHttpController, ...LAPOR_LOOP_CONTROLLERS],
      providers: [TicketEventPublisher, TicketWorkflow, RoutingEventsHandler, ReporterKeyGuard, DemoSeed, UnitGroupsAnnouncement, ...laporLoopProviders(config)],
    };
  }
}
