import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@bekasi/messaging';
import { encodeTextSignature, textSignatureOf } from '@bekasi/intake-domain';

const BATCH = 1_000;

/**
 * Each complaint keeps the text signature its duplicate check compares (textSignatureOf of the
 * published title and text), so candidates are read as hashes instead of being re-normalised and
 * re-shingled for every new complaint. Existing rows are signed here, in batches.
 */
export class AddTextSignature1765000000000 implements MigrationInterface {
  name = 'AddTextSignature1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${s}"."complaints" ADD COLUMN IF NOT EXISTS "text_signature" BYTEA NULL`);
    for (;;) {
      const rows: { id: string; public_title: string; public_text: string }[] = await queryRunner.query(
        `SELECT "id", "public_title", "public_text" FROM "${s}"."complaints" WHERE "text_signature" IS NULL LIMIT ${BATCH}`,
      );
      if (rows.length === 0) break;
      await queryRunner.query(
        `UPDATE "${s}"."complaints" c SET "text_signature" = v.sig FROM unnest($1::uuid[], $2::bytea[]) AS v(id, sig) WHERE c."id" = v.id`,
        [rows.map((r) => r.id), rows.map((r) => encodeTextSignature(textSignatureOf({ title: r.public_title, text: r.public_text })))],
      );
    }
    await queryRunner.query(`ALTER TABLE "${s}"."complaints" ALTER COLUMN "text_signature" SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${schemaOf(queryRunner)}"."complaints" DROP COLUMN IF EXISTS "text_signature"`);
  }
}
