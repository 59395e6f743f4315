import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/**
 * When each unit's group was last announced. The next announcement's `changedAt` is later than it
 * even if the business clock went back (a demo clock restarted, another desk instance behind), since
 * the other services keep the latest `changedAt` of a unit.
 */
export class UnitGroupChangedAt1765000000002 implements MigrationInterface {
  name = 'UnitGroupChangedAt1765000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}"."units" ADD COLUMN "asda_changed_at" TIMESTAMPTZ NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}"."units" DROP COLUMN "asda_changed_at"`);
  }
}
