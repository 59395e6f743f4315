import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { counter } from '@bekasi/platform';
import type { LiveHints } from './live-hints';

const streams = counter({ name: 'gateway_live_streams_total', help: 'Live streams opened and refused', labelNames: ['outcome'] });

const TICKET_TTL_MS = 30_000;
const HEARTBEAT_MS = 25_000;

export interface LiveStreamOptions {
  hints: LiveHints;
  /** Desk's base URL: it checks the caller's token (`GET /api/v1/auth/me`), as for any request. */
  deskUrl: string;
  maxStreamMs: number;
  maxTicketsPending?: number;
}

const fail = (res: Response, status: number, error: string, message: string) => res.status(status).json({ statusCode: status, error, message });

/**
 * EventSource cannot send an Authorization header, so a signed-in page first asks for a stream
 * ticket with its token (`POST /live/tickets`), then opens `GET /live/stream?ticket=…`. A ticket is
 * random, single-use and lives 30 s; the stream ends after `maxStreamMs` and the page reconnects
 * with a new ticket, so an ended session stops receiving hints.
 */
export function createLiveRoutes(options: LiveStreamOptions) {
  const tickets = new Map<string, number>();
  const maxPending = options.maxTicketsPending ?? 10_000;
  const sweep = () => {
    const now = Date.now();
    for (const [ticket, until] of tickets) if (until < now) tickets.delete(ticket);
  };

  const issue = async (req: Request, res: Response): Promise<void> => {
    const authorization = req.headers.authorization;
    if (typeof authorization !== 'string' || !authorization.startsWith('Bearer ')) return void fail(res, 401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    let answer: globalThis.Response;
    try {
      answer = await fetch(`${options.deskUrl}/api/v1/auth/me`, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.timeout(5_000) });
    } catch {
      return void fail(res, 502, 'UPSTREAM_UNAVAILABLE', 'Layanan sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.');
    }
    if (answer.status === 401 || answer.status === 403) {
      streams.inc({ outcome: 'refused' });
      return void fail(res, 401, 'UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
    }
    if (!answer.ok) return void fail(res, 502, 'UPSTREAM_UNAVAILABLE', 'Layanan sedang tidak dapat dihubungi. Coba lagi beberapa saat lagi.');
    sweep();
    if (tickets.size >= maxPending) return void fail(res, 503, 'TOO_MANY_STREAMS', 'Terlalu banyak permintaan. Coba lagi beberapa saat lagi.');
    const ticket = randomBytes(32).toString('base64url');
    tickets.set(ticket, Date.now() + TICKET_TTL_MS);
    res.status(201).json({ ticket, expiresIn: TICKET_TTL_MS / 1000 });
  };

  const stream = (req: Request, res: Response): void => {
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : '';
    const until = tickets.get(ticket);
    tickets.delete(ticket);
    if (until === undefined || until < Date.now()) {
      streams.inc({ outcome: 'refused' });
      return void fail(res, 401, 'INVALID_TICKET', 'Tiket aliran tidak sah atau kedaluwarsa.');
    }
    streams.inc({ outcome: 'opened' });
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write('retry: 5000\n\n');
    const unsubscribe = options.hints.subscribe((topic) => res.write(`event: change\ndata: ${JSON.stringify({ topic })}\n\n`));
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    const end = setTimeout(() => res.end(), options.maxStreamMs);
    req.on('close', () => {
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(end);
    });
  };

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'POST' && req.path === '/tickets') return void issue(req, res);
    if (req.method === 'GET' && req.path === '/stream') return stream(req, res);
    next();
  };
}
