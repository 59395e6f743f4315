import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A short-lived link to one stored file for one user: the file id, the user and the expiry are
 * signed together, so a link can neither be stretched in time nor moved to another file.
 */
export interface FileLinkClaims {
  readonly fileId: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

function mac(secret: string, fileId: string, userId: string, expiresSeconds: number): string {
  return createHmac('sha256', secret).update(`file-link.v1\n${fileId}\n${userId}\n${expiresSeconds}`).digest('base64url');
}

export function signFileLink(secret: string, claims: FileLinkClaims): { exp: string; uid: string; sig: string } {
  const exp = Math.floor(claims.expiresAt.getTime() / 1000);
  return { exp: String(exp), uid: claims.userId, sig: mac(secret, claims.fileId, claims.userId, exp) };
}

export type FileLinkCheck = 'valid' | 'expired' | 'invalid';

/** `expired` only for a correctly signed link past its time; anything forged or altered is `invalid`. */
export function checkFileLink(secrets: readonly string[], fileId: string, query: { exp?: unknown; uid?: unknown; sig?: unknown }, now: Date): FileLinkCheck {
  const { exp, uid, sig } = query;
  if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof uid !== 'string' || !uid || typeof sig !== 'string') return 'invalid';
  const given = Buffer.from(sig);
  const genuine = secrets.some((secret) => {
    const expected = Buffer.from(mac(secret, fileId, uid, Number(exp)));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!genuine) return 'invalid';
  return Number(exp) * 1000 < now.getTime() ? 'expired' : 'valid';
}
