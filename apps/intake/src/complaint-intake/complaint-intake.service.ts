import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ComplaintReceivedV1 } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { isTransientError, OutboxRelay, OutboxWriter, schemaOfManager, type OutboxItem } from '@bekasi/messaging';
import { counter, histogram, SERVICE_CONFIG } from '@bekasi/platform';
import {
  complaintIdentityKey,
  complaintReceivedOf,
  decodeTextSignature,
  DEFAULT_DUPLICATE_POLICY,
  duplicateLikelihood,
  encodeTextSignature,
  isHistorical,
  kecamatanMentionedIn,
  priorityOf,
  textSignatureOf,
  toPublicComplaint,
  type ComplaintDraft,
  type ComplaintPriority,
  type ComparableComplaint,
  type LikelyDuplicate,
  type TextSignature,
} from '@bekasi/intake-domain';
import type { IntakeConfig } from '../intake.config';
import { TextSignatureCache } from './text-signature-cache';

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

const groupSize = histogram({ name: 'intake_group_commit_size', help: 'Requests committed together by the group commit', buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500] });

/** How many earlier complaints of the same place and time window are compared with a new one. */
const DUPLICATE_CANDIDATES = 40;
/**
 * Signatures kept in memory (about 0.7 KB each): at least the last several minutes of complaints at
 * the highest rates, which are the nearest candidates of every busy place and topic.
 */
const SIGNATURES_CACHED = 20_000;
const DAY_MS = 86_400_000;
/** Requests per group-commit transaction at most; more wait for the next one. */
const GROUP_MAX = 500;
/** Group-commit transactions in flight at once: one fills while the other commits. */
const GROUPS_IN_FLIGHT = 2;

/** The webhook's group commit holds INTAKE_MAX_PENDING complaints already: the sender should retry shortly. */
export class IntakeBusyError extends Error {
  constructor(readonly pending: number) {
    super(`intake holds ${pending} complaints waiting for their commit`);
  }
}

interface Waiting {
  incoming: IncomingComplaint;
  resolve: (receipt: IntakeReceipt) => void;
  reject: (err: unknown) => void;
}

interface Prepared {
  incoming: IncomingComplaint;
  identityKey: string;
  published: ReturnType<typeof toPublicComplaint>;
  historical: boolean;
  priority: ComplaintPriority;
  kecamatanHint: string | null;
  categoryHint: string | null;
  /** Of the published title and text; stored with the row for later duplicate checks. */
  signature: TextSignature;
}

interface CandidateRow {
  n: number;
  id: string;
  tracking_id: string;
  kecamatan_hint: string | null;
  category_hint: string | null;
  received_ms: number;
}

/**
 * The one door every channel goes through: stores the complaint (clear and masked) and appends
 * complaint.received to the outbox in the caller's transaction, once per identity key.
 *
 * Webhook requests are group-committed: requests that arrive while a transaction is in flight wait
 * for the next one, which stores them all with a handful of multi-row statements; each caller is
 * answered after that commit. If a group fails for something other than an outage, its requests
 * are retried one transaction each, so one bad request fails alone.
 */
