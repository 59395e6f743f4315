import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/** Where a ticket came from (channel, LAPOR! tracking id), its evidence files, and the units' canned replies. */
export class CreateLaporLoopTables1764950000000 implements MigrationInterface {
  name = 'CreateLaporLoopTables1764950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."ticket_origins" (
        "ticket_id" UUID PRIMARY KEY,
        "source" TEXT NOT NULL,
        "lapor_tracking_id" TEXT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."ticket_files" (
        "id" UUID PRIMARY KEY,
        "ticket_id" UUID NOT NULL,
        "storage_key" TEXT NOT NULL UNIQUE,
        "file_name" TEXT NOT NULL,
        "content_type" TEXT NOT NULL,
        "size_bytes" INT NOT NULL,
        "sha256" TEXT NOT NULL,
        "metadata_stripped" BOOLEAN NOT NULL,
        "uploaded_by_role" TEXT NOT NULL,
        "uploaded_by_user" TEXT NULL,
        "attached_at_version" INT NULL,
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "ticket_files_ticket" ON "${s}"."ticket_files" ("ticket_id")`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."canned_replies" (
        "id" UUID PRIMARY KEY,
        "unit_code" TEXT NOT NULL,
        "category" TEXT NULL,
        "title" TEXT NOT NULL,
        "body" TEXT NOT NULL,
        "updated_by" TEXT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "canned_replies_unit" ON "${s}"."canned_replies" ("unit_code", "category")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const t of ['canned_replies', 'ticket_files', 'ticket_origins']) await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."${t}"`);
  }
}
