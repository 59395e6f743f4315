import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class MeasurableInstructionsBudgetClose1764400000002 implements MigrationInterface {
  name = 'MeasurableInstructionsBudgetClose1764400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    // An instruction is one aggregate: its measurable targets, the unit's realisation reports and
    // their verification, and the dialog kinerja proposals, kept whole (history included) as JSONB
    // beside the columns the lists filter by.
    await queryRunner.query(`ALTER TABLE "${s}"."instructions"
      ADD COLUMN "negotiation_ends_at" TIMESTAMPTZ NULL,
      ADD COLUMN "cancelled_at" TIMESTAMPTZ NULL,
      ADD COLUMN "cancel_note" TEXT NULL,
      ADD COLUMN "version" INT NOT NULL DEFAULT 1,
      ADD COLUMN "targets" JSONB NOT NULL DEFAULT '[]',
      ADD COLUMN "realisations" JSONB NOT NULL DEFAULT '[]',
      ADD COLUMN "proposals" JSONB NOT NULL DEFAULT '[]',
      ADD COLUMN "periods" TEXT[] NOT NULL DEFAULT '{}'`);
    // Instructions of the old shape (a text target, a progress percentage the unit set itself)
    // become one target of 100 percent; a self-declared "done" becomes a report awaiting
    // verification, since only verified realisation counts now.
    await queryRunner.query(`UPDATE "${s}"."instructions" i SET
      negotiation_ends_at = issued_at,
      cancelled_at = CASE WHEN state = 'cancelled' THEN issued_at END,
      targets = jsonb_build_array(jsonb_build_object('id', id::text, 'name', target, 'unitOfMeasure', 'persen', 'period', to_char(due_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM'),
        'dueAt', due_at, 'originalTarget', 100, 'target', 100)),
      realisations = CASE WHEN progress > 0 THEN jsonb_build_array(jsonb_build_object('id', gen_random_uuid()::text, 'targetId', id::text, 'value', progress,
        'note', 'Kemajuan yang dilaporkan sebelum verifikasi berlaku', 'evidence', jsonb_build_array(jsonb_build_object('fileId', NULL, 'reference', 'laporan lama', 'label', 'Laporan kemajuan')),
        'state', 'submitted',
        'reportedBy', COALESCE((SELECT u."by" FROM "${s}"."instruction_updates" u WHERE u.instruction_id = i.id ORDER BY u.seq DESC LIMIT 1), issued_by), 'reportedAt', COALESCE(completed_at, issued_at), 'verifiedBy', NULL, 'verifiedAt', NULL, 'verificationNote', NULL)) ELSE '[]'::jsonb END,
      periods = ARRAY[to_char(due_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM')]`);
    await queryRunner.query(`ALTER TABLE "${s}"."instructions" DROP CONSTRAINT IF EXISTS "instructions_state_check"`);
    await queryRunner.query(`UPDATE "${s}"."instructions" i SET state = 'active' WHERE state = 'done'`);
    await queryRunner.query(`ALTER TABLE "${s}"."instructions" ADD CONSTRAINT "instructions_state_check" CHECK ("state" IN ('active', 'cancelled'))`);
    await queryRunner.query(`ALTER TABLE "${s}"."instructions" DROP COLUMN "target", DROP COLUMN "progress", DROP COLUMN "completed_at", ALTER COLUMN "negotiation_ends_at" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "instructions_periods" ON "${s}"."instructions" USING GIN ("periods")`);
    await queryRunner.query(`DROP TABLE "${s}"."instruction_updates"`);

    // Budget absorption per unit and month from the finance export, and each import's report.
    await queryRunner.query(`
      CREATE TABLE "${s}"."budget_months" (
        "unit_code" TEXT NOT NULL,
        "period" TEXT NOT NULL,
        "pagu" NUMERIC(18, 2) NOT NULL,
        "rencana" NUMERIC(18, 2) NOT NULL,
        "realisasi" NUMERIC(18, 2) NOT NULL,
        "import_id" UUID NOT NULL,
        PRIMARY KEY ("unit_code", "period")
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."budget_imports" (
        "id" UUID PRIMARY KEY,
        "file_name" TEXT NULL,
        "rows" INT NOT NULL,
        "imported" INT NOT NULL,
        "rejected" JSONB NOT NULL,
        "imported_by" TEXT NOT NULL,
        "imported_at" TIMESTAMPTZ NOT NULL
      )`);

    // Versions of the IKP policy the Sekda publishes, and the frozen board of each closed month.
    await queryRunner.query(`
      CREATE TABLE "${s}"."ikp_policies" (
        "version" TEXT PRIMARY KEY,
        "effective_from" TEXT NOT NULL,
        "document" JSONB NOT NULL,
        "published_by" TEXT NOT NULL,
        "published_at" TIMESTAMPTZ NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${s}"."month_snapshots" (
        "period" TEXT PRIMARY KEY,
        "policy_version" TEXT NOT NULL,
        "board" JSONB NOT NULL,
        "closed_by" TEXT NOT NULL,
        "closed_at" TIMESTAMPTZ NOT NULL
      )`);

    // Projections: the escalation's role decides whether it went beyond the unit (domain rule);
    // tracking ids name the worst overdue complaints in the Rapim pack; month ranges use indexes.
    await queryRunner.query(`ALTER TABLE "${s}"."escalations" ADD COLUMN "beyond_unit" BOOLEAN NULL`);
    await queryRunner.query(`UPDATE "${s}"."escalations" SET beyond_unit = level >= 2`);
    await queryRunner.query(`ALTER TABLE "${s}"."escalations" ALTER COLUMN "beyond_unit" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${s}"."unit_tickets" ADD COLUMN "tracking_id" TEXT NULL`);
    await queryRunner.query(`CREATE INDEX "unit_tickets_assigned_at" ON "${s}"."unit_tickets" ("assigned_at")`);
    await queryRunner.query(`CREATE INDEX "deadline_outcomes_deadline_at" ON "${s}"."deadline_outcomes" ("deadline_at")`);
    await queryRunner.query(`CREATE INDEX "escalations_raised_at" ON "${s}"."escalations" ("raised_at")`);
  }

  async down(): Promise<void> {
    throw new Error('MeasurableInstructionsBudgetClose1764400000002 folds old instructions into the new shape and cannot be undone');
  }
}
