import type { ArchiveKind, ArchivedBy, ClosedBy, TicketSnapshot } from './ticket-snapshot';
import type { PausableStatus, TicketStatus } from './ticket-status';

/**
 * Status labels of SP4N-LAPOR!. The first nine appear in a real "Laporan Ringkas" export; the
 * in-between labels (`Terverifikasi`, `Ditindaklanjuti`) are not confirmed by an export and are
 * our choice until one shows LAPOR's own spelling.
 */
export const LAPOR_STATUS_LABELS = [
  'Belum Terverifikasi',
  'Menunggu Kelengkapan Informasi',
  'Ditutup oleh Sistem',
  'Ditutup oleh Admin',
  'Ditutup oleh Pelapor',
  'Diarsipkan oleh Sistem',
  'Diarsipkan oleh Admin',
  'Diarsipkan oleh Pelapor',
  'Konten Terblokir',
  'Terverifikasi',
  'Ditindaklanjuti',
] as const;

export type LaporStatusLabel = (typeof LAPOR_STATUS_LABELS)[number];

export const UNCONFIRMED_LAPOR_STATUS_LABELS: readonly LaporStatusLabel[] = ['Terverifikasi', 'Ditindaklanjuti'];

const CLOSED_LABELS: Readonly<Record<ClosedBy, LaporStatusLabel>> = {
  system: 'Ditutup oleh Sistem',
  admin: 'Ditutup oleh Admin',
  reporter: 'Ditutup oleh Pelapor',
};

const ARCHIVED_LABELS: Readonly<Record<ArchivedBy, LaporStatusLabel>> = {
  system: 'Diarsipkan oleh Sistem',
  admin: 'Diarsipkan oleh Admin',
  reporter: 'Diarsipkan oleh Pelapor',
};

const OPEN_LABELS: Readonly<Record<Exclude<TicketStatus, 'closed' | 'archived'>, LaporStatusLabel>> = {
  received: 'Belum Terverifikasi',
  triage: 'Belum Terverifikasi',
  waiting_reporter: 'Menunggu Kelengkapan Informasi',
  // Verified and with (or about to be with) a unit: the report itself stays verified across a re-disposition.
  assigned: 'Terverifikasi',
  acknowledged: 'Terverifikasi',
  in_progress: 'Terverifikasi',
  reopened: 'Terverifikasi',
  reassign_requested: 'Terverifikasi',
  answered: 'Ditindaklanjuti',
};

/** The label SP4N-LAPOR! would show for this ticket. */
export function toLaporStatus(ticket: Pick<TicketSnapshot, 'status' | 'closedBy' | 'archive'>): LaporStatusLabel {
  switch (ticket.status) {
    case 'closed':
      // A ticket closed before closedBy was recorded can only have been closed by LAPOR's own timer.
      return CLOSED_LABELS[ticket.closedBy ?? 'system'];
    case 'archived':
      return ARCHIVED_LABELS[ticket.archive?.archivedBy ?? 'admin'];
    default:
      return OPEN_LABELS[ticket.status];
  }
}

/** How an imported LAPOR report starts life here. */
export interface ImportedLaporStatus {
  readonly label: LaporStatusLabel;
  readonly status: TicketStatus;
  readonly pausedFrom: PausableStatus | null;
  readonly closedBy: ClosedBy | null;
  readonly archivedBy: ArchivedBy | null;
  /** Null when the label does not tell: the importer reads "Alasan Tunda/Arsip" to decide. */
  readonly archiveKind: ArchiveKind | null;
}

function imported(label: LaporStatusLabel, status: TicketStatus, more: Partial<ImportedLaporStatus> = {}): ImportedLaporStatus {
  return { label, status, pausedFrom: null, closedBy: null, archivedBy: null, archiveKind: null, ...more };
}

const IMPORTS: Readonly<Record<LaporStatusLabel, ImportedLaporStatus>> = {
  // Unverified reports go through our own routing, as new ones do.
  'Belum Terverifikasi': imported('Belum Terverifikasi', 'received'),
  // In LAPOR the wait for completion is the admin's "Tunda" before verification.
  'Menunggu Kelengkapan Informasi': imported('Menunggu Kelengkapan Informasi', 'waiting_reporter', { pausedFrom: 'triage' }),
  'Ditutup oleh Sistem': imported('Ditutup oleh Sistem', 'closed', { closedBy: 'system' }),
  'Ditutup oleh Admin': imported('Ditutup oleh Admin', 'closed', { closedBy: 'admin' }),
  'Ditutup oleh Pelapor': imported('Ditutup oleh Pelapor', 'closed', { closedBy: 'reporter' }),
  // LAPOR archives on its own when the reporter never completes the information.
  'Diarsipkan oleh Sistem': imported('Diarsipkan oleh Sistem', 'archived', { archivedBy: 'system', archiveKind: 'incomplete_information' }),
  'Diarsipkan oleh Admin': imported('Diarsipkan oleh Admin', 'archived', { archivedBy: 'admin' }),
  'Diarsipkan oleh Pelapor': imported('Diarsipkan oleh Pelapor', 'archived', { archivedBy: 'reporter', archiveKind: 'withdrawn' }),
  // Blocked content is archived as spam; the export shows it, our own tickets never produce the label.
  'Konten Terblokir': imported('Konten Terblokir', 'archived', { archivedBy: 'admin', archiveKind: 'spam' }),
  Terverifikasi: imported('Terverifikasi', 'assigned'),
  Ditindaklanjuti: imported('Ditindaklanjuti', 'answered'),
};

const BY_KEY = new Map(LAPOR_STATUS_LABELS.map((label) => [canonicalKey(label), IMPORTS[label]]));

function canonicalKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Our status for a LAPOR label as exported (any case and spacing), or null for a label we do not know. */
export function fromLaporStatus(label: string): ImportedLaporStatus | null {
  return BY_KEY.get(canonicalKey(label)) ?? null;
}
