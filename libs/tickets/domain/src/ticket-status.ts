import type { BilingualText } from './bilingual-text';

export const TICKET_STATUSES = [
  'received',
  'triage',
  'assigned',
  'acknowledged',
  'in_progress',
  'waiting_reporter',
  'answered',
  'reopened',
  'reassign_requested',
  'closed',
  'archived',
] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * Statuses a ticket can wait for the reporter from, and return to when the reporter replies:
 * the admin's triage (LAPOR's "Tunda") and the unit's working statuses.
 */
export const PAUSABLE_STATUSES = ['triage', 'acknowledged', 'in_progress', 'reopened'] as const;
export type PausableStatus = (typeof PAUSABLE_STATUSES)[number];

export function isPausable(status: TicketStatus): status is PausableStatus {
  return (PAUSABLE_STATUSES as readonly TicketStatus[]).includes(status);
}

/** Statuses in which the unit owes the follow-up (tindak lanjut). */
const UNIT_WORKING_STATUSES: readonly TicketStatus[] = ['assigned', 'acknowledged', 'in_progress', 'reopened'];

/** Statuses in which the admin or routing owes a disposition. */
const AWAITING_DISPOSITION_STATUSES: readonly TicketStatus[] = ['received', 'triage', 'reassign_requested'];

/**
 * Open = not finished for good. `answered` is open: the reporter may still reopen it, and it
 * only closes when the reporter, the admin or the auto-close does so.
 */
export function isOpen(status: TicketStatus): boolean {
  return status !== 'closed' && status !== 'archived';
}

/**
 * Whether the unit's follow-up clock runs: from the disposition until the answer. It stands still
 * while the ticket waits for the reporter, and does not run before a unit is responsible.
 */
export function isSlaRunning(status: TicketStatus): boolean {
  return UNIT_WORKING_STATUSES.includes(status);
}

/**
 * The clocks of a ticket's life: the admin's verification and disposition (≤ 3 working days),
 * the unit's follow-up, and the auto-close countdown after the answer (10 working days).
 */
export type SlaClock = 'disposition' | 'follow_up' | 'auto_close';

export interface SlaClockState {
  readonly clock: SlaClock;
  readonly running: boolean;
}

/** The clock that governs a ticket now, or null once it is closed or archived. */
export function slaClockOf(ticket: { readonly status: TicketStatus; readonly pausedFrom: PausableStatus | null }): SlaClockState | null {
  const { status } = ticket;
  if (status === 'waiting_reporter') {
    return { clock: ticket.pausedFrom === 'triage' ? 'disposition' : 'follow_up', running: false };
  }
  if (AWAITING_DISPOSITION_STATUSES.includes(status)) return { clock: 'disposition', running: true };
  if (UNIT_WORKING_STATUSES.includes(status)) return { clock: 'follow_up', running: true };
  if (status === 'answered') return { clock: 'auto_close', running: true };
  return null;
}

/** The clock a pause from `pausedFrom` stops. */
export function pausedClockOf(pausedFrom: PausableStatus): 'disposition' | 'follow_up' {
  return pausedFrom === 'triage' ? 'disposition' : 'follow_up';
}

export const STATUS_LABELS: Readonly<Record<TicketStatus, BilingualText>> = {
  received: { id: 'Diterima', en: 'Received' },
  triage: { id: 'Menunggu verifikasi admin', en: 'Awaiting admin triage' },
  assigned: { id: 'Terdisposisi', en: 'Assigned' },
  acknowledged: { id: 'Diterima unit', en: 'Acknowledged' },
  in_progress: { id: 'Sedang ditindaklanjuti', en: 'In progress' },
  waiting_reporter: { id: 'Menunggu kelengkapan informasi', en: 'Waiting for the reporter' },
  answered: { id: 'Sudah ditanggapi', en: 'Answered' },
  reopened: { id: 'Dibuka kembali', en: 'Reopened' },
  reassign_requested: { id: 'Bukan kewenangan, menunggu disposisi ulang', en: 'Reassignment requested' },
  closed: { id: 'Ditutup', en: 'Closed' },
  archived: { id: 'Diarsipkan', en: 'Archived' },
};
