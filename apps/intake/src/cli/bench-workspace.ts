import { Client } from 'pg';
import { TopicNaming } from '@bekasi/contracts';
import { createKafka, deleteTopics } from '@bekasi/messaging';

/** Removes what a benchmark created for itself: its schema and its prefixed topics. */
export async function dropBenchWorkspace(databaseUrl: string, schema: string, brokers: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  await deleteTopics(createKafka({ brokers: brokers.split(','), topicPrefix: `${schema}.`, clientId: 'bench' }), new TopicNaming(`${schema}.`)).catch(() => undefined);
}
