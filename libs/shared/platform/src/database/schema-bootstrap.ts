import { Client } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

/**
 * Creates the database (when the server allows) and the service's schema before TypeORM connects,
 * because TypeORM keeps its migrations table inside that schema.
 */
export async function ensureDatabaseAndSchema(databaseUrl: string, schema: string): Promise<void> {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = new Client({ connectionString: adminUrl.toString() });
  try {
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`).catch((err) => {
      if (!/already exists/.test(String(err.message))) throw err;
    });
  } catch (err) {
    // No access to the maintenance database (managed PostgreSQL): the database must exist already.
    if (!/does not exist|permission denied|no pg_hba/.test(String((err as Error).message))) throw err;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Opens the service's DataSource and runs its pending migrations while holding a PostgreSQL advisory
 * lock on the schema: when several replicas start at once, one migrates and the others wait, then
 * find nothing left to do.
 */
export async function migratedDataSource(options: DataSourceOptions, schema: string): Promise<DataSource> {
  const dataSource = await new DataSource(options).initialize();
  const runner = dataSource.createQueryRunner();
  const key = `bekasi:migrations:${schema}`;
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (err) {
    await runner.release().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
    throw err;
  }
  await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
  await runner.release();
  return dataSource;
}
