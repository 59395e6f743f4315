import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/**
 * Duplicate candidates are read by kecamatan and topic (lower(coalesce(category_id, category)))
 * nearest in time: with this index, each is one index range read with a LIMIT; without, the topic
 * was a filter after the (kecamatan_hint, received_at) index and every complaint of the kecamatan
 * within the window was read. The expression must match TOPIC_KEY in complaint-intake.service.ts.
 */
export class AddDuplicateCandidateIndex1765000000001 implements MigrationInterface {
  name = 'AddDuplicateCandidateIndex1765000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "complaints_place_topic_time" ON "${s}"."complaints" ("kecamatan_hint", (lower(coalesce("category_id", "category"))), "received_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}"."complaints_place_topic_time"`);
  }
}
