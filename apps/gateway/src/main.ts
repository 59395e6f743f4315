import { bootstrapService, ConfigError, loadConfig } from '@bekasi/platform';
import { GatewayModule } from './app.module';
import { mountGateway, upstreamsOf } from './gateway';
import { GatewayConfig } from './gateway.config';

let config: GatewayConfig;
try {
  config = loadConfig(GatewayConfig);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`gateway: ${err.message}`);
  process.exit(78);
}

void bootstrapService(() => GatewayModule.forRoot(upstreamsOf(config)), {
  service: 'gateway',
  title: 'Bekasi LAPOR! gateway (one public port: web UI and /api/v1/*)',
  defaultPort: 3000,
  beforeBodyParsers: (app) => mountGateway(app, config),
});
