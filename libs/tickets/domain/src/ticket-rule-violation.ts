import { ROLE_LABELS, type ActorRole } from './actor';
import type { BilingualText } from './bilingual-text';
import { ACTION_LABELS, TICKET_ACTIONS, type TicketAction } from './ticket-command';
import { STATUS_LABELS, type TicketStatus } from './ticket-status';

export const TICKET_RULE_VIOLATION_CODES = [
  'UNKNOWN_ACTION',
  'ROLE_NOT_ALLOWED',
  'TRANSITION_NOT_ALLOWED',
  'NOT_YOUR_UNIT',
  'UNIT_REQUIRED',
  'SAME_UNIT',
  'QUESTION_REQUIRED',
  'MESSAGE_REQUIRED',
  'ANSWER_REQUIRED',
  'NOTE_REQUIRED',
  'REASON_REQUIRED',
  'INVALID_RATING',
  'RATING_NOT_ALLOWED',
  'ARCHIVE_KIND_NOT_ALLOWED',
  'DUPLICATE_LINK_REQUIRED',
  'DUPLICATE_OF_SELF',
] as const;

/** Stable codes: the API maps them to HTTP statuses and the UI may switch on them. */
export type TicketRuleViolationCode = (typeof TICKET_RULE_VIOLATION_CODES)[number];

export interface TicketRuleViolation {
  readonly code: TicketRuleViolationCode;
  readonly message: BilingualText;
  readonly action: string;
  readonly status: TicketStatus;
  readonly role: ActorRole;
}

export interface ViolationContext {
  readonly action: string;
  readonly status: TicketStatus;
  readonly role: ActorRole;
}

function actionLabel(action: string): BilingualText {
  return (TICKET_ACTIONS as readonly string[]).includes(action) ? ACTION_LABELS[action as TicketAction] : { id: action, en: action };
}

const MESSAGES: Readonly<Record<TicketRuleViolationCode, (ctx: ViolationContext) => BilingualText>> = {
  UNKNOWN_ACTION: ({ action }) => ({
    id: `Tindakan "${action}" tidak dikenal.`,
    en: `Unknown action "${action}".`,
  }),
  ROLE_NOT_ALLOWED: ({ action, role }) => ({
    id: `${ROLE_LABELS[role].id} tidak berwenang melakukan "${actionLabel(action).id}".`,
    en: `The ${ROLE_LABELS[role].en.toLowerCase()} may not "${actionLabel(action).en}".`,
  }),
  TRANSITION_NOT_ALLOWED: ({ action, status }) => ({
    id: `"${actionLabel(action).id}" tidak dapat dilakukan pada laporan berstatus "${STATUS_LABELS[status].id}".`,
    en: `"${actionLabel(action).en}" is not possible on a ticket that is "${STATUS_LABELS[status].en}".`,
  }),
  NOT_YOUR_UNIT: () => ({
    id: 'Laporan ini tidak didisposisikan ke unit Anda.',
    en: 'This ticket is not assigned to your unit.',
  }),
  UNIT_REQUIRED: () => ({
    id: 'Unit tujuan disposisi wajib diisi.',
    en: 'The unit to assign the ticket to is required.',
  }),
  SAME_UNIT: () => ({
    id: 'Laporan sudah didisposisikan ke unit tersebut.',
    en: 'The ticket is already assigned to that unit.',
  }),
  QUESTION_REQUIRED: () => ({
    id: 'Pertanyaan kepada pelapor wajib diisi.',
    en: 'The question to the reporter is required.',
  }),
  MESSAGE_REQUIRED: () => ({
    id: 'Isi balasan wajib diisi.',
    en: 'The reply must not be empty.',
  }),
  ANSWER_REQUIRED: () => ({
    id: 'Isi tindak lanjut wajib diisi.',
    en: 'The answer must not be empty.',
  }),
  NOTE_REQUIRED: () => ({
    id: 'Isi catatan wajib diisi.',
    en: 'The note must not be empty.',
  }),
  REASON_REQUIRED: () => ({
    id: 'Alasan wajib diisi.',
    en: 'A reason is required.',
  }),
  INVALID_RATING: () => ({
    id: 'Penilaian harus berupa bilangan bulat 1 sampai 5.',
    en: 'The rating must be a whole number from 1 to 5.',
  }),
  RATING_NOT_ALLOWED: () => ({
    id: 'Hanya pelapor yang dapat memberi penilaian.',
    en: 'Only the reporter may rate.',
  }),
  ARCHIVE_KIND_NOT_ALLOWED: ({ role }) => ({
    id: `Jenis arsip ini tidak dapat dipilih oleh ${ROLE_LABELS[role].id}.`,
    en: `The ${ROLE_LABELS[role].en.toLowerCase()} may not archive with this kind.`,
  }),
  DUPLICATE_LINK_REQUIRED: () => ({
    id: 'Laporan duplikat harus merujuk laporan yang diteruskan.',
    en: 'A duplicate must name the ticket it duplicates.',
  }),
  DUPLICATE_OF_SELF: () => ({
    id: 'Laporan tidak dapat menjadi duplikat dirinya sendiri.',
    en: 'A ticket cannot be a duplicate of itself.',
  }),
};

export function ticketRuleViolation(code: TicketRuleViolationCode, ctx: ViolationContext): TicketRuleViolation {
  return { code, message: MESSAGES[code](ctx), action: ctx.action, status: ctx.status, role: ctx.role };
}
