import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/** Status updates owed to reporters of the other channels, and the admin's templates for them. */
export class CreateReporterNotices1764900000001 implements MigrationInterface {
  name = 'CreateReporterNotices1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."reporter_notices" (
        "event_id" UUID PRIMARY KEY,
        "seq" BIGSERIAL NOT NULL,
        "complaint_id" UUID NOT NULL,
        "kind" TEXT NOT NULL,
        "channel" TEXT NOT NULL,
        "medium" TEXT NULL,
        "recipient" TEXT NOT NULL,
        "facts" JSONB NOT NULL,
        "status" TEXT NOT NULL DEFAULT 'pending',
        "attempts" INT NOT NULL DEFAULT 0,
        "next_attempt_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "lease_until" TIMESTAMPTZ NULL,
        "last_error" TEXT NULL,
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "sent_at" TIMESTAMPTZ NULL
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "reporter_notices_due" ON "${s}"."reporter_notices" ("complaint_id", "seq") WHERE "status" IN ('pending','sending')`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."reporter_notice_templates" (
        "kind" TEXT PRIMARY KEY,
        "subject" TEXT NOT NULL,
        "body" TEXT NOT NULL,
        "updated_by" TEXT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."reporter_notice_templates"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."reporter_notices"`);
  }
}
