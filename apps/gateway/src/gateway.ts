import type { NestExpressApplication } from '@nestjs/platform-express';
import { AccessTokenVerifier, hopSecretOf, verificationKeysFrom } from '@bekasi/auth';
import { collectProcessMetrics, createLogger } from '@bekasi/platform';
import { createApiProxy } from './api-proxy';
import type { GatewayConfig } from './gateway.config';
import { mountLiveAndUi } from './live/mount-live';
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
    verifier: new AccessTokenVerifier(verificationKeysFrom(config), config),
    hopSecret: hopSecretOf(config),
    timeoutMs: config.GATEWAY_UPSTREAM_TIMEOUT_MS,
    logger: createLogger('gateway', config.LOG_LEVEL),
  });
  // The UI's own files only: no inline scripts, no framing, no sniffing (defence against injected text).
  app.use((req: { path: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    // Swagger UI (/docs) and Bull Board (/queues, admin only) need their inline scripts and styles; everything else gets the strict policy.
    if (req.path.startsWith('/docs') || req.path.startsWith('/queues')) return next();
    res.setHeader('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.use('/api', proxy);
  mountLiveAndUi(app, { deskUrl: config.GATEWAY_DESK_URL, slaUrl: config.GATEWAY_SLA_URL, webRoot: config.WEB_ROOT, logLevel: config.LOG_LEVEL });
}
