import { resolve } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { collectProcessMetrics, createLogger } from '@bekasi/platform';
import { createApiProxy } from './api-proxy';
import type { GatewayConfig } from './gateway.config';
import type { Upstream } from './route-table';

export function upstreamsOf(config: GatewayConfig): Record<Upstream, string> {
  return {
    desk: config.GATEWAY_DESK_URL,
    intake: config.GATEWAY_INTAKE_URL,
    routing: config.GATEWAY_ROUTING_URL,
    sla: config.GATEWAY_SLA_URL,
    escalation: config.GATEWAY_ESCALATION_URL,
    ikp: config.GATEWAY_IKP_URL,
  };
}

/** Mounts the API proxy (before any body parser: bodies stream through) and the web UI's files. */
export function mountGateway(app: NestExpressApplication, config: GatewayConfig): void {
  collectProcessMetrics();
  const proxy = createApiProxy({
    upstreams: upstreamsOf(config),
    jwt: new JwtService({ secret: config.JWT_SECRET }),
    timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
    logger: createLogger('gateway', config.LOG_LEVEL),
  });
  app.use('/api', proxy);
  app.useStaticAssets(resolve(config.WEB_ROOT), { index: 'index.html', maxAge: '5m' });
}
