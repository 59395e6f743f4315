// Which complaint a delivery is, and what a complaint's LAPOR! history means for this system.
import { ComplaintDraft, ComplaintSource } from './complaint-draft';
import { LAPOR_STATUSES, type LaporStatus } from './lapor-vocabulary';

const LAPOR_SOURCES: ReadonlySet<string> = new Set<ComplaintSource>(['lapor-api', 'lapor-webhook', 'lapor-import']);

/** The complaint came through one of LAPOR!'s doors (poll, webhook, export): LAPOR! is its system of record. */
export function isLaporSource(source: string | null | undefined): boolean {
  return LAPOR_SOURCES.has(source ?? '');
}

/**
 * One complaint per key. A LAPOR! report keeps its Tracking ID whether it is polled, pushed or
 * found in an export, so the three LAPOR! doors share one namespace: the same report arriving by
 * webhook and later in an export is one complaint. Other channels number their own messages.
 */
export function complaintIdentityKey(source: ComplaintSource, externalId: string): string {
  const namespace = isLaporSource(source) ? 'lapor' : source;
  return `${namespace}:${externalId.trim()}`;
}

/**
 * Statuses after which LAPOR! does nothing more with a report. A back-filled report in one of them
 * is history (the router learns from it); any other status is still open and becomes live work.
 */
export const FINAL_LAPOR_STATUSES: ReadonlySet<LaporStatus> = new Set<LaporStatus>(
  LAPOR_STATUSES.filter((s) => s.startsWith('Ditutup') || s.startsWith('Diarsipkan') || s === 'Konten Terblokir'),
);

export function isFinalLaporStatus(status: LaporStatus | null): boolean {
  return status !== null && FINAL_LAPOR_STATUSES.has(status);
}

/** The Bupati's WhatsApp channel, whose reports Diskominfosantik forwards with a priority flag. */
export const BUPATI_CHANNEL = 'Lapor AA Bupati';

export type ComplaintPriority = 'normal' | 'high';

/** High for the Bupati's channel or when the sender flags it; normal otherwise. */
export function priorityOf(draft: Pick<ComplaintDraft, 'source' | 'channel'>, requested?: ComplaintPriority | null): ComplaintPriority {
  if (requested === 'high') return 'high';
  const channel = (draft.channel ?? '').trim().toLowerCase();
  return draft.source === 'whatsapp' && channel === BUPATI_CHANNEL.toLowerCase() ? 'high' : 'normal';
}
