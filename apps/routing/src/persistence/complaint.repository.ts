// What routing keeps of each complaint, written with one statement per batch: the consumer applies
// hundreds of complaints per transaction, and TypeORM's entity machinery (metadata walks, query
// building, one statement per row) cost more than the decisions themselves.
import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';
import type { ComplaintRow } from './routing.entities';

interface Column<R> {
  name: string;
  /** The SQL type of the column's unnest array. */
  type: string;
  value: (row: R) => unknown;
}

const COMPLAINT_COLUMNS: ReadonlyArray<Column<ComplaintRow>> = [
  { name: 'complaint_id', type: 'uuid', value: (r) => r.complaintId },
  { name: 'tracking_id', type: 'text', value: (r) => r.trackingId },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'text', type: 'text', value: (r) => r.text },
  { name: 'category', type: 'text', value: (r) => r.category },
  { name: 'classification', type: 'text', value: (r) => r.classification },
  { name: 'received_at', type: 'timestamptz', value: (r) => r.receivedAt },
  { name: 'anonymous', type: 'boolean', value: (r) => r.anonymous },
  { name: 'confidential', type: 'boolean', value: (r) => r.confidential },
  { name: 'channel', type: 'text', value: (r) => r.channel },
  { name: 'priority', type: 'text', value: (r) => r.priority },
  { name: 'source', type: 'text', value: (r) => r.source },
  { name: 'external_id', type: 'text', value: (r) => r.externalId },
  { name: 'historical', type: 'boolean', value: (r) => r.historical },
  { name: 'status', type: 'text', value: (r) => r.status },
  { name: 'unit_code', type: 'text', value: (r) => r.unitCode },
  { name: 'kecamatan_code', type: 'text', value: (r) => r.kecamatanCode },
  { name: 'bounce_count', type: 'int', value: (r) => r.bounceCount },
  { name: 'refused_units', type: 'jsonb', value: (r) => JSON.stringify(r.refusedUnits) },
  { name: 'created_at', type: 'timestamptz', value: (r) => r.createdAt },
  { name: 'updated_at', type: 'timestamptz', value: (r) => r.updatedAt },
];
/** What a disposition changes; the rest is the complaint as intake announced it. */
const MUTABLE_COLUMNS = new Set(['status', 'unit_code', 'kecamatan_code', 'bounce_count', 'refused_units', 'updated_at']);

function complaintOf(row: any): ComplaintRow {
  return {
    complaintId: row.complaint_id,
    trackingId: row.tracking_id,
    title: row.title,
    text: row.text,
    category: row.category,
    classification: row.classification,
    receivedAt: new Date(row.received_at),
    anonymous: row.anonymous,
    confidential: row.confidential,
    channel: row.channel,
    priority: row.priority,
    source: row.source,
    externalId: row.external_id,
    historical: row.historical,
    status: row.status,
    unitCode: row.unit_code,
    kecamatanCode: row.kecamatan_code,
    bounceCount: row.bounce_count,
    refusedUnits: row.refused_units,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export class ComplaintRepository {
  constructor(private readonly tx: EntityManager) {}

  private get s(): string {
    return schemaOfManager(this.tx);
  }

  /** Which of `ids` routing already keeps. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { complaint_id: string }[] = await this.tx.query(`SELECT "complaint_id" FROM "${this.s}"."complaints" WHERE "complaint_id" = ANY($1::uuid[])`, [[...ids]]);
    return new Set(rows.map((r) => r.complaint_id));
  }

  /** The complaints among `ids`, locked for the rest of the transaction when `forUpdate` (in id order, so two batches never deadlock). */
  async findMany(ids: readonly string[], forUpdate = false): Promise<Map<string, ComplaintRow>> {
    if (ids.length === 0) return new Map();
    const rows = await this.tx.query(
      `SELECT * FROM "${this.s}"."complaints" WHERE "complaint_id" = ANY($1::uuid[]) ORDER BY "complaint_id"${forUpdate ? ' FOR UPDATE' : ''}`,
      [[...ids]],
    );
    return new Map(rows.map((r: any) => [r.complaint_id, complaintOf(r)]));
  }

  async find(id: string, forUpdate = false): Promise<ComplaintRow | null> {
    return (await this.findMany([id], forUpdate)).get(id) ?? null;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.existing([id])).has(id);
  }

  /** New complaints, each in its final state (a complaint received and disposed in one batch is written once). */
  async insertMany(rows: readonly ComplaintRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.tx.query(
      `INSERT INTO "${this.s}"."complaints" (${COMPLAINT_COLUMNS.map((c) => `"${c.name}"`).join(', ')})
       SELECT * FROM unnest(${COMPLAINT_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})`,
      COMPLAINT_COLUMNS.map((c) => rows.map((r) => c.value(r))),
    );
  }

  /** The disposition state of several complaints in one statement. */
  async updateMany(rows: readonly ComplaintRow[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = COMPLAINT_COLUMNS.filter((c) => MUTABLE_COLUMNS.has(c.name));
    await this.tx.query(
      `UPDATE "${this.s}"."complaints" c SET ${columns.map((col) => `"${col.name}" = u."${col.name}"`).join(', ')}
         FROM unnest($1::uuid[], ${columns.map((col, i) => `$${i + 2}::${col.type}[]`).join(', ')}) AS u("complaint_id", ${columns.map((col) => `"${col.name}"`).join(', ')})
        WHERE c."complaint_id" = u."complaint_id"`,
      [rows.map((r) => r.complaintId), ...columns.map((col) => rows.map((r) => col.value(r)))],
    );
  }
}
