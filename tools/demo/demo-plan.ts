// What the demo's officers do with each ticket, decided from the ticket id alone so that a rerun
// makes the same choices: most are followed up, some only acknowledged, some left to go overdue
// (and escalate), a few refused as "bukan kewenangan".
import { createHash } from 'node:crypto';

export type DemoTreatment = 'answer' | 'acknowledge-only' | 'ignore' | 'refuse';

export function treatmentOf(ticketId: string): DemoTreatment {
  const bucket = createHash('sha256').update(ticketId).digest()[0] / 256;
  if (bucket < 0.55) return 'answer';
  if (bucket < 0.75) return 'acknowledge-only';
  if (bucket < 0.95) return 'ignore';
  return 'refuse';
}

/** The reporter's rating of an answered ticket, 2 to 5, mostly satisfied. */
export function ratingOf(ticketId: string): number {
  const b = createHash('sha256').update(`rating:${ticketId}`).digest()[0] / 256;
  return b < 0.1 ? 2 : b < 0.25 ? 3 : b < 0.6 ? 4 : 5;
}
