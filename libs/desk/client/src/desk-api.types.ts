// The shapes desk's HTTP API answers with and accepts. Desk's controllers return these types, so
// the gateway and the web UI compile against the same definitions the service is checked with.

export type StaffRole = 'admin' | 'officer' | 'unit_head' | 'asda' | 'sekda' | 'bupati';
export type TicketStatus =
  | 'received'
  | 'triage'
  | 'assigned'
  | 'acknowledged'
  | 'in_progress'
  | 'waiting_reporter'
  | 'answered'
  | 'reopened'
  | 'reassign_requested'
  | 'closed'
  | 'archived';
export type ArchiveKind = 'spam' | 'out_of_scope' | 'duplicate' | 'incomplete_information' | 'withdrawn';
export type TicketAction =
  | 'route'
  | 'send_to_triage'
  | 'dispose'
  | 'acknowledge'
  | 'start_work'
  | 'request_info'
  | 'reporter_reply'
  | 'post_answer'
  | 'request_reassign'
  | 'reopen'
  | 'close'
  | 'rate'
  | 'archive'
  | 'withdraw'
  | 'add_note';

export interface BilingualText {
  id: string;
  en: string;
}

export interface UnitSuggestion {
  unitCode: string;
  score: number;
}

/** What desk knows of the reporter: never the identity (it stays in intake). */
export interface ReporterView {
  anonymous: boolean;
  confidential: boolean;
  /** Channel the report came in by; shown only to the admin for Anonim/Rahasia reports. */
  channel: string | null;
}

export interface TicketSummaryView {
  id: string;
  trackingId: string;
  version: number;
  status: TicketStatus;
  statusLabel: string;
  laporStatus: string;
  unitCode: string | null;
  kecamatanCode: string | null;
  category: string | null;
  classification: string | null;
  priority: 'normal' | 'high';
  title: string;
  receivedAt: string;
  assignedAt: string | null;
  updatedAt: string;
  /** Set once the sla service reported a breached deadline. */
  overdueSince: string | null;
  /** The channel the complaint came by (`lapor-api`, `lapor-webhook`, `lapor-import`, `whatsapp`, ...); null while unknown. */
  source?: string | null;
  /** SP4N-LAPOR!'s tracking id when the complaint came from LAPOR!. */
  laporTrackingId?: string | null;
}

export interface AttachmentMetadata {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url?: string | null;
  /** A stored evidence file: ask `GET /api/v1/tickets/:id/files/:fileId/link` for a download link. */
  fileId?: string | null;
}

export interface AuditEntryView {
  version: number;
  at: string;
  actor: { role: string; userId: string | null };
  action: string;
  actionLabel: string;
  from: TicketStatus | null;
  to: TicketStatus;
  reason: string | null;
  content: string | null;
  attachments: AttachmentMetadata[];
}

export interface TicketDetailView extends TicketSummaryView {
  text: string;
  reporter: ReporterView;
  bounceCount: number;
  refusedUnitCodes: string[];
  reopenCount: number;
  rating: number | null;
  closedBy: string | null;
  archive: { kind: ArchiveKind; reason: string | null; duplicateOfTicketId: string | null; archivedBy: string; archivedAt: string } | null;
  pausedFrom: TicketStatus | null;
  triage: { reason: string | null; suggestions: UnitSuggestion[] } | null;
  availableActions: { action: TicketAction; label: string }[];
  /** The archive kinds the caller may choose now (empty unless `archive` is available). */
  archiveKinds: string[];
  history: AuditEntryView[];
}

/** What the reporter's channel learns after a reply, rating or reopen: the status, nothing internal. */
export interface ReporterTicketView {
  trackingId: string;
  status: TicketStatus;
  statusLabel: string;
  laporStatus: string;
  rating: number | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface InboxQuery {
  status?: TicketStatus | TicketStatus[];
  overdue?: boolean;
  kecamatan?: string;
  category?: string;
  unitCode?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  unitCode: string | null;
  asdaGroup: 'I' | 'II' | 'III' | null;
  active: boolean;
}

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds the access token lives (at most 55): refresh before it ends. */
  expiresIn: number;
  /** For POST /api/v1/auth/refresh; the sign-in ends `refreshExpiresIn` seconds after login, refreshes do not extend it. */
  refreshToken: string;
  refreshExpiresIn: number;
  user: UserView;
}

export interface UnitView {
  code: string;
  name: string;
  abbr: string;
  kind: string;
  asdaGroup: 'I' | 'II' | 'III';
  kecamatanCode: string | null;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  role: StaffRole;
  unitCode?: string | null;
  asdaGroup?: 'I' | 'II' | 'III' | null;
  password: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: StaffRole;
  unitCode?: string | null;
  asdaGroup?: 'I' | 'II' | 'III' | null;
}

/** Error body of a refused request: `code` is stable, `message` is for the user (Bahasa Indonesia). */
export interface DeskErrorBody {
  statusCode: number;
  error: string;
  code?: string;
  message: string;
  currentVersion?: number;
}
