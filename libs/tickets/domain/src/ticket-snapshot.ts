import type { PausableStatus, TicketStatus } from './ticket-status';

export type ClosedBy = 'reporter' | 'admin' | 'system';
export type ArchivedBy = 'admin' | 'system' | 'reporter';

/** Reporter satisfaction, 1 (very dissatisfied) to 5 (very satisfied). */
export type SatisfactionRating = 1 | 2 | 3 | 4 | 5;

/**
 * Why a ticket is not processed further. `incomplete_information` is LAPOR's automatic archive of
 * a report whose reporter never completed it; `withdrawn` is the reporter's own archive.
 */
export const ARCHIVE_KINDS = ['spam', 'out_of_scope', 'duplicate', 'incomplete_information', 'withdrawn'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export interface ArchiveRecord {
  readonly kind: ArchiveKind;
  /** Shown to the reporter as LAPOR's "Alasan Tunda/Arsip"; a withdrawing reporter may give none. */
  readonly reason: string | null;
  /** Set exactly when `kind` is `duplicate`: the ticket that carries on. */
  readonly duplicateOfTicketId: string | null;
  readonly archivedBy: ArchivedBy;
  readonly archivedAt: Date;
}

/**
 * The state of one ticket as the state machine sees it. Texts (answers, questions, notes) are not
 * kept here: they travel in the audit entry and the desk stores them with the ticket's history.
 */
export interface TicketSnapshot {
  readonly id: string;
  /** Increases by one with every accepted command: the desk's optimistic-locking version. */
  readonly version: number;
  readonly status: TicketStatus;
  /** The unit that must follow up; null before disposition and after a "bukan kewenangan". */
  readonly unitCode: string | null;
  /** Set exactly while `waiting_reporter`: where the reporter's reply takes the ticket back. */
  readonly pausedFrom: PausableStatus | null;
  readonly pausedAt: Date | null;
  /** How many times a unit has sent the ticket back as not its authority. */
  readonly bounceCount: number;
  /** Units that have declared the ticket not theirs, in order, without repeats; routing avoids them. */
  readonly refusedUnitCodes: readonly string[];
  readonly reopenCount: number;
  readonly receivedAt: Date;
  /** When the current unit received the disposition. */
  readonly assignedAt: Date | null;
  /** When the latest answer was posted; kept through a reopen until the next answer replaces it. */
  readonly answeredAt: Date | null;
  readonly closedAt: Date | null;
  readonly closedBy: ClosedBy | null;
  /** The reporter's rating of the current answer; cleared when the ticket is reopened. */
  readonly rating: SatisfactionRating | null;
  readonly archive: ArchiveRecord | null;
  readonly updatedAt: Date;
}

export function isSatisfactionRating(value: unknown): value is SatisfactionRating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}
