import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class CreateIkpTables1764400000000 implements MigrationInterface {
  name = 'CreateIkpTables1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // Projections of the event stream: what each unit was given and what it did with it.
    await queryRunner.query(`
      CREATE TABLE "${s}"."unit_tickets" (
        "ticket_id" UUID NOT NULL,
        "unit_code" TEXT NOT NULL,
        "assigned_at" TIMESTAMPTZ NOT NULL,
        "answered_at" TIMESTAMPTZ NULL,
        "rating" INT NULL,
        "refused" BOOLEAN NOT NULL DEFAULT false,
        PRIMARY KEY ("ticket_id", "unit_code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."deadline_outcomes" (
        "ticket_id" UUID NOT NULL,
        "kind" TEXT NOT NULL,
        "unit_code" TEXT NOT NULL,
        "deadline_at" TIMESTAMPTZ NOT NULL,
        "on_time" BOOLEAN NOT NULL,
        PRIMARY KEY ("ticket_id", "kind", "unit_code")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."escalations" (
        "escalation_id" UUID PRIMARY KEY,
        "ticket_id" UUID NOT NULL,
        "unit_code" TEXT NOT NULL,
        "level" INT NOT NULL,
        "raised_at" TIMESTAMPTZ NOT NULL
      )`);
    // Targets in force per unit, period and indicator (absent: the policy's default), and the
    // negotiation that changed them.
    await queryRunner.query(`
      CREATE TABLE "${s}"."targets" (
        "unit_code" TEXT NOT NULL,
        "period" TEXT NOT NULL,
        "indicator" TEXT NOT NULL,
        "target" DOUBLE PRECISION NOT NULL,
        "source" TEXT NOT NULL CHECK ("source" IN ('set', 'negotiated')),
        "set_by" TEXT NOT NULL,
        "set_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("unit_code", "period", "indicator")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."target_proposals" (
        "id" UUID PRIMARY KEY,
        "unit_code" TEXT NOT NULL,
        "period" TEXT NOT NULL,
        "indicator" TEXT NOT NULL,
        "current_target" DOUBLE PRECISION NOT NULL,
        "proposed_target" DOUBLE PRECISION NOT NULL,
        "reason" TEXT NOT NULL,
        "state" TEXT NOT NULL CHECK ("state" IN ('proposed', 'approved', 'rejected')),
        "proposed_by" TEXT NOT NULL,
        "proposed_at" TIMESTAMPTZ NOT NULL,
        "decided_by" TEXT NULL,
        "decided_at" TIMESTAMPTZ NULL,
        "decision_note" TEXT NULL,
        "seq" BIGSERIAL NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "target_proposals_unit" ON "${s}"."target_proposals" ("unit_code", "period", "indicator")`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."published_scores" (
        "unit_code" TEXT NOT NULL,
        "period" TEXT NOT NULL,
        "score" DOUBLE PRECISION NOT NULL,
        "zone" TEXT NOT NULL,
        "components" JSONB NOT NULL,
        "computed_at" TIMESTAMPTZ NOT NULL,
        PRIMARY KEY ("unit_code", "period")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const t of ['published_scores', 'target_proposals', 'targets', 'escalations', 'deadline_outcomes', 'unit_tickets']) await queryRunner.query(`DROP TABLE "${s}"."${t}"`);
  }
}
