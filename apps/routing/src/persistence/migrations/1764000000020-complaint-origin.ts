// Issue 8: desk learns where a ticket came from (source, SP4N-LAPOR! id) from routing's decisions
// instead of consuming every complaint.received itself (a ledger row and a transaction per complaint).
// Routing keeps the origin beside the complaint so every decision it publishes, re-disposisi and the
// admin's included, carries it. Complaints kept before this have none (null), and their events omit it.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';

export class ComplaintOrigin1764000000020 implements MigrationInterface {
  name = 'ComplaintOrigin1764000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."complaints" ADD COLUMN "source" text NULL, ADD COLUMN "external_id" text NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."complaints" DROP COLUMN "external_id", DROP COLUMN "source"`);
  }
}
