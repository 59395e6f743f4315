import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

/**
 * A service's own copy of the Asda group of each unit (desk's units table is the one admins edit;
 * `unit.regrouped` events carry its changes here). Rows are seeded from the reference data at boot.
 * Every service that scopes by Asda group includes this migration in its list.
 */
export class CreateUnitGroups1765000000000 implements MigrationInterface {
  name = 'CreateUnitGroups1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE IF NOT EXISTS "${schemaOf(q)}"."unit_groups" (
        "unit_code" TEXT PRIMARY KEY,
        "asda_group" TEXT NOT NULL CHECK ("asda_group" IN ('I','II','III')),
        "changed_at" TIMESTAMPTZ NOT NULL,
        "changed_by" TEXT NULL,
        -- The event that set the row ('' for the seed): breaks a tie of equal changedAt the same way everywhere.
        "event_id" TEXT NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS "${schemaOf(q)}"."unit_groups"`);
  }
}
