import { request as httpRequest } from 'node:http';
import type { Request, Response } from 'express';

/**
 * Bull Board (/queues) lives in the sla service, which admits only a browser holding the board
 * cookie its admin-only session route issued; the gateway passes the page through untouched.
 */
export function createBoardProxy(slaUrl: string, timeoutMs = 30_000) {
  const base = new URL(slaUrl);
  return (req: Request, res: Response): void => {
    const upstream = httpRequest({
      host: base.hostname,
      port: base.port,
      method: req.method,
      path: req.originalUrl,
      headers: { cookie: req.headers.cookie ?? '', accept: req.headers.accept ?? '*/*', 'content-type': req.headers['content-type'] ?? '', host: base.host },
      timeout: timeoutMs,
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, Object.fromEntries(Object.entries(answer.headers).filter(([k]) => !['connection', 'transfer-encoding', 'keep-alive'].includes(k))));
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
    upstream.on('error', () => {
      if (res.headersSent) return void res.destroy();
      res.status(502).type('text/plain; charset=utf-8').send('Layanan tenggat sedang tidak dapat dihubungi.');
    });
    req.pipe(upstream);
  };
}
