import { Module, type DynamicModule } from '@nestjs/common';
import { MetricsController } from '@bekasi/platform';
import { GatewayHealthController, UPSTREAMS } from './gateway-health.controller';
import type { Upstream } from './route-table';

@Module({})
export class GatewayModule {
  static forRoot(upstreams: Record<Upstream, string>): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [GatewayHealthController, MetricsController],
      providers: [{ provide: UPSTREAMS, useValue: upstreams }],
    };
  }
}
