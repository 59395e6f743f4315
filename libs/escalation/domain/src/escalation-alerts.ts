// What an escalation alert says and where it goes outside the app, how often a failed delivery is
// tried again, and which ticket events end a case: rules of the ladder, kept out of the service.
import type { AlertAudience, LadderRole } from './escalation-ladder';

const ROLE_LABELS: Record<LadderRole, string> = {
  unit_head: 'Kepala Perangkat Daerah / Camat',
  asda: 'Asisten Daerah',
  sekda: 'Sekretaris Daerah',
  bupati: 'Bupati',
};

const DEADLINE_LABELS: Record<string, string> = {
  verification: 'verifikasi dan disposisi',
  'first-response': 'tanggapan pertama',
  resolution: 'penyelesaian tindak lanjut',
};

/** The ready message a WhatsApp or e-mail gateway forwards, in Bahasa Indonesia. */
export function alertMessage(level: number, role: string, deadlineKind: string, unitName: string): string {
  return (
    `Eskalasi tingkat ${level} kepada ${ROLE_LABELS[role as LadderRole] ?? role}: tenggat ${DEADLINE_LABELS[deadlineKind] ?? deadlineKind} ` +
    `laporan di ${unitName} telah terlewati dan belum dipenuhi.`
  );
}

/** The key of a position's mailbox in the directory (positions, not people: an acting Sekda reads the Sekda's). */
export function mailboxKey(audience: AlertAudience): string {
  if (audience.role === 'unit_head') return `unit_head:${audience.unitCode}`;
  if (audience.role === 'asda') return `asda:${audience.asdaGroup}`;
  return audience.role;
}

const MAX_BACKOFF_MS = 10 * 60_000;

/** After a failed delivery: give up at the last attempt, otherwise try again after a doubling pause (1 s … 10 min). */
export function afterFailedDelivery(attempts: number, maxAttempts: number): { giveUp: true } | { giveUp: false; retryInMs: number } {
  if (attempts >= maxAttempts) return { giveUp: true };
  return { giveUp: false, retryInMs: Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (attempts - 1)) };
}

/** Which open cases of a ticket an event ends, and how. */
export interface CaseClosing {
  state: 'resolved' | 'cancelled';
  reason: string;
  deadlineKind?: string;
  unitCode?: string;
  otherThanUnit?: string;
}

export type TicketFact =
  | { kind: 'deadline-met'; deadlineKind: string }
  | { kind: 'closed' }
  | { kind: 'archived' }
  | { kind: 'refused'; unitCode: string | null }
  | { kind: 'assigned'; unitCode: string | null };

/**
 * A met deadline resolves its case; the ticket's end cancels every case; "bukan kewenangan" cancels
 * the refusing unit's; a disposisi to another unit cancels the cases of every other unit.
 */
export function closingOf(fact: TicketFact): CaseClosing | null {
  switch (fact.kind) {
    case 'deadline-met':
      return { state: 'resolved', reason: 'tenggat dipenuhi', deadlineKind: fact.deadlineKind };
    case 'closed':
      return { state: 'cancelled', reason: 'laporan ditutup' };
    case 'archived':
      return { state: 'cancelled', reason: 'laporan diarsipkan' };
    case 'refused':
      return { state: 'cancelled', reason: 'bukan kewenangan unit', ...(fact.unitCode ? { unitCode: fact.unitCode } : {}) };
    case 'assigned':
      return fact.unitCode ? { state: 'cancelled', reason: 'didisposisikan ke unit lain', otherThanUnit: fact.unitCode } : null;
  }
}

/** Auto-close is not a failure of anyone's: desk closes the ticket, nobody is alerted. */
export function breachEscalates(deadlineKind: string): boolean {
  return deadlineKind !== 'auto-close';
}
