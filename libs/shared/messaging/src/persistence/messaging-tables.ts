import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and the applied-event ledger live in each service's own schema, beside the state they
 * protect, so a state change, its events and the record of what was consumed commit together.
 */
export class CreateMessagingTables1763900000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${schema}"."outbox" (
        "seq" BIGSERIAL PRIMARY KEY,
        "event_id" UUID NOT NULL UNIQUE,
        "topic" TEXT NOT NULL,
        "message_key" TEXT NOT NULL,
        "event_type" TEXT NOT NULL,
        "headers" JSONB NOT NULL,
        "payload" TEXT NOT NULL,
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "published_at" TIMESTAMPTZ NULL,
        "attempts" INT NOT NULL DEFAULT 0,
        "last_error" TEXT NULL
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "outbox_unpublished" ON "${schema}"."outbox" ("seq") WHERE "published_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${schema}"."applied_events" (
        "consumer_group" TEXT NOT NULL,
        "event_id" TEXT NOT NULL,
        "event_type" TEXT NOT NULL,
        "topic" TEXT NOT NULL,
        "partition" INT NOT NULL,
        "kafka_offset" BIGINT NOT NULL,
        "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY ("consumer_group", "event_id")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${schema}"."applied_events"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${schema}"."outbox"`);
  }
}

export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the DataSource must name its schema: every service owns one');
  return schema;
}
