import { maskPersonalData } from '@bekasi/indonesian-text';
import type { ActorRole } from './actor';

/** How the reporter asked to be treated: Anonim (identity hidden), Rahasia (content hidden from the public). */
export interface ReporterPrivacy {
  readonly anonymous: boolean;
  readonly confidential: boolean;
}

/**
 * Whether `viewer` may see what could identify the reporter of a ticket. Desk never holds the
 * identity itself (it stays in intake); what it holds that could point at the reporter is the
 * channel the report came by and the reporter's own words in replies. For Anonim and Rahasia
 * reports those are the LAPOR admin's alone.
 */
export function seesReporterDetails(viewer: ActorRole, privacy: ReporterPrivacy): boolean {
  if (!privacy.anonymous && !privacy.confidential) return true;
  return viewer === 'admin';
}

/** The reporter's reply as `viewer` may read it: personal data masked unless they may see reporter details. */
export function reporterWordsFor(viewer: ActorRole, privacy: ReporterPrivacy, text: string | null): string | null {
  if (text === null || seesReporterDetails(viewer, privacy)) return text;
  return maskPersonalData(text);
}

/** The intake channel as `viewer` may see it. */
export function reporterChannelFor(viewer: ActorRole, privacy: ReporterPrivacy, channel: string | null): string | null {
  return seesReporterDetails(viewer, privacy) ? channel : null;
}
