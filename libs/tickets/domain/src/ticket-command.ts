import type { BilingualText } from './bilingual-text';
import type { ArchiveKind } from './ticket-snapshot';

export const TICKET_ACTIONS = [
  'route',
  'send_to_triage',
  'dispose',
  'acknowledge',
  'start_work',
  'request_info',
  'reporter_reply',
  'post_answer',
  'request_reassign',
  'reopen',
  'close',
  'rate',
  'archive',
  'withdraw',
  'add_note',
] as const;

export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Archive kinds staff and automation may choose; `withdrawn` comes only from the reporter's `withdraw`. */
export type ArchiveCommandKind = Exclude<ArchiveKind, 'withdrawn'>;

export type TicketCommand =
  /** Routing chose a unit (`ticket.routed`). */
  | { readonly type: 'route'; readonly unitCode: string; readonly reason?: string }
  /** Routing could not choose: the LAPOR admin must. */
  | { readonly type: 'send_to_triage'; readonly reason?: string }
  /** The LAPOR admin's disposisi, also to correct a unit before it acknowledged. */
  | { readonly type: 'dispose'; readonly unitCode: string; readonly reason?: string }
  | { readonly type: 'acknowledge' }
  | { readonly type: 'start_work' }
  /** "Menunggu Kelengkapan Informasi": the question goes to the reporter and the clock stops. */
  | { readonly type: 'request_info'; readonly question: string }
  | { readonly type: 'reporter_reply'; readonly message: string }
  /** Tindak lanjut. */
  | { readonly type: 'post_answer'; readonly answer: string }
  /** "Bukan kewenangan". */
  | { readonly type: 'request_reassign'; readonly reason: string }
  | { readonly type: 'reopen'; readonly reason: string }
  /** The rating may come only from the reporter; the admin must say why they close. */
  | { readonly type: 'close'; readonly rating?: number; readonly reason?: string }
  | { readonly type: 'rate'; readonly rating: number }
  /** Also the way to merge a duplicate: kind `duplicate` with the ticket that carries on. */
  | { readonly type: 'archive'; readonly kind: ArchiveCommandKind; readonly reason: string; readonly duplicateOfTicketId?: string }
  /** The reporter no longer needs the report handled ("Diarsipkan oleh Pelapor"). */
  | { readonly type: 'withdraw'; readonly reason?: string }
  /** Internal note: audited, no state change. */
  | { readonly type: 'add_note'; readonly note: string };

export type CommandOf<A extends TicketAction> = Extract<TicketCommand, { type: A }>;

export const ACTION_LABELS: Readonly<Record<TicketAction, BilingualText>> = {
  route: { id: 'Disposisi otomatis', en: 'Route automatically' },
  send_to_triage: { id: 'Teruskan ke admin untuk verifikasi', en: 'Send to triage' },
  dispose: { id: 'Disposisi', en: 'Dispose to a unit' },
  acknowledge: { id: 'Terima disposisi', en: 'Acknowledge' },
  start_work: { id: 'Mulai tindak lanjut', en: 'Start work' },
  request_info: { id: 'Minta kelengkapan informasi', en: 'Request information' },
  reporter_reply: { id: 'Balasan pelapor', en: 'Reporter reply' },
  post_answer: { id: 'Kirim tindak lanjut', en: 'Post answer' },
  request_reassign: { id: 'Bukan kewenangan', en: 'Request reassignment' },
  reopen: { id: 'Buka kembali', en: 'Reopen' },
  close: { id: 'Tutup laporan', en: 'Close' },
  rate: { id: 'Beri penilaian', en: 'Rate' },
  archive: { id: 'Arsipkan', en: 'Archive' },
  withdraw: { id: 'Tarik laporan', en: 'Withdraw' },
  add_note: { id: 'Tambah catatan', en: 'Add note' },
};
