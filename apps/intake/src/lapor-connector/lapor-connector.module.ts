import { Module, type DynamicModule } from '@nestjs/common';
import { fileStoreFromConfig } from '@bekasi/file-store';
import type { IntakeConfig } from '../intake.config';
import { LaporConnectorHttpController } from './lapor-connector.http.controller';
import { LaporDriftReconciler } from './lapor-drift.reconciler';
import { LaporIntegrationClient } from './lapor-integration.client';
import { LAPOR_FILE_STORE, LaporSender } from './lapor-sender';
import { LaporUpdatesPoller } from './lapor-updates.poller';
import { TicketEventsHandler } from './ticket-events.event-handler';

export { CreateLaporConnectorTables1764900000000 } from './1764900000000-create-lapor-connector-tables';

/**
 * The outbound half of the LAPOR! integration (disposisi, tindak lanjut with files, info requests,
 * reassignments, closure), the updates read back, and the drift check. Off unless
 * LAPOR_CONNECTOR_BASE_URL is set; the admin routes answer either way.
 */
@Module({})
export class LaporConnectorModule {
  static forRoot(config: IntakeConfig): DynamicModule {
    return {
      module: LaporConnectorModule,
      controllers: [LaporConnectorHttpController],
      providers: [
        LaporIntegrationClient,
        LaporSender,
        LaporUpdatesPoller,
        LaporDriftReconciler,
        TicketEventsHandler,
        { provide: LAPOR_FILE_STORE, useFactory: () => fileStoreFromConfig(config) },
      ],
      exports: [LaporUpdatesPoller],
    };
  }
}
