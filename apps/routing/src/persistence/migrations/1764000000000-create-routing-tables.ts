import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateRoutingTables1764000000000 implements MigrationInterface {
  name = 'CreateRoutingTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."complaints" (
        "complaint_id" UUID PRIMARY KEY,
        "tracking_id" TEXT NOT NULL,
        "title" TEXT NOT NULL,
        "text" TEXT NOT NULL,
        "category" TEXT NULL,
        "classification" TEXT NULL,
        "received_at" TIMESTAMPTZ NOT NULL,
        "anonymous" BOOLEAN NOT NULL,
        "confidential" BOOLEAN NOT NULL,
        "channel" TEXT NULL,
        "priority" TEXT NOT NULL,
        "historical" BOOLEAN NOT NULL,
        "status" TEXT NOT NULL,
        "unit_code" TEXT NULL,
        "kecamatan_code" TEXT NULL,
        "bounce_count" INT NOT NULL DEFAULT 0,
        "refused_units" JSONB NOT NULL DEFAULT '[]',
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."disposition_decisions" (
        "id" UUID PRIMARY KEY,
        "complaint_id" UUID NOT NULL,
        "trigger" TEXT NOT NULL,
        "outcome" TEXT NOT NULL CHECK ("outcome" IN ('route', 'triage')),
        "routed_by" TEXT NULL,
        "unit_code" TEXT NULL,
        "kecamatan_code" TEXT NULL,
        "confidence" DOUBLE PRECISION NOT NULL,
        "reasons" JSONB NOT NULL,
        "alternatives" JSONB NOT NULL,
        "model_version" INT NULL,
        "rule_set_version" BIGINT NOT NULL,
        "threshold" DOUBLE PRECISION NULL,
        "bounce_count" INT NOT NULL,
        "created_at" TIMESTAMPTZ NOT NULL,
        "seq" BIGSERIAL NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "disposition_decisions_complaint" ON "${s}"."disposition_decisions" ("complaint_id", "seq")`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."routing_rules" (
        "revision" BIGSERIAL PRIMARY KEY,
        "id" TEXT NOT NULL,
        "version" INT NOT NULL,
        "kind" TEXT NOT NULL,
        "patterns" JSONB NOT NULL,
        "unit_code" TEXT NULL,
        "priority" DOUBLE PRECISION NOT NULL,
        "active" BOOLEAN NOT NULL,
        "note" TEXT NULL,
        "created_at" TIMESTAMPTZ NOT NULL,
        UNIQUE ("id", "version")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."units" (
        "code" TEXT PRIMARY KEY,
        "name" TEXT NOT NULL,
        "abbr" TEXT NOT NULL,
        "kind" TEXT NOT NULL,
        "asda" TEXT NOT NULL,
        "kecamatan" TEXT NULL,
        "topics" JSONB NOT NULL,
        "active" BOOLEAN NOT NULL,
        "replaced_by" TEXT NULL REFERENCES "${s}"."units" ("code"),
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."unit_changes" (
        "id" BIGSERIAL PRIMARY KEY,
        "unit_code" TEXT NOT NULL REFERENCES "${s}"."units" ("code"),
        "change" TEXT NOT NULL,
        "detail" JSONB NOT NULL,
        "at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."places" (
        "kind" TEXT NOT NULL CHECK ("kind" IN ('kecamatan', 'kelurahan', 'desa')),
        "code" TEXT NOT NULL,
        "name" TEXT NOT NULL,
        "kecamatan_code" TEXT NOT NULL,
        "aliases" JSONB NOT NULL,
        "requires_qualifier" BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY ("kind", "code")
      )`);
    await queryRunner.query(`CREATE SEQUENCE "${s}"."training_example_revision"`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."training_examples" (
        "complaint_id" UUID PRIMARY KEY,
        "text" TEXT NOT NULL,
        "category" TEXT NULL,
        "unit_code" TEXT NOT NULL,
        "source" TEXT NOT NULL,
        "received_at" TIMESTAMPTZ NOT NULL,
        "revision" BIGINT NOT NULL DEFAULT nextval('"${s}"."training_example_revision"'),
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."model_versions" (
        "version" SERIAL PRIMARY KEY,
        "model_json" TEXT NOT NULL,
        "trained_at" TIMESTAMPTZ NOT NULL,
        "examples_revision" BIGINT NOT NULL,
        "n_examples" INT NOT NULL,
        "n_train" INT NULL,
        "n_test" INT NULL,
        "top1_accuracy" DOUBLE PRECISION NULL,
        "precision_at_threshold" DOUBLE PRECISION NULL,
        "coverage_at_threshold" DOUBLE PRECISION NULL,
        "threshold" DOUBLE PRECISION NOT NULL,
        "metrics" JSONB NOT NULL,
        "trigger" TEXT NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of ['model_versions', 'training_examples', 'places', 'unit_changes', 'units', 'routing_rules', 'disposition_decisions', 'complaints']) {
      await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."${table}"`);
    }
    await queryRunner.query(`DROP SEQUENCE IF EXISTS "${s}"."training_example_revision"`);
  }
}
