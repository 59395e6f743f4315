import { Module, type DynamicModule } from '@nestjs/common';
import { LAPOR_SIM_CONFIG, LaporFeed } from './lapor-feed';
import { LaporReportsHttpController, LaporSimAdminHttpController, LaporSimHealthController } from './lapor-sim.http.controller';
import type { LaporSimConfig } from './lapor-sim.config';
import { LaporIntegration } from './lapor-integration';
import { LaporIntegrationAdminHttpController, LaporIntegrationHttpController } from './lapor-integration.http.controller';

/** No PlatformModule: the simulator needs no PostgreSQL, Redis or Kafka, so it answers its own health checks. */
@Module({})
export class LaporSimModule {
  static forRoot(config: LaporSimConfig): DynamicModule {
    return {
      module: LaporSimModule,
      controllers: [LaporReportsHttpController, LaporIntegrationHttpController, LaporSimAdminHttpController, LaporIntegrationAdminHttpController, LaporSimHealthController],
      providers: [{ provide: LAPOR_SIM_CONFIG, useValue: config }, LaporFeed, LaporIntegration],
    };
  }
}
