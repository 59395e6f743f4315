import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { CLIENT_HEADER, TokenError, vouchForClient, type AccessTokenVerifier } from '@bekasi/auth';
import { counter, inProcessServerAt, type AppLogger, type RequestHandler } from '@bekasi/platform';
import { admits, routeFor, type Upstream } from './route-table';

const proxied = counter({ name: 'gateway_requests_total', help: 'API requests through the gateway, by service and outcome', labelNames: ['upstream', 'outcome'] });

// Hop-by-hop headers belong to one connection and are never forwarded (RFC 9110 §7.6.1).
// The client address header is the gateway's to write: whatever a client sends in it is dropped.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', CLIENT_HEADER]);
const CORRELATION = /^[A-Za-z0-9._:-]{1,128}$/;

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name.toLowerCase())));
}

const fail = (res: Response, status: number, error: string, message: string) => res.status(status).json({ statusCode: status, error, message });

export interface ApiProxyOptions {
  upstreams: Record<Upstream, string>;
  verifier: AccessTokenVerifier;
  /** Signs the client address forwarded to the services (their throttles key on it); none: not sent. */
  hopSecret?: string;
  timeoutMs: number;
  logger: AppLogger;
}

/**
 * The single public door: checks the caller's token against the route's access, then streams the
 * request to the owning service and its answer back, untouched (bodies are never parsed here).
 */
export function createApiProxy(options: ApiProxyOptions) {
  return async (req: Request, res: Response, _next: NextFunction): Promise<void> => {
    const route = routeFor(req.originalUrl);
    if (!route) return void fail(res, 404, 'NOT_FOUND', 'Alamat API tidak dikenal.');
    let role: string | null = null;
    const header = req.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ')) {
      try {
        role = options.verifier.verify(header.slice(7).trim()).role;
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        if (route.access !== 'public') {
          const expired = err.reason === 'expired';
          proxied.inc({ upstream: route.upstream, outcome: 'unauthenticated' });
          return void fail(res, 401, expired ? 'TOKEN_EXPIRED' : 'INVALID_TOKEN', expired ? 'Sesi Anda telah berakhir, silakan masuk kembali.' : 'Token tidak sah.');
        }
      }
    }
    if (!admits(route.access, role)) {
      proxied.inc({ upstream: route.upstream, outcome: role === null ? 'unauthenticated' : 'forbidden' });
      return void (role === null
        ? fail(res, 401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.')
        : fail(res, 403, 'FORBIDDEN', 'Anda tidak berwenang mengakses layanan ini.'));
    }

    const base = new URL(options.upstreams[route.upstream]);
    const given = req.header('x-correlation-id');
    const correlationId = given && CORRELATION.test(given) ? given : randomUUID();
    const neighbour = inProcessServerAt(base);
    if (neighbour) return handOver(neighbour, req, res, { upstream: route.upstream, host: base.host, correlationId, timeoutMs: options.timeoutMs });
    const upstreamReq = httpRequest({
      host: base.hostname,
      port: base.port,
      method: req.method,
      path: req.originalUrl,
      headers: {
        ...forwardable(req.headers),
        host: base.host,
        'x-correlation-id': correlationId,
        'x-forwarded-for': [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', '),
        'x-forwarded-proto': req.protocol,
        ...(options.hopSecret ? { [CLIENT_HEADER]: vouchForClient(options.hopSecret, req.socket.remoteAddress ?? '', req.method, req.originalUrl) } : {}),
      },
      timeout: options.timeoutMs,
    });
    upstreamReq.on('response', (upstreamRes) => {
      proxied.inc({ upstream: route.upstream, outcome: String(upstreamRes.statusCode ?? 0) });
      res.writeHead(upstreamRes.statusCode ?? 502, forwardable(upstreamRes.headers));
      upstreamRes.pipe(res);
    });
    upstreamReq.on('timeout', () => upstreamReq.destroy(Object.assign(new Error('upstream timeout'), { code: 'UPSTREAM_TIMEOUT' })));
    upstreamReq.on('error', (err: NodeJS.ErrnoException) => {
      const timedOut = err.code === 'UPSTREAM_TIMEOUT';
      proxied.inc({ upstream: route.upstream, outcome: timedOut ? 'timeout' : 'unavailable' });
      options.logger.warn({ upstream: route.upstream, path: req.originalUrl, err: err.message, correlationId }, 'upstream request failed');
      if (res.headersSent) return void res.destroy();
      fail(res, timedOut ? 504 : 502, timedOut ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', 'Layanan sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.');
    });
    req.pipe(upstreamReq);
  };
}

/**
 * A request for a service listening in this process (LAYOUT=small) goes to its application as it
 * is, the same stream, instead of over loopback: the service runs its own guards and checks on it
 * exactly as over HTTP, and nothing is parsed twice. What the gateway adds over HTTP it adds here;
 * a client's claim of a vouched address is dropped all the same, and the peer address the service
 * sees is the client's own, so nothing needs vouching.
 */
function handOver(
  handler: RequestHandler,
  req: Request,
  res: Response,
  { upstream, host, correlationId, timeoutMs }: { upstream: Upstream; host: string; correlationId: string; timeoutMs: number },
): void {
  delete req.headers[CLIENT_HEADER];
  req.headers.host = host;
  req.headers['x-correlation-id'] = correlationId;
  req.headers['x-forwarded-for'] = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  req.headers['x-forwarded-proto'] = req.protocol;
  // As the service's own server would hand it over: the whole path, not the part below /api.
  req.url = req.originalUrl;
  req.baseUrl = '';
  const timer = setTimeout(() => {
    proxied.inc({ upstream, outcome: 'timeout' });
    if (res.headersSent) return void res.destroy();
    fail(res, 504, 'UPSTREAM_TIMEOUT', 'Layanan sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.');
  }, timeoutMs);
  res.once('close', () => clearTimeout(timer));
  res.once('finish', () => {
    clearTimeout(timer);
    proxied.inc({ upstream, outcome: String(res.statusCode) });
  });
  handler(req, res);
}
