import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateIntakeTables1764100000000 implements MigrationInterface {
  name = 'CreateIntakeTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS "${s}"."tracking_number"`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."complaints" (
        "id" UUID PRIMARY KEY,
        "tracking_id" TEXT NOT NULL UNIQUE,
        "identity_key" TEXT NOT NULL UNIQUE,
        "source" TEXT NOT NULL,
        "external_id" TEXT NOT NULL,
        "channel" TEXT NULL,
        "received_at" TIMESTAMPTZ NOT NULL,
        "title" TEXT NOT NULL,
        "text" TEXT NOT NULL,
        "location_text" TEXT NULL,
        "reporter" JSONB NULL,
        "public_title" TEXT NOT NULL,
        "public_text" TEXT NOT NULL,
        "personal_data_masked" BOOLEAN NOT NULL,
        "category_id" TEXT NULL,
        "category" TEXT NULL,
        "classification" TEXT NULL,
        "anonymous" BOOLEAN NOT NULL,
        "confidential" BOOLEAN NOT NULL,
        "priority" TEXT NOT NULL,
        "historical" BOOLEAN NOT NULL,
        "historical_disposition" JSONB NULL,
        "kecamatan_hint" TEXT NULL,
        "duplicate_of" UUID NULL REFERENCES "${s}"."complaints" ("id"),
        "duplicate_score" REAL NULL,
        "import_run_id" UUID NULL,
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "complaints_place_time" ON "${s}"."complaints" ("kecamatan_hint", "received_at")`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "complaints_received_at" ON "${s}"."complaints" ("received_at")`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_poll_cursor" (
        "feed" TEXT PRIMARY KEY,
        "cursor" TEXT NULL,
        "pages_read" BIGINT NOT NULL DEFAULT 0,
        "updated_at" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."lapor_poll_rejections" (
        "page_cursor" TEXT NOT NULL,
        "position" INT NOT NULL,
        "external_id" TEXT NULL,
        "field" TEXT NOT NULL,
        "reason" TEXT NOT NULL,
        "record" JSONB NULL,
        "rejected_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY ("page_cursor", "position")
      )`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${s}"."import_runs" (
        "id" UUID PRIMARY KEY,
        "file_name" TEXT NULL,
        "format" TEXT NOT NULL,
        "imported" INT NOT NULL,
        "duplicates" INT NOT NULL,
        "rejected" JSONB NOT NULL,
        "started_at" TIMESTAMPTZ NOT NULL,
        "finished_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['import_runs', 'lapor_poll_rejections', 'lapor_poll_cursor', 'complaints']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE IF EXISTS "${s}"."tracking_number"`);
  }
}
