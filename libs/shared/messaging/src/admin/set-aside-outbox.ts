import type { DataSource } from 'typeorm';
import { outboxChannelOf } from '../persistence/messaging-tables';

export interface SetAsideRow {
  service: string;
  seq: string;
  eventId: string;
  topic: string;
  eventType: string;
  lastError: string | null;
  createdAt: string;
  setAsideAt: string;
}

/**
 * Outbox rows a relay set aside (they could not be published), across the services' schemas of one
 * database: the outbox is the messaging library's table in every schema, and this is its operator view.
 */
export class SetAsideOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schemas: readonly string[],
  ) {}

  async list(limit = 200): Promise<SetAsideRow[]> {
    const existing = await this.existingSchemas();
    if (existing.length === 0) return [];
    const union = existing
      .map((s) => `SELECT '${s}' AS service, seq::text, event_id::text AS "eventId", topic, event_type AS "eventType", last_error AS "lastError", created_at AS "createdAt", set_aside_at AS "setAsideAt"
                     FROM "${s}"."outbox" WHERE set_aside_at IS NOT NULL AND published_at IS NULL`)
      .join(' UNION ALL ');
    return this.dataSource.query(`SELECT * FROM (${union}) r ORDER BY "setAsideAt" DESC LIMIT $1`, [limit]);
  }

  /** Puts a set-aside row back in line (after the cause was fixed, e.g. the topic now exists); false when there is no such row. */
  async retry(service: string, seq: string): Promise<boolean> {
    if (!(await this.existingSchemas()).includes(service)) return false;
    const [, affected] = await this.dataSource.query(
      `UPDATE "${service}"."outbox" SET set_aside_at = NULL WHERE seq = $1 AND set_aside_at IS NOT NULL AND published_at IS NULL`,
      [seq],
    );
    if (affected > 0) await this.dataSource.query(`SELECT pg_notify($1, '')`, [outboxChannelOf(service)]);
    return affected > 0;
  }

  private async existingSchemas(): Promise<string[]> {
    const rows: { schema: string }[] = await this.dataSource.query(
      `SELECT table_schema AS schema FROM information_schema.columns WHERE table_name = 'outbox' AND column_name = 'set_aside_at' AND table_schema = ANY($1::text[])`,
      [[...this.schemas]],
    );
    return rows.map((r) => r.schema);
  }
}
