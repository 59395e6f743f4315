// The migration to measurable instructions on a database that already holds instructions of the
// old shape (a text target, a progress percentage, "done" by the unit's own say-so).
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TestInfra, TEST_DATABASE_URL } from '@bekasi/testing';
import { IKP_MIGRATIONS } from '../src/persistence/migrations';
import { InstructionRepository } from '../src/persistence/instruction.repository';

describe('ikp migration to measurable instructions', () => {
  let infra: TestInfra;

  beforeAll(async () => {
    infra = await TestInfra.create('ikpmig');
  });

  afterAll(async () => {
    await infra.cleanup();
  });

  it('turns each old instruction into one 100 % target, its progress into a report awaiting verification', async () => {
    const old = await infra.dataSource({ migrations: IKP_MIGRATIONS.slice(1, 3) });
    const [done, open] = [randomUUID(), randomUUID()];
    await old.query(
      `INSERT INTO "${infra.schema}"."instructions" (id, unit_code, title, description, target, due_at, state, progress, issued_by, issued_at, completed_at) VALUES
       ($1, 'DP3A', 'Kasus kekerasan anak', '', 'Seluruh kasus tuntas', '2026-04-15T10:00:00Z', 'done', 100, 'sekda', '2026-04-01T02:00:00Z', '2026-04-14T02:00:00Z'),
       ($2, 'DLH', 'Sampah liar', '', 'Titik dibersihkan', '2026-04-30T10:00:00Z', 'active', 0, 'bupati', '2026-04-01T02:00:00Z', NULL)`,
      [done, open],
    );
    await old.query(`INSERT INTO "${infra.schema}"."instruction_updates" (id, instruction_id, kind, progress, note, "by", at) VALUES ($1, $2, 'done', 100, 'tuntas', 'head.dp3a', now())`, [randomUUID(), done]);
    await old.destroy();

    const migrated = new DataSource({ type: 'postgres', url: TEST_DATABASE_URL, schema: infra.schema, migrations: IKP_MIGRATIONS, migrationsRun: true });
    await migrated.initialize();
    try {
      const repo = new InstructionRepository(migrated.manager);
      const d = (await repo.find(done))!;
      expect(d).toMatchObject({ state: 'active', targets: [{ name: 'Seluruh kasus tuntas', unitOfMeasure: 'persen', period: '2026-04', originalTarget: 100, target: 100 }] });
      expect(d.realisations).toEqual([expect.objectContaining({ value: 100, state: 'submitted', reportedBy: 'head.dp3a' })]);
      expect((await repo.find(open))!.realisations).toEqual([]);
      expect((await repo.ofPeriod('2026-04')).map((i) => i.unitCode).sort()).toEqual(['DLH', 'DP3A']);
    } finally {
      await migrated.destroy();
    }
  });
});
