// Issue 8: routing checks at every batch whether its knowledge (rules, units, places, model)
// changed. Digesting the units and places tables for that cost PostgreSQL about 2 ms per batch;
// a revision that every change to those tables bumps, in the changing transaction, is one row to
// read. Statement triggers catch every writer (the admin's APIs, learnt units, retraining, SQL by
// hand), and a reader sees the new revision exactly when it sees the change.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

const WATCHED = ['routing_rules', 'units', 'places', 'model_versions'];

export class KnowledgeRevision1764000000010 implements MigrationInterface {
  name = 'KnowledgeRevision1764000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${s}"."knowledge_revision" (
        "single" BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK ("single"),
        "revision" BIGINT NOT NULL
      )`);
    await queryRunner.query(`INSERT INTO "${s}"."knowledge_revision" ("single", "revision") VALUES (TRUE, 1)`);
    await queryRunner.query(`
      CREATE FUNCTION "${s}"."bump_knowledge_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE "${s}"."knowledge_revision" SET "revision" = "revision" + 1;
        RETURN NULL;
      END $$`);
    for (const table of WATCHED) {
      await queryRunner.query(
        `CREATE TRIGGER "${table}_bump_knowledge_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${s}"."${table}"
         FOR EACH STATEMENT EXECUTE FUNCTION "${s}"."bump_knowledge_revision"()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const table of WATCHED) await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_bump_knowledge_revision" ON "${s}"."${table}"`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS "${s}"."bump_knowledge_revision"()`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${s}"."knowledge_revision"`);
  }
}
