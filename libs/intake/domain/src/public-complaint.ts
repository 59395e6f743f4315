// What of a complaint may leave intake in the events that units, the router and dashboards consume.
//
// The rules, strictest first:
// 1. Reporter contact details (phone, e-mail, NIK) never leave intake, whatever the report type.
//    Units answer through LAPOR! or intake's own channels, and the same events feed dashboards.
// 2. NIKs, phone numbers and e-mail addresses inside title, text and location are always masked:
//    a number in a complaint is as often a third party's (a neighbour, the child it is about) as
//    the reporter's, and an officer needs to know one was given, not what it is.
// 3. Anonim: no reporter at all; the reporter's name, if intake knows it, is also masked where the
//    text repeats it, and attachment file names are dropped ("KTP_<name>.jpg" is common).
// 4. Rahasia: everything Anonim gets, plus `confidential: true`. The event carries only the masked
//    text; consumers must keep it out of public listings, and the unmasked content stays in intake.
//    LAPOR! lets a Rahasia report keep a named reporter, but the reporter is dropped here too:
//    the events reach more readers than the one handling officer LAPOR! would show the name to.
// 5. Otherwise the reporter's name travels, so the officer can address the reporter.
import { AttachmentMetadata, ComplaintDraft, ComplaintSource, HistoricalDisposition } from './complaint-draft';
import { LaporClassification } from './lapor-vocabulary';
import { detectPersonalData, maskPersonalData } from '@bekasi/indonesian-text';

export const REPORTER_NAME_PLACEHOLDER = '[nama pelapor disamarkan]';

export interface PublicComplaint {
  source: ComplaintSource;
  externalId: string;
  channel: string | null;
  receivedAt: Date;
  title: string;
  text: string;
  category: { id: string | null; name: string | null } | null;
  classification: LaporClassification | null;
  anonymous: boolean;
  confidential: boolean;
  reporter: { name: string } | null;
  locationText: string | null;
  attachments: AttachmentMetadata[];
  historicalDisposition?: HistoricalDisposition;
  /** Whether anything in title, text or location was replaced by a placeholder. */
  personalDataMasked: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The full name in any case and spacing, and each capitalised part of four letters or more
 * ("Saya Budi ..."): shorter parts ("Sri", "Ade") are too often ordinary words or other people.
 */
function maskReporterName(text: string, name: string): string {
  const parts = name.trim().split(/\s+/).filter((part) => part !== '');
  if (parts.length === 0) return text;
  const fullName = new RegExp(`(?<![\\p{L}\\p{N}])${parts.map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
  let masked = text.replace(fullName, REPORTER_NAME_PLACEHOLDER);
  for (const part of parts.filter((p) => p.length >= 4)) {
    const capitalised = part[0].toUpperCase() + part.slice(1).toLowerCase();
    const partPattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escapeRegExp(capitalised)}|${escapeRegExp(part.toUpperCase())})(?![\\p{L}\\p{N}])`, 'gu');
    masked = masked.replace(partPattern, REPORTER_NAME_PLACEHOLDER);
  }
  return masked;
}

export function toPublicComplaint(draft: ComplaintDraft): PublicComplaint {
  const identityHidden = draft.anonymous || draft.confidential;
  const reporterName = draft.reporter?.name?.trim() || null;
  const scrub = (text: string): string => {
    const masked = maskPersonalData(text);
    // The name is masked in every text that leaves intake, whether or not the report is Anonim.
    return reporterName !== null ? maskReporterName(masked, reporterName) : masked;
  };
  const title = scrub(draft.title);
  const text = scrub(draft.text);
  const locationText = draft.locationText === null ? null : scrub(draft.locationText);
  const personalDataMasked =
    title !== draft.title ||
    text !== draft.text ||
    locationText !== draft.locationText;

  return {
    source: draft.source,
    externalId: draft.externalId,
    channel: draft.channel,
    receivedAt: draft.receivedAt,
    title,
    text,
    category: draft.category,
    classification: draft.classification,
    anonymous: draft.anonymous,
    confidential: draft.confidential,
    reporter: identityHidden || reporterName === null ? null : { name: reporterName },
    locationText,
    attachments: draft.attachments.map((attachment) => ({
      ...attachment,
      fileName: identityHidden || attachment.fileName === null ? null : maskPersonalData(attachment.fileName),
    })),
    ...(draft.historicalDisposition ? { historicalDisposition: draft.historicalDisposition } : {}),
    personalDataMasked,
  };
}

/** Whether a text still holds something maskPersonalData would replace; for assertions and audits. */
export function containsPersonalData(text: string): boolean {
  return detectPersonalData(text).length > 0;
}
