import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, loadConfig } from '@bekasi/platform';
import { LiveConfig } from './live.config';
import { LiveHints } from './live-hints';
import { createLiveRoutes } from './live-stream';
import { createBoardProxy } from './board-proxy';

/**
 * The web UI's own routes on the gateway: the live stream (/live/*), Bull Board (/queues, in sla)
 * and the built UI (apps/web/dist).
 */
export function mountLiveAndUi(app: NestExpressApplication, options: { deskUrl: string; slaUrl: string; webRoot: string; logLevel: string }): void {
  const config = loadConfig(LiveConfig);
  const logger = createLogger('gateway-live', options.logLevel);
  const hints = new LiveHints({ brokers: config.KAFKA_BROKERS.split(','), topicPrefix: config.KAFKA_TOPIC_PREFIX }, logger);
  // The UI works without live updates; a broker that is down only costs the hints.
  hints.start().catch((err: Error) => logger.warn({ err: err.message }, 'live hints unavailable'));
  const http = app.getHttpServer() as { on(event: 'close', listener: () => void): void };
  http.on('close', () => void hints.stop());
  // app.close() resolves only once the consumer is gone, so nothing of it runs after the gateway says it stopped.
  const closeApp = app.close.bind(app);
  app.close = async () => {
    await hints.stop();
    return closeApp();
  };
  app.use('/live', createLiveRoutes({ hints, deskUrl: options.deskUrl, maxStreamMs: config.LIVE_STREAM_MAX_SECONDS * 1000 }));
  app.use('/queues', createBoardProxy(options.slaUrl));
  app.useStaticAssets(resolve(options.webRoot), { index: 'index.html', maxAge: '5m' });
}
