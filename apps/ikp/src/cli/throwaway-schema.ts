import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IKP_MIGRATIONS } from '../persistence/migrations';

/** Runs `work` against a fresh ikp schema of `databaseUrl` (migrated), then drops the schema whatever happened. */
export async function withThrowAwaySchema<T>(databaseUrl: string, label: string, work: (ds: DataSource, schema: string) => Promise<T>): Promise<T> {
  const schema = `${label}_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: databaseUrl });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.destroy();
  const ds = new DataSource({ type: 'postgres', url: databaseUrl, schema, migrationsRun: true, extra: { max: 6 }, migrations: IKP_MIGRATIONS });
  await ds.initialize();
  try {
    return await work(ds, schema);
  } finally {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  }
}
