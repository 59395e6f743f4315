// A complaint as intake holds it, whichever door it came through (LAPOR! API, a back-filled export,
// WhatsApp, the web form, the call centre). Intake alone keeps this full form; what other services
// receive is its PublicComplaint (see public-complaint.ts).
import { LaporClassification, LaporStatus } from './lapor-vocabulary';
import { ParsedLaporanRow } from './laporan-ringkas/laporan-ringkas-sheet';
import type { UnitNameMatcher } from '@bekasi/indonesian-text';

// The same names as the complaint.received contract, so a source never needs translating.
export const COMPLAINT_SOURCES = ['lapor-api', 'lapor-webhook', 'lapor-import', 'whatsapp', 'web-form', 'call-centre', 'other'] as const;
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number];

export interface ReporterIdentity {
  name?: string | null;
  phone?: string | null;
  email?: string | null;
  nik?: string | null;
}

export interface AttachmentMetadata {
  /** Where intake stored the file; the file itself never travels in events. */
  reference: string;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
}

/** How LAPOR! handled a report before this system existed: the label a router learns from. */
export interface HistoricalDisposition {
  /** The unit as the source named it. */
  disposedToRaw: string | null;
  /** The unit code, when the name matched one. */
  unitCode: string | null;
  laporStatus: LaporStatus | null;
  laporStatusRaw: string | null;
  holdOrArchiveReason: string | null;
}

export interface ComplaintDraft {
  source: ComplaintSource;
  /** The id in the source system (LAPOR! tracking id, WhatsApp message id, ...). */
  externalId: string;
  channel: string | null;
  receivedAt: Date;
  title: string;
  text: string;
  category: { id: string | null; name: string | null } | null;
  classification: LaporClassification | null;
  /** LAPOR! "Anonim": the reporter's identity is hidden. */
  anonymous: boolean;
  /** LAPOR! "Rahasia": the report is hidden from the public. */
  confidential: boolean;
  reporter: ReporterIdentity | null;
  locationText: string | null;
  attachments: AttachmentMetadata[];
  historicalDisposition?: HistoricalDisposition;
}

const DERIVED_TITLE_LENGTH = 80;

/** Some channels have no title; officers' lists need one, so it is the text's opening words. */
export function titleFromText(text: string): string {
  const firstLine = text.trim().split('\n')[0].trim();
  if (firstLine.length <= DERIVED_TITLE_LENGTH) return firstLine;
  const cut = firstLine.slice(0, DERIVED_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > DERIVED_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * A back-filled export row as a draft. The citizen's own text (Isi Laporan Awal) is the complaint;
 * the admin's rewrite (Isi Laporan Akhir) stands in only when the original is missing. An export
 * carries no reporter identity.
 */
export function complaintDraftFromLaporanRow(row: ParsedLaporanRow, units: UnitNameMatcher): ComplaintDraft {
  const text = row.initialText ?? row.finalText ?? '';
  return {
    source: 'lapor-import',
    externalId: row.trackingId,
    channel: row.channel,
    receivedAt: row.receivedAt,
    title: row.title ?? titleFromText(text),
    text,
    category: row.categoryId === null && row.category === null ? null : { id: row.categoryId, name: row.category },
    classification: row.classification,
    anonymous: row.anonymous,
    confidential: row.confidential,
    reporter: null,
    locationText: null,
    attachments: [],
    historicalDisposition: {
      disposedToRaw: row.disposedTo,
      unitCode: units.match(row.disposedTo),
      laporStatus: row.laporStatus,
      laporStatusRaw: row.laporStatusRaw,
      holdOrArchiveReason: row.holdOrArchiveReason,
    },
  };
}
