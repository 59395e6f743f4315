import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateEscalationTables1764300000000 implements MigrationInterface {
  name = 'CreateEscalationTables1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // One case per breached deadline; it climbs the ladder until the deadline is met or the ticket ends.
    await queryRunner.query(`
      CREATE TABLE "${s}"."escalation_cases" (
        "id" UUID PRIMARY KEY,
        "ticket_id" UUID NOT NULL,
        "deadline_kind" TEXT NOT NULL,
        "unit_code" TEXT NOT NULL,
        "deadline_at" TIMESTAMPTZ NOT NULL,
        "breached_at" TIMESTAMPTZ NOT NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('open', 'resolved', 'cancelled')),
        "closed_at" TIMESTAMPTZ NULL,
        "closed_reason" TEXT NULL,
        UNIQUE ("ticket_id", "deadline_kind", "unit_code", "deadline_at")
      )`);
    await queryRunner.query(`CREATE INDEX "escalation_cases_ticket" ON "${s}"."escalation_cases" ("ticket_id") WHERE "state" = 'open'`);
    // One row per ladder level of a case; the row's id is the escalation id of escalation.raised.
    await queryRunner.query(`
      CREATE TABLE "${s}"."escalation_steps" (
        "id" UUID PRIMARY KEY,
        "case_id" UUID NOT NULL REFERENCES "${s}"."escalation_cases" ("id"),
        "ticket_id" UUID NOT NULL,
        "unit_code" TEXT NOT NULL,
        "unit_asda_group" TEXT NULL,
        "level" INT NOT NULL,
        "role" TEXT NOT NULL,
        "title" TEXT NOT NULL,
        "audience_unit_code" TEXT NULL,
        "audience_asda_group" TEXT NULL,
        "due_at" TIMESTAMPTZ NOT NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('pending', 'raised', 'cancelled')),
        "raised_at" TIMESTAMPTZ NULL,
        "acknowledged_at" TIMESTAMPTZ NULL,
        "acknowledged_by" TEXT NULL,
        UNIQUE ("case_id", "level")
      )`);
    await queryRunner.query(`CREATE INDEX "escalation_steps_due" ON "${s}"."escalation_steps" ("due_at") WHERE "state" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "escalation_steps_unit" ON "${s}"."escalation_steps" ("unit_code", "state")`);
    // Webhook deliveries of raised alerts, retried with backoff by the poller.
    await queryRunner.query(`
      CREATE TABLE "${s}"."deliveries" (
        "id" UUID PRIMARY KEY,
        "step_id" UUID NOT NULL REFERENCES "${s}"."escalation_steps" ("id"),
        "channel" TEXT NOT NULL,
        "payload" JSONB NOT NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('pending', 'delivered', 'failed')),
        "attempts" INT NOT NULL DEFAULT 0,
        "last_error" TEXT NULL,
        "next_attempt_at" TIMESTAMPTZ NOT NULL,
        "delivered_at" TIMESTAMPTZ NULL,
        UNIQUE ("step_id", "channel")
      )`);
    await queryRunner.query(`CREATE INDEX "deliveries_pending" ON "${s}"."deliveries" ("next_attempt_at") WHERE "state" = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."deliveries"`);
    await queryRunner.query(`DROP TABLE "${s}"."escalation_steps"`);
    await queryRunner.query(`DROP TABLE "${s}"."escalation_cases"`);
  }
}
