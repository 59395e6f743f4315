// Issue 10: units learnt from history are provisional until the admin confirms them; the
// auto-route threshold is chosen on validation at each retraining and may be "none"; training
// examples keep the LAPOR! classification (a model feature); decisions keep their three
// suggestions (unit name, confidence, words) for the admin's triage.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class LearntUnitsAndValidatedThreshold1764000000002 implements MigrationInterface {
  name = 'LearntUnitsAndValidatedThreshold1764000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."units" ADD COLUMN IF NOT EXISTS "provisional" BOOLEAN NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "${s}"."model_versions" ALTER COLUMN "threshold" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${s}"."training_examples" ADD COLUMN IF NOT EXISTS "classification" TEXT NULL`);
    await queryRunner.query(`ALTER TABLE "${s}"."disposition_decisions" ADD COLUMN IF NOT EXISTS "suggestions" JSONB NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."disposition_decisions" DROP COLUMN IF EXISTS "suggestions"`);
    await queryRunner.query(`ALTER TABLE "${s}"."training_examples" DROP COLUMN IF EXISTS "classification"`);
    await queryRunner.query(`UPDATE "${s}"."model_versions" SET "threshold" = 1 WHERE "threshold" IS NULL`);
    await queryRunner.query(`ALTER TABLE "${s}"."model_versions" ALTER COLUMN "threshold" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${s}"."units" DROP COLUMN IF EXISTS "provisional"`);
  }
}
