import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateSlaTables1764200000000 implements MigrationInterface {
  name = 'CreateSlaTables1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // The facts each ticket's clocks are computed from, folded from desk's ticket.* events.
    await queryRunner.query(`
      CREATE TABLE "${s}"."ticket_clocks" (
        "ticket_id" UUID PRIMARY KEY,
        "facts" JSONB NOT NULL,
        "policy_version" TEXT NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )`);
    // One row per deadline of a ticket; a new disposition replaces the unit's rows (new starts_at).
    await queryRunner.query(`
      CREATE TABLE "${s}"."deadlines" (
        "ticket_id" UUID NOT NULL,
        "kind" TEXT NOT NULL,
        "unit_code" TEXT NOT NULL,
        "starts_at" TIMESTAMPTZ NOT NULL,
        "working_days" INT NOT NULL,
        "due_at" TIMESTAMPTZ NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('running', 'paused', 'met', 'cancelled', 'breached')),
        "met_at" TIMESTAMPTZ NULL,
        "on_time" BOOLEAN NULL,
        "breached_at" TIMESTAMPTZ NULL,
        "policy_version" TEXT NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("ticket_id", "kind")
      )`);
    await queryRunner.query(`CREATE INDEX "deadlines_unit_state" ON "${s}"."deadlines" ("unit_code", "state")`);
    // Every reminder and breach, the source of truth for BullMQ's delayed jobs (same ids).
    await queryRunner.query(`
      CREATE TABLE "${s}"."timers" (
        "id" TEXT PRIMARY KEY,
        "ticket_id" UUID NOT NULL,
        "kind" TEXT NOT NULL,
        "what" TEXT NOT NULL CHECK ("what" IN ('reminder', 'breach')),
        "fraction" DOUBLE PRECISION NULL,
        "roles" JSONB NOT NULL,
        "unit_code" TEXT NOT NULL,
        "deadline_at" TIMESTAMPTZ NOT NULL,
        "fire_at" TIMESTAMPTZ NOT NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('pending', 'fired', 'cancelled')),
        "fired_at" TIMESTAMPTZ NULL,
        "policy_version" TEXT NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "timers_pending" ON "${s}"."timers" ("fire_at") WHERE "state" = 'pending'`);
    await queryRunner.query(`CREATE INDEX "timers_ticket" ON "${s}"."timers" ("ticket_id", "kind")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${s}"."timers"`);
    await queryRunner.query(`DROP TABLE "${s}"."deadlines"`);
    await queryRunner.query(`DROP TABLE "${s}"."ticket_clocks"`);
  }
}
