import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintReceivedV1 } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxRelay, OutboxWriter, schemaOfManager } from '@bekasi/messaging';
import { counter, SERVICE_CONFIG } from '@bekasi/platform';
import {
  complaintIdentityKey,
  complaintReceivedOf,
  DEFAULT_DUPLICATE_POLICY,
  duplicateLikelihood,
  isHistorical,
  kecamatanMentionedIn,
  priorityOf,
  toPublicComplaint,
  type ComplaintDraft,
  type ComplaintPriority,
  type LikelyDuplicate,
} from '@bekasi/intake-domain';
import type { IntakeConfig } from '../intake.config';

export interface IncomingComplaint {
  draft: ComplaintDraft;
  /** Priority the sender asked for; the Bupati channel is high whatever is asked. */
  priority?: ComplaintPriority | null;
  importRunId?: string | null;
}

export interface IntakeReceipt {
  complaintId: string;
  trackingId: string;
  /** This delivery repeated one already received (same source namespace and external id): nothing new was stored. */
  repeat: boolean;
  /** The earlier complaint this one likely duplicates (flagged, not merged). */
  likelyDuplicateOf: LikelyDuplicate | null;
}

const received = counter({ name: 'intake_complaints_received_total', help: 'Complaints stored and announced', labelNames: ['source', 'historical'] });
const repeats = counter({ name: 'intake_complaints_repeated_total', help: 'Deliveries of a complaint already received', labelNames: ['source'] });

/** How many earlier complaints of the same place and time window are compared with a new one. */
const DUPLICATE_CANDIDATES = 40;
const DAY_MS = 86_400_000;

/**
 * The one door every channel goes through: stores the complaint (clear and masked) and appends
 * complaint.received to the outbox in the caller's transaction, once per identity key.
 */
