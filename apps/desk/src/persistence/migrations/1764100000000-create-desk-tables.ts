import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';
import { UNITS } from '@bekasi/reference-data';

/**
 * Desk's tables. The audit trail is append-only twice over: the service has no code path that
 * updates or deletes it, and a trigger refuses UPDATE, DELETE and TRUNCATE for everyone.
 */
export class CreateDeskTables1764100000000 implements MigrationInterface {
  name = 'CreateDeskTables1764100000000';

  async up(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`
      CREATE TABLE "${s}"."units" (
        "code" TEXT PRIMARY KEY,
        "name" TEXT NOT NULL,
        "abbr" TEXT NOT NULL,
        "kind" TEXT NOT NULL,
        "asda_group" TEXT NOT NULL CHECK ("asda_group" IN ('I','II','III')),
        "kecamatan_code" TEXT NULL
      )`);
    for (const u of UNITS) {
      await q.query(`INSERT INTO "${s}"."units" ("code","name","abbr","kind","asda_group","kecamatan_code") VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`, [
        u.code,
        u.name,
        u.abbr,
        u.kind,
        u.asda,
        u.kecamatan ?? null,
      ]);
    }
    await q.query(`
      CREATE TABLE "${s}"."users" (
        "id" UUID PRIMARY KEY,
        "username" TEXT NOT NULL UNIQUE,
        "display_name" TEXT NOT NULL,
        "role" TEXT NOT NULL CHECK ("role" IN ('admin','officer','unit_head','asda','sekda','bupati')),
        "unit_code" TEXT NULL REFERENCES "${s}"."units" ("code"),
        "asda_group" TEXT NULL CHECK ("asda_group" IN ('I','II','III')),
        "password_hash" TEXT NOT NULL,
        "active" BOOLEAN NOT NULL DEFAULT true,
        "session_version" INT NOT NULL DEFAULT 1,
        "created_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL,
        CHECK (("role" IN ('officer','unit_head')) = ("unit_code" IS NOT NULL)),
        CHECK (("role" = 'asda') = ("asda_group" IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE "${s}"."tickets" (
        "id" UUID PRIMARY KEY,
        "tracking_id" TEXT NOT NULL UNIQUE,
        "version" INT NOT NULL,
        "status" TEXT NOT NULL,
        "unit_code" TEXT NULL,
        "paused_from" TEXT NULL,
        "paused_at" TIMESTAMPTZ NULL,
        "bounce_count" INT NOT NULL,
        "refused_unit_codes" JSONB NOT NULL,
        "reopen_count" INT NOT NULL,
        "received_at" TIMESTAMPTZ NOT NULL,
        "assigned_at" TIMESTAMPTZ NULL,
        "answered_at" TIMESTAMPTZ NULL,
        "closed_at" TIMESTAMPTZ NULL,
        "closed_by" TEXT NULL,
        "rating" INT NULL,
        "archive" JSONB NULL,
        "updated_at" TIMESTAMPTZ NOT NULL,
        "title" TEXT NOT NULL,
        "text" TEXT NOT NULL,
        "category" TEXT NULL,
        "classification" TEXT NULL,
        "kecamatan_code" TEXT NULL,
        "anonymous" BOOLEAN NOT NULL,
        "confidential" BOOLEAN NOT NULL,
        "channel" TEXT NULL,
        "priority" TEXT NOT NULL,
        "triage_reason" TEXT NULL,
        "triage_suggestions" JSONB NOT NULL DEFAULT '[]',
        "last_decision_id" UUID NULL,
        "overdue_since" TIMESTAMPTZ NULL
      )`);
    await q.query(`CREATE INDEX "tickets_unit_status" ON "${s}"."tickets" ("unit_code", "status", "received_at" DESC)`);
    await q.query(`CREATE INDEX "tickets_status" ON "${s}"."tickets" ("status", "received_at" DESC)`);
    await q.query(`
      CREATE TABLE "${s}"."ticket_audit" (
        "seq" BIGSERIAL PRIMARY KEY,
        "ticket_id" UUID NOT NULL REFERENCES "${s}"."tickets" ("id"),
        "version" INT NOT NULL,
        "at" TIMESTAMPTZ NOT NULL,
        "actor_role" TEXT NOT NULL,
        "actor_user_id" TEXT NULL,
        "action" TEXT NOT NULL,
        "from_status" TEXT NULL,
        "to_status" TEXT NOT NULL,
        "reason" TEXT NULL,
        "content" TEXT NULL,
        "attachments" JSONB NOT NULL DEFAULT '[]',
        UNIQUE ("ticket_id", "version")
      )`);
    await q.query(`
      CREATE OR REPLACE FUNCTION "${s}"."ticket_audit_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ticket_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER "ticket_audit_no_update_delete" BEFORE UPDATE OR DELETE ON "${s}"."ticket_audit"
      FOR EACH ROW EXECUTE FUNCTION "${s}"."ticket_audit_is_append_only"()`);
    await q.query(`CREATE TRIGGER "ticket_audit_no_truncate" BEFORE TRUNCATE ON "${s}"."ticket_audit"
      FOR EACH STATEMENT EXECUTE FUNCTION "${s}"."ticket_audit_is_append_only"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    const s = schemaOf(q);
    await q.query(`DROP TABLE IF EXISTS "${s}"."ticket_audit"`);
    await q.query(`DROP FUNCTION IF EXISTS "${s}"."ticket_audit_is_append_only"()`);
    await q.query(`DROP TABLE IF EXISTS "${s}"."tickets"`);
    await q.query(`DROP TABLE IF EXISTS "${s}"."users"`);
    await q.query(`DROP TABLE IF EXISTS "${s}"."units"`);
  }
}
