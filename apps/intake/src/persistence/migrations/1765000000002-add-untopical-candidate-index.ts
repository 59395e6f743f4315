import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/**
 * The duplicate candidates of a complaint with a kecamatan and a topic include that kecamatan's
 * complaints without a topic. For `kecamatan_hint = $k AND topic IS NULL` the planner rates
 * (kecamatan_hint, received_at) and (kecamatan_hint, topic, received_at) alike and took the first,
 * reading every complaint of the kecamatan within the window to find the few without a topic
 * (two thirds of the candidate query's time under load). This partial index holds only those, so
 * the branch is one short range read; it costs nothing on inserts that have a topic.
 * The expression must match TOPIC_KEY in complaint-intake.service.ts.
 */
export class AddUntopicalCandidateIndex1765000000002 implements MigrationInterface {
  name = 'AddUntopicalCandidateIndex1765000000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `CREATE INDEX IF NOT EXISTS "complaints_place_untopical_time" ON "${s}"."complaints" ("kecamatan_hint", "received_at") WHERE lower(coalesce("category_id", "category")) IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP INDEX IF EXISTS "${s}"."complaints_place_untopical_time"`);
  }
}
