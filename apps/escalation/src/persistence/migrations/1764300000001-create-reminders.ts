import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateReminders1764300000001 implements MigrationInterface {
  name = 'CreateReminders1764300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Deadline reminders (sla.reminder) for the officers and heads of a unit, open until the deadline is met.
    await queryRunner.query(`
      CREATE TABLE "${s}"."reminders" (
        "id" UUID PRIMARY KEY,
        "ticket_id" UUID NOT NULL,
        "unit_code" TEXT NOT NULL,
        "deadline_kind" TEXT NOT NULL,
        "deadline_at" TIMESTAMPTZ NOT NULL,
        "fraction" DOUBLE PRECISION NOT NULL,
        "roles" JSONB NOT NULL,
        "reminded_at" TIMESTAMPTZ NOT NULL,
        "open" BOOLEAN NOT NULL DEFAULT true,
        UNIQUE ("ticket_id", "deadline_kind", "unit_code", "fraction")
      )`);
    await queryRunner.query(`CREATE INDEX "reminders_open_unit" ON "${s}"."reminders" ("unit_code") WHERE "open"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}"."reminders"`);
  }
}
