import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { seededRandom } from '@bekasi/intake-domain';
import type { LaporStatusLabel } from '@bekasi/tickets-domain';
import { LAPOR_SIM_CONFIG, LaporFeed } from './lapor-feed';
import type { LaporSimConfig } from './lapor-sim.config';

/** What a K/L/D application may write back to a report through the integration API. */
export const ACTION_TYPES = ['disposition', 'follow_up', 'info_request', 'reassignment', 'closure'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export interface ReceivedAttachment {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** One action as LAPOR! keeps it on the report (what `GET /admin/reports/:id/follow-ups` lists). */
export interface ReceivedAction {
  id: string;
  type: ActionType;
  trackingId: string;
  idempotencyKey: string;
  receivedAt: string;
  instansiId: string | null;
  content: string | null;
  attachments: ReceivedAttachment[];
}

/** A change made on the LAPOR! side that the regency's application reads back from the updates feed. */
export interface ReportUpdate {
  id: string;
  tracking_id: string;
  type: 'reply' | 'rating' | 'status';
  message: string | null;
  rating: number | null;
  status: string | null;
  attachments: ReceivedAttachment[];
  created_at: string;
}

export interface IntegrationFaults {
  /** Share of write requests answered 503 without effect. */
  errorRate: number;
  /** Share of write requests stored, then the connection dropped before the answer (the answer is lost). */
  lostAnswerRate: number;
  /** Share of write requests answered slowly, and how slowly. */
  slowRate: number;
  slowMs: number;
  /** Share of write requests LAPOR! receives twice (a proxy's retry); the idempotency key must absorb the second. */
  duplicateSubmissionRate: number;
  /** Share of update-feed pages that serve an already served update again. */
  updateDuplicateRate: number;
  /** Deterministic counterparts for tests: the next N write requests fail this way. */
  failNext: number;
  loseNext: number;
}

export type WriteOutcome =
  | { kind: 'error'; slowMs: number }
  | { kind: 'stored' | 'lost'; slowMs: number; action: ReceivedAction; duplicate: boolean }
  | { kind: 'refused'; status: number; message: string };

export interface WriteRequest {
  trackingId: string;
  type: ActionType;
  idempotencyKey: string;
  instansiId?: string | null;
  content?: string | null;
  closedBy?: string | null;
  attachments?: { fileName: string; contentType: string; contentBase64: string }[];
}

/** The label LAPOR! shows after each action (the portal's own words, as the tickets domain knows them). */
const STATUS_AFTER: Record<Exclude<ActionType, 'closure'>, LaporStatusLabel> = {
  disposition: 'Terverifikasi',
  follow_up: 'Ditindaklanjuti',
  info_request: 'Menunggu Kelengkapan Informasi',
  reassignment: 'Terverifikasi',
};
const CLOSED_BY: Record<string, LaporStatusLabel> = { reporter: 'Ditutup oleh Pelapor', system: 'Ditutup oleh Sistem', admin: 'Ditutup oleh Admin' };

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * The integration API side of the simulator: actions written back per report (deduplicated by
 * idempotency key, as the connector's exactly-once relies on), the report's status as LAPOR!
 * shows it, and the updates feed of replies, ratings and status changes made on the LAPOR! side.
 */
@Injectable()
export class LaporIntegration {
  private readonly actions = new Map<string, ReceivedAction[]>();
  private readonly byKey = new Map<string, ReceivedAction>();
  private readonly statuses = new Map<string, string>();
  private updates: ReportUpdate[] = [];
  private random: () => number;
  readonly faults: IntegrationFaults = {
    errorRate: 0,
    lostAnswerRate: 0,
    slowRate: 0,
    slowMs: 3_000,
    duplicateSubmissionRate: 0,
    updateDuplicateRate: 0,
    failNext: 0,
    loseNext: 0,
  };
  writes = 0;
  duplicateSubmissions = 0;

  private readonly knownOnly: boolean;

  constructor(private readonly feed: LaporFeed, @Inject(LAPOR_SIM_CONFIG) config: LaporSimConfig) {
    this.random = seededRandom(config.LAPOR_SIM_SEED ^ 0x696e7467);
    this.knownOnly = config.LAPOR_SIM_KNOWN_REPORTS_ONLY;
  }

  knows(trackingId: string): boolean {
    return this.feed.find(trackingId) !== undefined || (!this.knownOnly && /^\d{1,12}$/.test(trackingId));
  }

  /** Applies one write; the caller turns the outcome into HTTP (and drops the socket for 'lost'). */
  write(request: WriteRequest): WriteOutcome {
    this.writes++;
    const slowMs = this.random() < this.faults.slowRate ? this.faults.slowMs : 0;
    if (this.faults.failNext > 0) {
      this.faults.failNext--;
      return { kind: 'error', slowMs };
    }
    if (this.random() < this.faults.errorRate) return { kind: 'error', slowMs };
    if (!this.knows(request.trackingId)) return { kind: 'refused', status: 404, message: `Laporan ${request.trackingId} tidak ditemukan` };
    if (request.type === 'disposition' && !request.instansiId) return { kind: 'refused', status: 422, message: 'instansi_id wajib diisi untuk disposisi' };
    if ((request.type === 'follow_up' || request.type === 'info_request' || request.type === 'reassignment') && !request.content?.trim()) {
      return { kind: 'refused', status: 422, message: 'content wajib diisi' };
    }
    const previous = this.byKey.get(request.idempotencyKey);
    if (previous && (previous.trackingId !== request.trackingId || previous.type !== request.type)) {
      return { kind: 'refused', status: 422, message: 'Idempotency-Key sudah dipakai untuk permintaan lain' };
    }
    const stored = previous ?? this.store(request);
    // A proxy's retry: the same request arrives once more; the key must make it a no-op.
    if (this.random() < this.faults.duplicateSubmissionRate) {
      this.duplicateSubmissions++;
      this.store(request);
    }
    const lost = this.faults.loseNext > 0 || this.random() < this.faults.lostAnswerRate;
    if (this.faults.loseNext > 0) this.faults.loseNext--;
    return { kind: lost ? 'lost' : 'stored', slowMs, action: stored, duplicate: previous !== undefined };
  }

  private store(request: WriteRequest): ReceivedAction {
    const existing = this.byKey.get(request.idempotencyKey);
    if (existing) return existing;
    const action: ReceivedAction = {
      id: randomUUID(),
      type: request.type,
      trackingId: request.trackingId,
      idempotencyKey: request.idempotencyKey,
      receivedAt: new Date().toISOString(),
      instansiId: request.instansiId ?? null,
      content: request.content ?? null,
      attachments: (request.attachments ?? []).map((a) => {
        const bytes = Buffer.from(a.contentBase64, 'base64');
        return { fileName: a.fileName, contentType: a.contentType, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      }),
    };
    this.byKey.set(request.idempotencyKey, action);
    const list = this.actions.get(request.trackingId) ?? [];
    list.push(action);
    this.actions.set(request.trackingId, list);
    this.statuses.set(request.trackingId, request.type === 'closure' ? CLOSED_BY[request.closedBy ?? 'admin'] ?? 'Ditutup oleh Admin' : STATUS_AFTER[request.type]);
    return action;
  }

  static attachmentTooLarge(contentBase64: string): boolean {
    return (contentBase64.length * 3) / 4 > MAX_ATTACHMENT_BYTES;
  }

  actionsOf(trackingId: string): ReceivedAction[] {
    return [...(this.actions.get(trackingId) ?? [])];
  }

  statusOf(trackingId: string): string {
    return this.statuses.get(trackingId) ?? 'Belum Terverifikasi';
  }

  /** A change made on the LAPOR! side (by the reporter or LAPOR!'s admin), appended to the updates feed. */
  addUpdate(trackingId: string, update: Pick<ReportUpdate, 'type'> & Partial<Pick<ReportUpdate, 'message' | 'rating' | 'status'>>): ReportUpdate {
    const entry: ReportUpdate = {
      id: `upd-${this.updates.length + 1}`,
      tracking_id: trackingId,
      type: update.type,
      message: update.message ?? null,
      rating: update.rating ?? null,
      status: update.status ?? null,
      attachments: [],
      created_at: new Date().toISOString(),
    };
    if (update.type === 'status' && update.status) this.statuses.set(trackingId, update.status);
    this.updates.push(entry);
    return entry;
  }

  /** One page of the updates feed after `cursor` (an offset), repeating an old update now and then if told to. */
  updatesPage(cursor: string | undefined, limit: number) {
    const offset = Math.min(Number(cursor ?? 0), this.updates.length);
    const items = this.updates.slice(offset, offset + limit);
    const next = offset + items.length;
    if (offset > 0 && this.random() < this.faults.updateDuplicateRate) items.push(this.updates[Math.floor(this.random() * offset)]);
    return { items, next_cursor: String(next), has_more: next < this.updates.length };
  }

  state() {
    return {
      faults: { ...this.faults },
      writes: this.writes,
      duplicateSubmissions: this.duplicateSubmissions,
      actions: this.byKey.size,
      updates: this.updates.length,
    };
  }

  reset() {
    this.actions.clear();
    this.byKey.clear();
    this.statuses.clear();
    this.updates = [];
    this.writes = 0;
    this.duplicateSubmissions = 0;
  }
}