@Injectable()
export class ComplaintIntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  async receive(incoming: IncomingComplaint): Promise<IntakeReceipt> {
    const receipt = await this.dataSource.transaction((tx) => this.receiveWithin(tx, incoming));
    this.relay.nudge();
    return receipt;
  }

  async receiveWithin(tx: EntityManager, incoming: IncomingComplaint): Promise<IntakeReceipt> {
    const { draft } = incoming;
    const schema = schemaOfManager(tx);
    const identityKey = complaintIdentityKey(draft.source, draft.externalId);
    const existing = await this.findByIdentity(tx, schema, identityKey);
    if (existing) {
      repeats.inc({ source: draft.source });
      return existing;
    }

    const published = toPublicComplaint(draft);
    const historical = isHistorical(published);
    const priority = priorityOf(draft, incoming.priority);
    const kecamatanHint = kecamatanMentionedIn(`${draft.title}\n${draft.text}\n${draft.locationText ?? ''}`);
    const categoryHint = draft.category?.id ?? draft.category?.name ?? null;
    const likelyDuplicateOf = await this.likelyDuplicate(tx, schema, { title: published.title, text: published.text, receivedAt: draft.receivedAt, kecamatanHint, categoryHint });
    const complaintId = randomUUID();
    const [{ n }] = await tx.query(`SELECT nextval('"${schema}"."tracking_number"')::text AS n`);
    const trackingId = `${this.config.TRACKING_ID_PREFIX}-${this.jakartaYear()}-${String(n).padStart(6, '0')}`;
    const disposition = draft.historicalDisposition ?? null;

    const inserted: { id: string }[] = await tx.query(
      `INSERT INTO "${schema}"."complaints" ("id", "tracking_id", "identity_key", "source", "external_id", "channel", "received_at", "title", "text",
         "location_text", "reporter", "public_title", "public_text", "personal_data_masked", "category_id", "category", "classification",
         "anonymous", "confidential", "priority", "historical", "historical_disposition", "kecamatan_hint", "duplicate_of", "duplicate_score", "import_run_id")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25,$26)
       ON CONFLICT ("identity_key") DO NOTHING RETURNING "id"`,
      [
        complaintId, trackingId, identityKey, draft.source, draft.externalId, draft.channel, draft.receivedAt, draft.title, draft.text,
        draft.locationText, draft.reporter ? JSON.stringify(draft.reporter) : null, published.title, published.text, published.personalDataMasked,
        draft.category?.id ?? null, draft.category?.name ?? null, draft.classification, draft.anonymous, draft.confidential, priority, historical,
        disposition ? JSON.stringify(disposition) : null, kecamatanHint, likelyDuplicateOf?.complaintId ?? null, likelyDuplicateOf?.score ?? null,
        incoming.importRunId ?? null,
      ],
    );
    if (inserted.length === 0) {
      // Another delivery of the same report committed between our look-up and insert.
      const winner = await this.findByIdentity(tx, schema, identityKey);
      repeats.inc({ source: draft.source });
      return winner!;
    }

    const event = complaintReceivedOf(published, { complaintId, trackingId, priority, duplicateOf: likelyDuplicateOf });
    await this.outbox.append(tx, ComplaintReceivedV1, event, { subject: complaintId });
    received.inc({ source: draft.source, historical: String(historical) });
    return { complaintId, trackingId, repeat: false, likelyDuplicateOf };
  }

  private async findByIdentity(tx: EntityManager, schema: string, identityKey: string): Promise<IntakeReceipt | null> {
    const rows: { id: string; tracking_id: string; duplicate_of: string | null; duplicate_score: number | null; duplicate_tracking_id: string | null }[] =
      await tx.query(
        `SELECT c."id", c."tracking_id", c."duplicate_of", c."duplicate_score", d."tracking_id" AS "duplicate_tracking_id"
           FROM "${schema}"."complaints" c LEFT JOIN "${schema}"."complaints" d ON d."id" = c."duplicate_of"
          WHERE c."identity_key" = $1`,
        [identityKey],
      );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      complaintId: row.id,
      trackingId: row.tracking_id,
      repeat: true,
      likelyDuplicateOf:
        row.duplicate_of && row.duplicate_tracking_id
          ? { complaintId: row.duplicate_of, trackingId: row.duplicate_tracking_id, score: Number(row.duplicate_score) }
          : null,
    };
  }

  /** The most similar earlier complaint of the same place within the window, when likely the same problem. */
  private async likelyDuplicate(
    tx: EntityManager,
    schema: string,
    complaint: { title: string; text: string; receivedAt: Date; kecamatanHint: string | null; categoryHint: string | null },
  ): Promise<LikelyDuplicate | null> {
    const window = DEFAULT_DUPLICATE_POLICY.windowDays * DAY_MS;
    // Candidates of another category score 0 (DEFAULT_DUPLICATE_POLICY.differentCategoryFactor), so they are not fetched.
    const candidates: { id: string; tracking_id: string; public_title: string; public_text: string; kecamatan_hint: string | null; category_hint: string | null; received_at: Date }[] =
      await tx.query(
        `SELECT "id", "tracking_id", "public_title", "public_text", "kecamatan_hint", coalesce("category_id", "category") AS "category_hint", "received_at"
           FROM "${schema}"."complaints"
          WHERE "received_at" BETWEEN $1 AND $2 AND ($3::text IS NULL OR "kecamatan_hint" IS NULL OR "kecamatan_hint" = $3)
            AND ($5::text IS NULL OR coalesce("category_id", "category") IS NULL OR lower(coalesce("category_id", "category")) = lower($5))
          ORDER BY abs(extract(epoch FROM "received_at" - $4::timestamptz)) LIMIT ${DUPLICATE_CANDIDATES}`,
        [new Date(complaint.receivedAt.getTime() - window), new Date(complaint.receivedAt.getTime() + window), complaint.kecamatanHint, complaint.receivedAt, complaint.categoryHint],
      );
    let best: LikelyDuplicate | null = null;
    for (const candidate of candidates) {
      const score = duplicateLikelihood(complaint, {
        title: candidate.public_title,
        text: candidate.public_text,
        kecamatanHint: candidate.kecamatan_hint,
        categoryHint: candidate.category_hint,
        receivedAt: new Date(candidate.received_at),
      });
      if (score >= DEFAULT_DUPLICATE_POLICY.threshold && (!best || score > best.score)) {
        best = { complaintId: candidate.id, trackingId: candidate.tracking_id, score };
      }
    }
    return best;
  }

  private jakartaYear(): number {
    return new Date(this.clock.now().getTime() + 7 * 3_600_000).getUTCFullYear();
  }
}
