/**
 * What the regency writes back to SP4N-LAPOR!'s integration API for a ticket that came from
 * LAPOR!, decided from the ticket's lifecycle events: which event becomes which action, the
 * action's idempotency key, how LAPOR!'s answer is read (sent, retry, refused) and how long to
 * wait before a retry. Pure: the connector in intake does the I/O.
 */

export const LAPOR_ACTION_KINDS = ['disposition', 'follow_up', 'info_request', 'reassignment', 'closure'] as const;
export type LaporActionKind = (typeof LAPOR_ACTION_KINDS)[number];

export interface OutboundFileRef {
  readonly fileId: string;
  readonly storageKey: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
}

/** What an action says; the instansi id of a disposisi is looked up when it is sent, so a fixed mapping helps a resend. */
export interface OutboundActionPayload {
  readonly content: string | null;
  readonly unitCode: string | null;
  readonly files: readonly OutboundFileRef[];
  readonly closedBy?: string | null;
  readonly rating?: number | null;
}

export interface OutboundAction {
  readonly kind: LaporActionKind;
  readonly payload: OutboundActionPayload;
}

/** The lifecycle event fields the mapping reads (any `ticket.*` event's data). */
export interface TicketEventFacts {
  readonly unitCode?: string | null;
  readonly reason?: string | null;
  readonly question?: string;
  readonly answer?: string;
  readonly answerSummary?: string;
  readonly files?: readonly OutboundFileRef[];
  readonly closedBy?: string;
  readonly rating?: number | null;
}

/** The action a ticket event (by name, e.g. `ticket.answered`) asks for on LAPOR!, or null when LAPOR! need not hear of it. */
export function outboundActionOf(eventName: string, data: TicketEventFacts): OutboundAction | null {
  const none = { files: [] as OutboundFileRef[], unitCode: null };
  switch (eventName) {
    case 'ticket.assigned':
      return { kind: 'disposition', payload: { ...none, unitCode: data.unitCode ?? null, content: data.reason ?? null } };
    case 'ticket.answered':
      return { kind: 'follow_up', payload: { unitCode: data.unitCode ?? null, content: data.answer ?? data.answerSummary ?? '', files: [...(data.files ?? [])] } };
    case 'ticket.info-requested':
      return { kind: 'info_request', payload: { ...none, content: data.question ?? '' } };
    case 'ticket.reassign-requested':
      return { kind: 'reassignment', payload: { ...none, unitCode: data.unitCode ?? null, content: data.reason ?? '' } };
    case 'ticket.closed':
      return { kind: 'closure', payload: { ...none, content: data.reason ?? null, closedBy: data.closedBy ?? null, rating: data.rating ?? null } };
    default:
      return null;
  }
}

/** One key per event, the same on every retry and after a restart: LAPOR! stores the action once. */
export function idempotencyKeyOf(eventId: string): string {
  return `bekasi-${eventId}`;
}

export type LaporAnswerVerdict = 'sent' | 'retry' | 'refused';

/**
 * How LAPOR!'s answer is taken. 2xx: done. 409 (already there): done — the key made a retry a
 * no-op. 408, 425, 429, 5xx, timeouts and dropped connections: try again later. Any other 4xx
 * is LAPOR! refusing the action itself: retrying would be refused again, so an admin must look.
 */
export function verdictOf(answer: { status: number } | 'timeout' | 'network'): LaporAnswerVerdict {
  if (answer === 'timeout' || answer === 'network') return 'retry';
  const { status } = answer;
  if (status >= 200 && status < 300) return 'sent';
  if (status === 409) return 'sent';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'refused';
}

/** Exponential backoff with full jitter: attempt 1 waits about base, then doubles up to max. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Paths of the integration API; `{trackingId}` is filled in (URL-encoded). */
export const DEFAULT_LAPOR_CONNECTOR_PATHS = {
  disposition: '/api/v1/reports/{trackingId}/dispositions',
  follow_up: '/api/v1/reports/{trackingId}/follow-ups',
  info_request: '/api/v1/reports/{trackingId}/info-requests',
  reassignment: '/api/v1/reports/{trackingId}/reassignments',
  closure: '/api/v1/reports/{trackingId}/closure',
  report: '/api/v1/reports/{trackingId}',
  updates: '/api/v1/report-updates',
} as const;
export type LaporConnectorPaths = Record<keyof typeof DEFAULT_LAPOR_CONNECTOR_PATHS, string>;

/** Field names of the integration API's bodies and answers. */
export const DEFAULT_LAPOR_CONNECTOR_FIELDS = {
  instansiId: 'instansi_id',
  content: 'content',
  closedBy: 'closed_by',
  attachments: 'attachments',
  fileName: 'file_name',
  contentType: 'content_type',
  contentBase64: 'content_base64',
  status: 'status',
  updateId: 'id',
  updateTrackingId: 'tracking_id',
  updateType: 'type',
  updateMessage: 'message',
  updateRating: 'rating',
  updateStatus: 'status',
  updateAt: 'created_at',
} as const;
export type LaporConnectorFields = Record<keyof typeof DEFAULT_LAPOR_CONNECTOR_FIELDS, string>;

export function laporConnectorPaths(overrides: Record<string, unknown> = {}): LaporConnectorPaths {
  return merge(DEFAULT_LAPOR_CONNECTOR_PATHS, overrides, 'LAPOR_CONNECTOR_PATHS');
}

