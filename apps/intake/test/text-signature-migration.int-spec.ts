import { randomUUID } from 'node:crypto';
import { decodeTextSignature, textSignatureOf } from '@bekasi/intake-domain';
import { TestInfra } from '@bekasi/testing';
import { CreateIntakeTables1764100000000 } from '../src/persistence/migrations/1764100000000-create-intake-tables';
import { AddTextSignature1765000000000 } from '../src/persistence/migrations/1765000000000-add-text-signature';

describe('intake migration: text signatures of complaints stored before them', () => {
  let infra: TestInfra;
  afterAll(() => infra?.cleanup());

  it('signs every existing row from its published title and text, in batches, and then requires one', async () => {
    infra = await TestInfra.create('sigmig');
    const db = await infra.dataSource({ migrations: [CreateIntakeTables1764100000000] });
    const s = infra.schema;
    const rows = Array.from({ length: 1_205 }, (_, i) => ({ id: randomUUID() as string, title: `Jalan rusak ${i}`, text: `Lubang besar di Jalan Raya Babelan nomor ${i} dekat pertigaan` }));
    await db.query(
      `INSERT INTO "${s}"."complaints" ("id","tracking_id","identity_key","source","external_id","received_at","title","text","public_title","public_text","personal_data_masked","anonymous","confidential","priority","historical")
       SELECT id, 'BKS-' || id, 'web-form:' || id, 'web-form', id::text, now(), t, x, t, x, false, false, false, 'normal', false FROM unnest($1::uuid[], $2::text[], $3::text[]) AS r(id, t, x)`,
      [rows.map((r) => r.id), rows.map((r) => r.title), rows.map((r) => r.text)],
    );
    const runner = db.createQueryRunner();
    await new AddTextSignature1765000000000().up(runner);
    await runner.release();

    const stored: { id: string; text_signature: Buffer }[] = await db.query(`SELECT "id", "text_signature" FROM "${s}"."complaints"`);
    expect(stored).toHaveLength(rows.length);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of stored) {
      const expected = textSignatureOf(byId.get(row.id)!);
      const decoded = decodeTextSignature(row.text_signature);
      expect([...decoded.words]).toEqual([...expected.words]);
      expect([...decoded.shingles]).toEqual([...expected.shingles]);
    }
    await expect(db.query(`UPDATE "${s}"."complaints" SET "text_signature" = NULL WHERE "id" = $1`, [rows[0].id])).rejects.toThrow(/null/i);
  });
});
