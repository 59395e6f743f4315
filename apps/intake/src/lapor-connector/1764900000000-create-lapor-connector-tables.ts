import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/** The LAPOR! connector's tables: the send queue, what intake knows of each LAPOR ticket, updates read back, drift, instansi ids. */
export class CreateLaporConnectorTables1764900000000 implements MigrationInterface {
  name = 'CreateLaporConnectorTables1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_outbound_actions" (
        "seq" BIGSERIAL PRIMARY KEY,
        "id" UUID NOT NULL UNIQUE,
        "event_id" UUID NOT NULL UNIQUE,
        "idempotency_key" TEXT NOT NULL UNIQUE,
        "ticket_id" UUID NOT NULL,
        "lapor_tracking_id" TEXT NOT NULL,
        "kind" TEXT NOT NULL,
        "payload" JSONB NOT NULL,
        "status" TEXT NOT NULL DEFAULT 'pending',
        "attempts" INT NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "lease_until" TIMESTAMPTZ NULL,
        "last_error" TEXT NULL,
        "lapor_message" TEXT NULL,
        "lapor_reference" TEXT NULL,
        "event_at" TIMESTAMPTZ NOT NULL,
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMPTZ NULL
      )`);
    // The sender reads each ticket's oldest unsent action: only unsent rows are indexed.
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "lapor_outbound_unsent" ON "${s}"."lapor_outbound_actions" ("ticket_id", "seq") WHERE "status" <> 'sent'`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_tickets" (
        "ticket_id" UUID PRIMARY KEY,
        "lapor_tracking_id" TEXT NOT NULL,
        "tracking_id" TEXT NOT NULL,
        "status" TEXT NOT NULL,
        "closed_by" TEXT NULL,
        "archived_by" TEXT NULL,
        "unit_code" TEXT NULL,
        "version" INT NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "lapor_tickets_lapor_id" ON "${s}"."lapor_tickets" ("lapor_tracking_id")`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_inbound_updates" (
        "update_id" TEXT PRIMARY KEY,
        "lapor_tracking_id" TEXT NOT NULL,
        "complaint_id" UUID NULL,
        "kind" TEXT NOT NULL,
        "outcome" TEXT NOT NULL,
        "record" JSONB NOT NULL,
        "received_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_drift" (
        "ticket_id" UUID PRIMARY KEY,
        "lapor_tracking_id" TEXT NOT NULL,
        "our_status" TEXT NOT NULL,
        "lapor_status" TEXT NOT NULL,
        "resolution" TEXT NOT NULL,
        "detected_at" TIMESTAMPTZ NOT NULL,
        "checked_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_instansi" (
        "unit_code" TEXT PRIMARY KEY,
        "instansi_id" TEXT NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const t of ['lapor_instansi', 'lapor_drift', 'lapor_inbound_updates', 'lapor_tickets', 'lapor_outbound_actions']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."${t}"`);
    }
  }
}