export function laporConnectorFields(overrides: Record<string, unknown> = {}): LaporConnectorFields {
  return merge(DEFAULT_LAPOR_CONNECTOR_FIELDS, overrides, 'LAPOR_CONNECTOR_FIELD_MAPPING');
}

function merge<T extends Record<string, string>>(defaults: T, overrides: Record<string, unknown>, name: string): Record<keyof T, string> {
  for (const [key, value] of Object.entries(overrides)) {
    if (!(key in defaults)) throw new Error(`${name}: unknown field "${key}" (known: ${Object.keys(defaults).join(', ')})`);
    if (typeof value !== 'string' || !value) throw new Error(`${name}: "${key}" must be a non-empty string`);
  }
  return { ...defaults, ...(overrides as Record<string, string>) };
}

export function pathFor(template: string, trackingId: string): string {
  return template.replace('{trackingId}', encodeURIComponent(trackingId));
}

export interface AttachmentBody {
  readonly fileName: string;
  readonly contentType: string;
  readonly contentBase64: string;
}

/** The request body of an action, in the API's field names. */
export function requestBodyOf(
  action: OutboundAction,
  extra: { instansiId?: string | null; attachments?: readonly AttachmentBody[] },
  fields: LaporConnectorFields,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (action.payload.content) body[fields.content] = action.payload.content;
  if (action.kind === 'disposition') body[fields.instansiId] = extra.instansiId ?? null;
  if (action.kind === 'closure' && action.payload.closedBy) body[fields.closedBy] = action.payload.closedBy;
  if (extra.attachments?.length) {
    body[fields.attachments] = extra.attachments.map((a) => ({ [fields.fileName]: a.fileName, [fields.contentType]: a.contentType, [fields.contentBase64]: a.contentBase64 }));
  }
  return body;
}

export type LaporUpdateKind = 'reply' | 'rating' | 'status';

export interface LaporUpdateReading {
  readonly updateId: string;
  readonly laporTrackingId: string;
  readonly kind: LaporUpdateKind;
  readonly message: string | null;
  readonly rating: number | null;
  readonly laporStatus: string | null;
  readonly at: Date;
}

/** One record of the updates feed, or the reason it cannot be read. */
export function readLaporUpdate(record: unknown, fields: LaporConnectorFields, now: Date): { update: LaporUpdateReading } | { rejection: string } {
  if (!record || typeof record !== 'object') return { rejection: 'not an object' };
  const r = record as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
  const updateId = str(r[fields.updateId]);
  const laporTrackingId = str(r[fields.updateTrackingId]);
  const kind = str(r[fields.updateType]);
  if (!updateId) return { rejection: 'no update id' };
  if (!laporTrackingId) return { rejection: 'no tracking id' };
  if (kind !== 'reply' && kind !== 'rating' && kind !== 'status') return { rejection: `unknown update type ${kind}` };
  const rating = r[fields.updateRating] === null || r[fields.updateRating] === undefined ? null : Number(r[fields.updateRating]);
  if (kind === 'rating' && (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5)) return { rejection: 'rating must be 1-5' };
  const message = str(r[fields.updateMessage]);
  if (kind === 'reply' && !message) return { rejection: 'reply without message' };
  const laporStatus = str(r[fields.updateStatus]);
  if (kind === 'status' && !laporStatus) return { rejection: 'status change without status' };
  const at = str(r[fields.updateAt]);
  const parsed = at ? new Date(at) : now;
  return {
    update: {
      updateId,
      laporTrackingId,
      kind,
      message,
      rating: kind === 'rating' ? rating : null,
      laporStatus: kind === 'status' ? laporStatus : null,
      at: Number.isNaN(parsed.getTime()) ? now : parsed,
    },
  };
}

/** What to do when LAPOR!'s status of a ticket differs from the one ours implies. */
export type DriftResolution = 'in_queue' | 'resend' | 'manual';

/**
 * Safe to fix means: our side holds the newer truth and LAPOR! only missed an action. If an action
 * for the ticket is still queued the difference closes by itself; if everything was sent yet
 * LAPOR! still shows an earlier stage, the last action is resent (its key keeps that harmless).
 * LAPOR! ahead of us (closed or archived there, open here) is for the admin to decide.
 */
export function driftResolutionOf(input: { ourLabel: string; laporLabel: string; unsentActions: number; laporAhead: boolean }): DriftResolution | null {
  if (input.ourLabel === input.laporLabel) return null;
  if (input.unsentActions > 0) return 'in_queue';
  if (input.laporAhead) return 'manual';
  return 'resend';
}

const STAGE: Record<string, number> = {
  'Belum Terverifikasi': 0,
  Terverifikasi: 1,
  'Menunggu Kelengkapan Informasi': 1,
  Ditindaklanjuti: 2,
};

/** LAPOR! shows a later stage than ours (a closure or archive made there, or an answer we never sent). */
export function laporIsAhead(ourLabel: string, laporLabel: string): boolean {
  const ours = STAGE[ourLabel] ?? 3;
  const theirs = STAGE[laporLabel] ?? 3;
  return theirs > ours || (theirs === 3 && ours === 3 && ourLabel !== laporLabel);
}
