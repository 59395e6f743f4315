import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';
import { UNITS } from '@bekasi/reference-data';

/**
 * The Asda group each unit was last announced with (`unit.regrouped`). The other services start
 * from the reference data's groups, so that is what counts as announced; a unit regrouped before
 * the event existed differs and is announced once at the next boot (UnitGroupsAnnouncement).
 */
export class UnitGroupAnnouncements1765000000001 implements MigrationInterface {
  name = 'UnitGroupAnnouncements1765000000001';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`ALTER TABLE "${s}"."units" ADD COLUMN "asda_announced" TEXT NULL`);
    await q.query(`UPDATE "${s}"."units" AS u SET "asda_announced" = r.g FROM unnest($1::text[], $2::text[]) AS r(c, g) WHERE u."code" = r.c`, [
      UNITS.map((u) => u.code),
      UNITS.map((u) => u.asda),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "${schemaOf(q)}"."units" DROP COLUMN "asda_announced"`);
  }
}
