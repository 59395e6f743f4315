import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateInstructions1764400000001 implements MigrationInterface {
  name = 'CreateInstructions1764400000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Instruksi Khusus Pimpinan and the unit's reports on them (append-only history).
    await queryRunner.query(`
      CREATE TABLE "${s}"."instructions" (
        "id" UUID PRIMARY KEY,
        "unit_code" TEXT NOT NULL,
        "title" TEXT NOT NULL,
        "description" TEXT NOT NULL,
        "target" TEXT NOT NULL,
        "due_at" TIMESTAMPTZ NOT NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('active', 'done', 'cancelled')),
        "progress" INT NOT NULL DEFAULT 0,
        "issued_by" TEXT NOT NULL,
        "issued_at" TIMESTAMPTZ NOT NULL,
        "completed_at" TIMESTAMPTZ NULL,
        "seq" BIGSERIAL NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "instructions_unit_due" ON "${s}"."instructions" ("unit_code", "due_at")`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."instruction_updates" (
        "id" UUID PRIMARY KEY,
        "instruction_id" UUID NOT NULL REFERENCES "${s}"."instructions" ("id"),
        "kind" TEXT NOT NULL CHECK ("kind" IN ('progress', 'done', 'cancelled')),
        "progress" INT NOT NULL,
        "note" TEXT NOT NULL,
        "by" TEXT NOT NULL,
        "at" TIMESTAMPTZ NOT NULL,
        "seq" BIGSERIAL NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."instruction_updates"`);
    await queryRunner.query(`DROP TABLE "${s}"."instructions"`);
  }
}
