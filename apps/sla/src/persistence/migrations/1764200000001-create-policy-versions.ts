import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreatePolicyVersions1764200000001 implements MigrationInterface {
  name = 'CreatePolicyVersions1764200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // SLA policy versions the admin published; the shipped default is version zero, in code.
    await queryRunner.query(`
      CREATE TABLE "${s}"."policy_versions" (
        "version" TEXT PRIMARY KEY,
        "effective_from" TIMESTAMPTZ NOT NULL UNIQUE,
        "policy" JSONB NOT NULL,
        "created_by" TEXT NOT NULL,
        "created_at" TIMESTAMPTZ NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."policy_versions"`);
  }
}
