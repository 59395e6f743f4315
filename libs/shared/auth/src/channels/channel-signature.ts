import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers of a signed channel request. */
export const CHANNEL_HEADER = 'x-bekasi-channel';
export const TIMESTAMP_HEADER = 'x-bekasi-timestamp';
export const SIGNATURE_HEADER = 'x-bekasi-signature';
/** How far a request's timestamp may be from now: a captured request cannot be replayed later than this. */
export const REPLAY_WINDOW_SECONDS = 300;

/** A channel intake accepts complaints from, as registered by the admin. */
export interface RegisteredChannel {
  id: string;
  /** The identity namespace and source its complaints get, whatever the body says. */
  source: string;
  /** First signs (what the channel uses now), all verify (rotation). */
  secrets: string[];
  /** Whether the sender's own receivedAt is taken (LAPOR! only; never in the future). */
  honourReceivedAt: boolean;
  /** Whether it may flag a complaint high priority (or name the Bupati's sub-channel). */
  maySetPriority: boolean;
}

const macOf = (secret: string, timestamp: string, body: Buffer | string) =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');

/** The headers a channel sends with `body` (the exact bytes it sends). */
export function signChannelRequest(input: { channelId: string; secret: string; body: Buffer | string; nowMs?: number }): Record<string, string> {
  const timestamp = String(Math.floor((input.nowMs ?? Date.now()) / 1000));
  return {
    [CHANNEL_HEADER]: input.channelId,
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: `v1=${macOf(input.secret, timestamp, input.body)}`,
  };
}

export type ChannelCheck = { ok: true; channel: RegisteredChannel } | { ok: false; reason: 'missing' | 'unknown-channel' | 'stale' | 'signature' };

/** Which registered channel signed this request, if any did. */
export function verifyChannelRequest(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer | undefined,
  channels: readonly RegisteredChannel[],
  nowMs = Date.now(),
): ChannelCheck {
  const id = headers[CHANNEL_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') return { ok: false, reason: 'missing' };
  const channel = channels.find((c) => c.id === id);
  if (!channel) return { ok: false, reason: 'unknown-channel' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  const given = Buffer.from(signature.replace(/^v1=/, ''), 'utf8');
  for (const secret of channel.secrets) {
    const expected = Buffer.from(macOf(secret, timestamp, rawBody ?? Buffer.alloc(0)), 'utf8');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true, channel };
  }
  return { ok: false, reason: 'signature' };
}

/** Parses a channel registry document; throws naming what is wrong. */
export function parseChannelRegistry(text: string): RegisteredChannel[] {
  const doc = JSON.parse(text) as { channels?: unknown };
  if (!Array.isArray(doc?.channels)) throw new Error('a channel registry is {"channels":[...]}');
  return doc.channels.map((c: any, i: number) => {
    if (!c || typeof c.id !== 'string' || !/^[a-z0-9-]{2,40}$/.test(c.id)) throw new Error(`channels[${i}].id must be lower-case letters, digits, -`);
    if (typeof c.source !== 'string' || !c.source) throw new Error(`channels[${i}].source is required`);
    const secrets = Array.isArray(c.secrets) ? c.secrets.filter((s: unknown) => typeof s === 'string') : [];
    if (secrets.length === 0 || secrets.some((s: string) => s.length < 32)) throw new Error(`channels[${i}].secrets must hold secrets of at least 32 characters`);
    return { id: c.id, source: c.source, secrets, honourReceivedAt: c.honourReceivedAt === true, maySetPriority: c.maySetPriority === true };
  });
}
