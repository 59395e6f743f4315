import { createHmac, timingSafeEqual } from 'node:crypto';

/** The reporter's capability for one complaint: unguessable without the secret, one per tracking id. */
export function reporterKeyFor(secret: string, trackingId: string): string {
  return `rk1.${createHmac('sha256', secret).update(`reporter:${trackingId}`).digest('base64url')}`;
}

/** Whether `given` is the reporter key of `trackingId` under any of the secrets (rotation). */
export function isReporterKeyOf(given: unknown, trackingId: string, secrets: readonly string[]): boolean {
  if (typeof given !== 'string' || !given.startsWith('rk1.')) return false;
  const g = Buffer.from(given);
  return secrets.some((secret) => {
    const expected = Buffer.from(reporterKeyFor(secret, trackingId));
    return expected.length === g.length && timingSafeEqual(expected, g);
  });
}
