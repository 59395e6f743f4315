import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class UnitGroupsFromRegistry1764300000002 implements MigrationInterface {
  name = 'UnitGroupsFromRegistry1764300000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Who sees an escalation follows the units registry at read time; a copy of the unit's Asda
    // group taken when the alert was raised would keep a regrouped unit with its old Asda.
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}"."escalation_steps" DROP COLUMN "unit_asda_group"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}"."escalation_steps" ADD COLUMN "unit_asda_group" TEXT NULL`);
  }
}