@Injectable()
export class ComplaintIntakeService implements OnApplicationShutdown {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  /** Complaints received and not yet answered (waiting or in a group in flight). */
  private pending = 0;
  private readonly signatures = new TextSignatureCache(SIGNATURES_CACHED);

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: IntakeConfig,
  ) {}

  /**
   * Stores one complaint in the next group commit; resolves once it is committed. Rejects at once
   * with IntakeBusyError, before anything is written, when INTAKE_MAX_PENDING are pending: under
   * overload the queue stays bounded (memory, and the wait of what is queued) and senders retry.
   */
  receive(incoming: IncomingComplaint): Promise<IntakeReceipt> {
    if (this.pending >= this.config.INTAKE_MAX_PENDING) return Promise.reject(new IntakeBusyError(this.pending));
    this.pending++;
    return new Promise<IntakeReceipt>((resolve, reject) => {
      const settled = <T>(then: (value: T) => void) => (value: T) => {
        this.pending--;
        then(value);
      };
      this.waiting.push({ incoming, resolve: settled(resolve), reject: settled(reject) });
      this.flush();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    while (this.waiting.length > 0 || this.inFlight > 0) await new Promise((r) => setTimeout(r, 20));
  }

  private flush(): void {
    while (this.inFlight < GROUPS_IN_FLIGHT && this.waiting.length > 0) {
      const group = this.waiting.splice(0, GROUP_MAX);
      this.inFlight++;
      void this.commitGroup(group).finally(() => {
        this.inFlight--;
        this.flush();
      });
    }
  }

  private async commitGroup(group: Waiting[]): Promise<void> {
    groupSize.observe(group.length);
    try {
      const receipts = await this.dataSource.transaction((tx) => this.receiveManyWithin(tx, group.map((w) => w.incoming)));
      this.relay.nudge();
      group.forEach((w, i) => w.resolve(receipts[i]));
      return;
    } catch (err) {
      if (group.length === 1 || isTransientError(err)) {
        for (const w of group) w.reject(err);
        return;
      }
    }
    for (const w of group) {
      try {
        const [receipt] = await this.dataSource.transaction((tx) => this.receiveManyWithin(tx, [w.incoming]));
        this.relay.nudge();
        w.resolve(receipt);
      } catch (err) {
        w.reject(err);
      }
    }
  }

  async receiveWithin(tx: EntityManager, incoming: IncomingComplaint): Promise<IntakeReceipt> {
    const [receipt] = await this.receiveManyWithin(tx, [incoming]);
    return receipt;
  }

  /** Several complaints in the caller's transaction, in order; a repeat delivery (also within the list) stores nothing new. */
  async receiveManyWithin(tx: EntityManager, list: readonly IncomingComplaint[]): Promise<IntakeReceipt[]> {
    const schema = schemaOfManager(tx);
    const keys = list.map((i) => complaintIdentityKey(i.draft.source, i.draft.externalId));
    // One round trip: what is known already, and a tracking number for each key that is not.
    const { known, numbers } = await this.findByIdentity(tx, schema, [...new Set(keys)], { reserveNumbers: true });
    const receipts: Array<IntakeReceipt | undefined> = new Array(list.length);
    const fresh: Array<{ index: number; prepared: Prepared }> = [];
    const firstOfKey = new Map<string, number>();
    list.forEach((incoming, index) => {
      const key = keys[index];
      const seen = known.get(key);
      if (seen) {
        repeats.inc({ source: incoming.draft.source });
        receipts[index] = seen;
      } else if (firstOfKey.has(key)) {
        repeats.inc({ source: incoming.draft.source });
      } else {
        firstOfKey.set(key, index);
        fresh.push({ index, prepared: this.prepare(incoming, key) });
      }
    });
    if (fresh.length > 0) {
      if (numbers.length !== fresh.length) throw new Error(`${numbers.length} tracking numbers reserved for ${fresh.length} new complaints`);
      const year = this.jakartaYear();
      const rows: Row[] = fresh.map((f, i) => ({
        ...f,
        complaintId: randomUUID(),
        trackingId: `${this.config.TRACKING_ID_PREFIX}-${year}-${numbers[i].padStart(6, '0')}`,
        likelyDuplicateOf: null,
      }));
      const duplicates = await this.likelyDuplicates(tx, schema, rows);
      rows.forEach((row, i) => (row.likelyDuplicateOf = duplicates[i]));
      const inserted = new Set(
        (
          (await prepared(
            tx,
            `INSERT INTO "${schema}"."complaints" (${COMPLAINT_COLUMNS.map((c) => `"${c.name}"`).join(',')})
             SELECT * FROM unnest(${COMPLAINT_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(',')})
             ON CONFLICT ("identity_key") DO NOTHING RETURNING "id"`,
            COMPLAINT_COLUMNS.map((c) => rows.map((r) => c.value(r))),
          )) as { id: string }[]
        ).map((r) => r.id),
      );
      const events: OutboxItem[] = [];
      const raced: string[] = [];
      for (const row of rows) {
        if (!inserted.has(row.complaintId)) {
          raced.push(row.prepared.identityKey);
          continue;
        }
        // Before the commit: if it rolls back, no candidate query ever returns this id.
        this.signatures.set(row.complaintId, row.prepared.signature);
        const { published, priority, historical } = row.prepared;
        const event = complaintReceivedOf(published, { complaintId: row.complaintId, trackingId: row.trackingId, priority, duplicateOf: row.likelyDuplicateOf });
        events.push({ definition: ComplaintReceivedV1, data: event, options: { subject: row.complaintId } });
        received.inc({ source: row.prepared.incoming.draft.source, historical: String(historical) });
        receipts[row.index] = { complaintId: row.complaintId, trackingId: row.trackingId, repeat: false, likelyDuplicateOf: row.likelyDuplicateOf };
      }
      await this.outbox.appendMany(tx, events);
      // Another delivery of the same report committed between our look-up and insert.
      const winners = raced.length > 0 ? (await this.findByIdentity(tx, schema, raced, { reserveNumbers: false })).known : new Map<string, IntakeReceipt>();
      for (const row of rows) {
        if (inserted.has(row.complaintId)) continue;
        repeats.inc({ source: row.prepared.incoming.draft.source });
        receipts[row.index] = winners.get(row.prepared.identityKey);
      }
    }
    // A repeat within the list answers like a repeat of what the list stored first.
    return list.map((_, index) => {
      const receipt = receipts[index] ?? receipts[firstOfKey.get(keys[index])!];
      if (!receipt) throw new Error(`complaint ${keys[index]} was neither stored nor found`);
      return receipts[index] ? receipt : { ...receipt, repeat: true };
    });
  }

  private prepare(incoming: IncomingComplaint, identityKey: string): Prepared {
    const { draft } = incoming;
    const published = toPublicComplaint(draft);
    return {
      incoming,
      identityKey,
      published,
      historical: isHistorical(published),
      priority: priorityOf(draft, incoming.priority),
      kecamatanHint: kecamatanMentionedIn(`${draft.title}\n${draft.text}\n${draft.locationText ?? ''}`),
      categoryHint: draft.category?.id ?? draft.category?.name ?? null,
      signature: textSignatureOf(published),
    };
  }

  /**
   * The complaints already stored under these identity keys; with reserveNumbers, also one
   * nextval of the tracking sequence per key that is not (in the same statement, so a group commit
   * pays one round trip for both).
   */
  private async findByIdentity(
    tx: EntityManager,
    schema: string,
    identityKeys: readonly string[],
    { reserveNumbers }: { reserveNumbers: boolean },
  ): Promise<{ known: Map<string, IntakeReceipt>; numbers: string[] }> {
    const rows: { identity_key: string | null; id: string; tracking_id: string; duplicate_of: string | null; duplicate_score: number | null; duplicate_tracking_id: string | null; n: string | null }[] =
      await prepared(
        tx,
        `WITH known AS (
           SELECT c."identity_key", c."id", c."tracking_id", c."duplicate_of", c."duplicate_score", d."tracking_id" AS "duplicate_tracking_id"
             FROM "${schema}"."complaints" c LEFT JOIN "${schema}"."complaints" d ON d."id" = c."duplicate_of"
            WHERE c."identity_key" = ANY($1::text[]))
         SELECT k.*, NULL::text AS "n" FROM known k
         UNION ALL
         SELECT NULL, NULL, NULL, NULL, NULL, NULL, nextval('"${schema}"."tracking_number"')::text
           FROM generate_series(1, CASE WHEN $2::boolean THEN cardinality($1::text[]) - (SELECT count(*) FROM known)::int ELSE 0 END)`,
        [[...identityKeys], reserveNumbers],
      );
    const known = new Map<string, IntakeReceipt>();
    const numbers: string[] = [];
    for (const row of rows) {
      if (row.identity_key === null) {
        numbers.push(row.n!);
        continue;
      }
      known.set(row.identity_key, {
        complaintId: row.id,
        trackingId: row.tracking_id,
        repeat: true,
        likelyDuplicateOf:
          row.duplicate_of && row.duplicate_tracking_id ? { complaintId: row.duplicate_of, trackingId: row.duplicate_tracking_id, score: Number(row.duplicate_score) } : null,
      });
    }
    return { known, numbers };
  }

  /**
   * The most similar earlier complaint of the same place within the window, when likely the same
   * problem, for each complaint. The candidates are the nearest in time on either side, of the same
   * kecamatan (or none) and topic (or none): each branch below is one range of an index ending in
   * received_at, read with a LIMIT, so the cost does not grow with the window or the table (with the
   * topic filtered after the index, as before, every complaint of the kecamatan in the window was read).
   * Complaints earlier in the same list are candidates too.
   */
  private async likelyDuplicates(tx: EntityManager, schema: string, rows: readonly Row[]): Promise<Array<LikelyDuplicate | null>> {
    const list = rows.map((r) => r.prepared);
    const window = DEFAULT_DUPLICATE_POLICY.windowDays * DAY_MS;
    const t = `"${schema}"."complaints"`;
    const cols = `"id", "tracking_id", "kecamatan_hint", coalesce("category_id", "category") AS "category_hint", "received_at"`;
    // Candidates of another topic score 0 (DEFAULT_DUPLICATE_POLICY.differentCategoryFactor) and
    // those of another kecamatan are not compared, so neither is fetched. The topic is TOPIC_KEY (indexed).
    const PLACE = `"kecamatan_hint"`;
    const branches = [
      // (kecamatan_hint, topic, received_at): one range each.
      `q.k IS NOT NULL AND q.c IS NOT NULL AND ${PLACE} = q.k AND ${TOPIC_KEY} = lower(q.c)`,
      `q.k IS NOT NULL AND q.c IS NOT NULL AND ${PLACE} = q.k AND ${TOPIC_KEY} IS NULL`,
      `q.k IS NOT NULL AND q.c IS NOT NULL AND ${PLACE} IS NULL AND ${TOPIC_KEY} = lower(q.c)`,
      `q.k IS NOT NULL AND q.c IS NOT NULL AND ${PLACE} IS NULL AND ${TOPIC_KEY} IS NULL`,
      // (kecamatan_hint, received_at).
      `q.k IS NOT NULL AND q.c IS NULL AND ${PLACE} = q.k`,
      `q.k IS NOT NULL AND q.c IS NULL AND ${PLACE} IS NULL`,
      // (received_at), the topic filtered: a complaint naming no kecamatan reads its window's
      // complaints until it has enough of its topic (an index on the topic alone drew the planner
      // away from the first one above).
      `q.k IS NULL AND q.c IS NOT NULL AND (${TOPIC_KEY} = lower(q.c) OR ${TOPIC_KEY} IS NULL)`,
      `q.k IS NULL AND q.c IS NULL`,
    ];
    const before = `"received_at" <= q.t AND "received_at" >= q.t - $4::interval ORDER BY "received_at" DESC LIMIT ${DUPLICATE_CANDIDATES}`;
    const after = `"received_at" > q.t AND "received_at" <= q.t + $4::interval ORDER BY "received_at" ASC LIMIT ${DUPLICATE_CANDIDATES}`;
    // Only the branches some complaint of this group can take: fewer to plan.
    const used = branches.filter((_, i) => list.some((p) => BRANCH_APPLIES[i](p.kecamatanHint !== null, p.categoryHint !== null)));
    const found = await prepared<CandidateRow>(
      tx,
      `SELECT q.n::int AS n, c."id", c."tracking_id", c."kecamatan_hint", c."category_hint",
              (extract(epoch FROM c."received_at") * 1000)::float8 AS "received_ms"
         FROM unnest($1::timestamptz[], $2::text[], $3::text[]) WITH ORDINALITY AS q(t, k, c, n)
       CROSS JOIN LATERAL (SELECT * FROM (
         ${used.flatMap((where) => [before, after].map((range) => `(SELECT ${cols} FROM ${t} WHERE ${where} AND ${range})`)).join('\n         UNION ALL ')}
       ) nearest ORDER BY abs(extract(epoch FROM nearest."received_at" - q.t)) LIMIT ${DUPLICATE_CANDIDATES}) c`,
      [list.map((p) => p.incoming.draft.receivedAt), list.map((p) => p.kecamatanHint), list.map((p) => p.categoryHint), `${window / 1000} seconds`],
    );
    // Signatures of candidates this process did not store or read lately (another replica's, or
    // from before a restart) are read once and kept.
    const signatureOf = new Map<string, TextSignature>();
    const missing = new Set<string>();
    for (const { id } of found) {
      if (signatureOf.has(id)) continue;
      const cached = this.signatures.get(id);
      if (cached) signatureOf.set(id, cached);
      else missing.add(id);
    }
    if (missing.size > 0) {
      const stored = await prepared<{ id: string; text_signature: Buffer }>(tx, `SELECT "id", "text_signature" FROM ${t} WHERE "id" = ANY($1::uuid[])`, [[...missing]]);
      for (const row of stored) {
        const signature = decodeTextSignature(row.text_signature);
        signatureOf.set(row.id, signature);
        this.signatures.set(row.id, signature);
      }
    }
    const byItem = list.map((): ComparableComplaint[] => []);
    const ids = new Map<ComparableComplaint, { id: string; trackingId: string }>();
    const candidates = new Map<string, ComparableComplaint>();
    for (const row of found) {
      const signature = signatureOf.get(row.id);
      // Complaints are never deleted, so every candidate has its signature; one that had not would be skipped, not fail the group.
      if (candidates.has(row.id) || !signature) continue;
      const candidate: ComparableComplaint = { signature, kecamatanHint: row.kecamatan_hint, categoryHint: row.category_hint, receivedAt: new Date(row.received_ms) };
      candidates.set(row.id, candidate);
      ids.set(candidate, { id: row.id, trackingId: row.tracking_id });
    }
    for (const row of found) {
      const candidate = candidates.get(row.id);
      if (candidate) byItem[row.n - 1].push(candidate);
    }
    const comparable = (p: Prepared): ComparableComplaint => ({ signature: p.signature, receivedAt: p.incoming.draft.receivedAt, kecamatanHint: p.kecamatanHint, categoryHint: p.categoryHint });
    const categories = list.map((p) => p.categoryHint?.toLowerCase() ?? null);
    return list.map((p, index) => {
      const complaint = comparable(p);
      const at = complaint.receivedAt.getTime();
      // Earlier complaints of the same list are not in the table yet; the same filters apply.
      for (let j = 0; j < index; j++) {
        const other = list[j];
        const samePlace = !p.kecamatanHint || !other.kecamatanHint || other.kecamatanHint === p.kecamatanHint;
        const sameCategory = !categories[index] || !categories[j] || categories[j] === categories[index];
        if (!samePlace || !sameCategory || Math.abs(other.incoming.draft.receivedAt.getTime() - at) > window) continue;
        const candidate = comparable(other);
        ids.set(candidate, { id: rows[j].complaintId, trackingId: rows[j].trackingId });
        byItem[index].push(candidate);
      }
      const nearest = byItem[index].sort((a, b) => Math.abs(a.receivedAt.getTime() - at) - Math.abs(b.receivedAt.getTime() - at)).slice(0, DUPLICATE_CANDIDATES);
      let best: LikelyDuplicate | null = null;
      for (const candidate of nearest) {
        const score = duplicateLikelihood(complaint, candidate);
        const id = ids.get(candidate)!;
        if (score >= DEFAULT_DUPLICATE_POLICY.threshold && (!best || score > best.score)) best = { complaintId: id.id, trackingId: id.trackingId, score };
      }
      return best;
    });
  }

  private jakartaYear(): number {
    return new Date(this.clock.now().getTime() + 7 * 3_600_000).getUTCFullYear();
  }
}

/** Whether branch i of likelyDuplicates applies to a complaint with (kecamatan known, topic known); same order. */
const BRANCH_APPLIES: ReadonlyArray<(k: boolean, c: boolean) => boolean> = [
  (k, c) => k && c, (k, c) => k && c, (k, c) => k && c, (k, c) => k && c,
  (k, c) => k && !c, (k, c) => k && !c,
  (k, c) => !k && c,
  (k, c) => !k && !c,
];

const statementNames = new Map<string, string>();

/**
 * The group commit's statements as named prepared statements on the transaction's own connection
 * (node-pg takes {name, text} and prepares it once per connection): parsed and planned once, not per
 * group — planning the candidate query's union of index ranges took 2.3 ms, twice its execution.
 * After five executions PostgreSQL may keep a generic plan made on the table as it was then; on a
 * table that grew from empty (a new deployment, a backlog) such a plan kept seq scans (one candidate
 * query took 1.6 s on 12,000 complaints instead of 10 ms). ANALYZE invalidates cached plans, and
 * TableStatisticsKeeper analyzes every table of the service that doubled, so a plan is never made on
 * a table less than half its size (the integration test "candidate plans follow the table" checks it).
 */
function prepared<T>(tx: EntityManager, text: string, params: unknown[]): Promise<T[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `intake_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  // TypeORM passes the query through to pg's client.query(config, values) unchanged.
  return tx.query({ name, text } as unknown as string, params);
}

/** A complaint's topic as the duplicate candidates' indexes hold it (see AddDuplicateCandidateIndex1765000000001). */
const TOPIC_KEY = `lower(coalesce("category_id", "category"))`;

type Row = { index: number; prepared: Prepared; complaintId: string; trackingId: string; likelyDuplicateOf: LikelyDuplicate | null };
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

/** The complaint row's columns, their SQL array type and where each value comes from (one multi-row INSERT). */
const COMPLAINT_COLUMNS: ReadonlyArray<{ name: string; type: string; value: (r: Row) => unknown }> = [
  { name: 'id', type: 'uuid', value: (r) => r.complaintId },
  { name: 'tracking_id', type: 'text', value: (r) => r.trackingId },
  { name: 'identity_key', type: 'text', value: (r) => r.prepared.identityKey },
  { name: 'source', type: 'text', value: (r) => r.prepared.incoming.draft.source },
  { name: 'external_id', type: 'text', value: (r) => r.prepared.incoming.draft.externalId },
  { name: 'channel', type: 'text', value: (r) => r.prepared.incoming.draft.channel },
  { name: 'received_at', type: 'timestamptz', value: (r) => r.prepared.incoming.draft.receivedAt },
  { name: 'title', type: 'text', value: (r) => r.prepared.incoming.draft.title },
  { name: 'text', type: 'text', value: (r) => r.prepared.incoming.draft.text },
  { name: 'location_text', type: 'text', value: (r) => r.prepared.incoming.draft.locationText },
  { name: 'reporter', type: 'jsonb', value: (r) => json(r.prepared.incoming.draft.reporter) },
  { name: 'public_title', type: 'text', value: (r) => r.prepared.published.title },
  { name: 'public_text', type: 'text', value: (r) => r.prepared.published.text },
  { name: 'personal_data_masked', type: 'boolean', value: (r) => r.prepared.published.personalDataMasked },
  { name: 'category_id', type: 'text', value: (r) => r.prepared.incoming.draft.category?.id ?? null },
  { name: 'category', type: 'text', value: (r) => r.prepared.incoming.draft.category?.name ?? null },
  { name: 'classification', type: 'text', value: (r) => r.prepared.incoming.draft.classification },
  { name: 'anonymous', type: 'boolean', value: (r) => r.prepared.incoming.draft.anonymous },
  { name: 'confidential', type: 'boolean', value: (r) => r.prepared.incoming.draft.confidential },
  { name: 'priority', type: 'text', value: (r) => r.prepared.priority },
  { name: 'historical', type: 'boolean', value: (r) => r.prepared.historical },
  { name: 'historical_disposition', type: 'jsonb', value: (r) => json(r.prepared.incoming.draft.historicalDisposition) },
  { name: 'kecamatan_hint', type: 'text', value: (r) => r.prepared.kecamatanHint },
  { name: 'text_signature', type: 'bytea', value: (r) => encodeTextSignature(r.prepared.signature) },
  { name: 'duplicate_of', type: 'uuid', value: (r) => r.likelyDuplicateOf?.complaintId ?? null },
  { name: 'duplicate_score', type: 'real', value: (r) => r.likelyDuplicateOf?.score ?? null },
  { name: 'import_run_id', type: 'uuid', value: (r) => r.prepared.incoming.importRunId ?? null },
];
