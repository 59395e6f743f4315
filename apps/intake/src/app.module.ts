import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { AuthModule } from '@bekasi/auth';
import type { Clock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000, MessagingModule } from '@bekasi/messaging';
import { loadConfig, PlatformModule } from '@bekasi/platform';
import { ComplaintIntakeService } from './complaint-intake/complaint-intake.service';
import { DemoSeed } from './demo-seed/demo-seed';
import { ImportExportHttpController } from './import-export/import-export.http.controller';
import { ImportExportService } from './import-export/import-export.service';
import { IntakeConfig } from './intake.config';
import { CreateLaporConnectorTables1764900000000, LaporConnectorModule } from './lapor-connector/lapor-connector.module';
import { LaporUpdatesWebhookHttpController } from './lapor-connector/lapor-updates-webhook.http.controller';
import { CreateReporterNotices1764900000001, ReporterNoticesModule } from './reporter-notices/reporter-notices.module';
import { LaporApiClient } from './lapor-poll/lapor-api.client';
import { LAPOR_POLLER_HOOKS, LaporPoller, type LaporPollerHooks } from './lapor-poll/lapor-poller';
import { ComplaintEntity } from './persistence/complaint.entity';
import { ImportRunEntity } from './persistence/import-run.entity';
import { LaporPollCursorEntity } from './persistence/lapor-poll-cursor.entity';
import { CreateIntakeTables1764100000000 } from './persistence/migrations/1764100000000-create-intake-tables';
import { AddTextSignature1765000000000 } from './persistence/migrations/1765000000000-add-text-signature';
import { AddDuplicateCandidateIndex1765000000001 } from './persistence/migrations/1765000000001-add-duplicate-candidate-index';
import { AddUntopicalCandidateIndex1765000000002 } from './persistence/migrations/1765000000002-add-untopical-candidate-index';
import { ChannelRegistry } from './receive-complaint/channel-registry';
import { ChannelSignatureGuard } from './receive-complaint/channel-signature.guard';
import { ReceiveComplaintHttpController } from './receive-complaint/receive-complaint.http.controller';
import { SourceThrottlerGuard } from './rate-limit/source-throttler.guard';

export interface IntakeModuleOptions {
  configValues?: IntakeConfig;
  clock?: Clock;
  pollerHooks?: LaporPollerHooks;
}

@Module({})
export class AppModule {
  static forRoot(options: IntakeModuleOptions = {}): DynamicModule {
    const config = options.configValues ?? loadConfig(IntakeConfig);
    const extra: Provider[] = options.pollerHooks ? [{ provide: LAPOR_POLLER_HOOKS, useValue: options.pollerHooks }] : [];
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'intake',
          configValues: config,
          clock: options.clock,
          entities: [ComplaintEntity, LaporPollCursorEntity, ImportRunEntity],
          migrations: [CreateMessagingTables1763900000000, CreateIntakeTables1764100000000, CreateLaporConnectorTables1764900000000, CreateReporterNotices1764900000001, AddTextSignature1765000000000, AddDuplicateCandidateIndex1765000000001, AddUntopicalCandidateIndex1765000000002],
        }),
        MessagingModule,
        LaporConnectorModule.forRoot(config),
        ReporterNoticesModule,
        AuthModule.forRoot({ config }),
        MulterModule.register({ limits: { fileSize: config.IMPORT_MAX_FILE_MB * 1024 * 1024, files: 1 } }),
      ],
      controllers: [ReceiveComplaintHttpController, ImportExportHttpController, LaporUpdatesWebhookHttpController],
      providers: [ComplaintIntakeService, ImportExportService, LaporApiClient, LaporPoller, DemoSeed, SourceThrottlerGuard, ChannelRegistry, ChannelSignatureGuard, ...extra],
    };
  }
}

