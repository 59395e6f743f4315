import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class InstructionEvidenceFiles1764400000003 implements MigrationInterface {
  name = 'InstructionEvidenceFiles1764400000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Evidence a unit uploads for its instruction's realisation; the bytes live in the file store.
    await queryRunner.query(`
      CREATE TABLE "${s}"."evidence_files" (
        "id" UUID PRIMARY KEY,
        "instruction_id" UUID NOT NULL REFERENCES "${s}"."instructions" ("id"),
        "storage_key" TEXT NOT NULL,
        "file_name" TEXT NOT NULL,
        "content_type" TEXT NOT NULL,
        "size_bytes" INT NOT NULL,
        "sha256" TEXT NOT NULL,
        "uploaded_by" TEXT NOT NULL,
        "uploaded_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "evidence_files_instruction" ON "${s}"."evidence_files" ("instruction_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."evidence_files"`);
  }
}
