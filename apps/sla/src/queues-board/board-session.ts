import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const BOARD_COOKIE = 'bekasi_board';
export const BOARD_PATH = '/queues';
const LIFETIME_SECONDS = 900;

/**
 * Bull Board is a page of its own: the browser opens it without our bearer header, so the admin's
 * signed-in UI first trades its token for a short HttpOnly cookie scoped to /queues. The cookie is
 * an HMAC over its expiry with a key this process draws at start (a restart signs everyone out of
 * the board, which costs one click in the UI).
 */
export class BoardSessions {
  private readonly key = randomBytes(32);

  issue(userId: string, now = Date.now()): { value: string; maxAge: number } {
    const exp = Math.floor(now / 1000) + LIFETIME_SECONDS;
    const body = `${exp}.${Buffer.from(userId).toString('base64url')}`;
    return { value: `${body}.${this.sign(body)}`, maxAge: LIFETIME_SECONDS };
  }

  valid(value: string | undefined, now = Date.now()): boolean {
    if (!value) return false;
    const parts = value.split('.');
    if (parts.length !== 3) return false;
    const body = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2], 'base64url');
    const wanted = Buffer.from(this.sign(body), 'base64url');
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return false;
    return Number(parts[0]) * 1000 > now;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
