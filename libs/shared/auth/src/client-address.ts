import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header in which the gateway vouches for the client's address; anything a client sends in it is replaced. */
export const CLIENT_HEADER = 'x-bekasi-client';
const MAX_AGE_MS = 30_000;

const macOf = (secret: string, ip: string, ts: string, method: string, url: string) =>
  createHmac('sha256', secret).update(`${ip};${ts};${method.toUpperCase()};${url}`).digest('hex');

/** What the gateway puts in X-Bekasi-Client for one forwarded request. */
export function vouchForClient(secret: string, ip: string, method: string, url: string, nowMs = Date.now()): string {
  const ts = String(nowMs);
  return `${ip};${ts};${macOf(secret, ip, ts, method, url)}`;
}

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  originalUrl?: string;
  url?: string;
  socket?: { remoteAddress?: string };
}

/**
 * The address to throttle by: the one the gateway vouched for (signed with the hop secret, fresh,
 * bound to this method and URL), else the peer's own address. X-Forwarded-For is never believed:
 * anyone can write it.
 */
export function clientAddressOf(req: RequestLike, hopSecret: string | undefined, nowMs = Date.now()): string {
  const peer = req.socket?.remoteAddress ?? '';
  const header = req.headers[CLIENT_HEADER];
  if (!hopSecret || typeof header !== 'string') return peer;
  const [ip, ts, mac] = header.split(';');
  if (!ip || !ts || !mac || !/^\d+$/.test(ts) || Math.abs(nowMs - Number(ts)) > MAX_AGE_MS) return peer;
  const expected = Buffer.from(macOf(hopSecret, ip, ts, req.method ?? 'GET', req.originalUrl ?? req.url ?? ''));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? ip : peer;
}
