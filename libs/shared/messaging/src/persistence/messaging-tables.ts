import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and the applied-event ledger live in each service's own schema, beside the state they
 * protect, so a state change, its events and the record of what was consumed commit together.
 */
export class CreateMessagingTables1763900000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${schema}"."outbox" (
        "seq" BIGSERIAL PRIMARY KEY,
        "event_id" UUID NOT NULL UNIQUE,
        "topic" TEXT NOT NULL,
        "message_key" TEXT NOT NULL,
        "event_type" TEXT NOT NULL,
        "headers" JSONB NOT NULL,
        "payload" TEXT NOT NULL,
        "created_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        "published_at" TIMESTAMPTZ NULL,
        "attempts" INT NOT NULL DEFAULT 0,
        "last_error" TEXT NULL
      )`);
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "outbox_unpublished" ON "${schema}"."outbox" ("seq") WHERE "published_at" IS NULL`);
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "${schema}"."applied_events" (
        "consumer_group" TEXT NOT NULL,
        "event_id" TEXT NOT NULL,
        "event_type" TEXT NOT NULL,
        "topic" TEXT NOT NULL,
        "partition" INT NOT NULL,
        "kafka_offset" BIGINT NOT NULL,
        "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY ("consumer_group", "event_id")
      )`);
    for (const statement of upgradeStatements(schema)) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE IF EXISTS "${schema}"."applied_events"`);
    await queryRunner.query(`DROP TABLE IF EXISTS "${schema}"."outbox"`);
  }
}

export function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the DataSource must name its schema: every service owns one');
  return schema;
}

/** The channel a schema's outbox trigger notifies, and its relay listens on. */
export function outboxChannelOf(schema: string): string {
  return `outbox_${schema}`;
}

/**
 * What the batch backbone added to the tables: rows set aside by the relay (they cannot be published:
 * too large, unknown topic), the index of rows still to publish, and a statement trigger that wakes
 * the relay (pg_notify, delivered at commit) whenever a transaction writes to the outbox. Idempotent.
 */
function upgradeStatements(schema: string): string[] {
  return [
    `ALTER TABLE "${schema}"."outbox" ADD COLUMN IF NOT EXISTS "set_aside_at" TIMESTAMPTZ NULL`,
    `CREATE INDEX IF NOT EXISTS "outbox_ready" ON "${schema}"."outbox" ("seq") WHERE "published_at" IS NULL AND "set_aside_at" IS NULL`,
    `CREATE INDEX IF NOT EXISTS "outbox_set_aside" ON "${schema}"."outbox" ("seq") WHERE "set_aside_at" IS NOT NULL AND "published_at" IS NULL`,
    `CREATE INDEX IF NOT EXISTS "applied_events_applied_at" ON "${schema}"."applied_events" ("applied_at")`,
    // The payload is the highest seq the statement wrote: a relay that has already taken that row (its
    // own process nudged it at the commit) knows the notification brings nothing new.
    `CREATE OR REPLACE FUNCTION "${schema}"."outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE top BIGINT;
       BEGIN
         SELECT max("seq") INTO top FROM inserted;
         IF top IS NOT NULL THEN PERFORM pg_notify('${outboxChannelOf(schema)}', top::text); END IF;
         RETURN NULL;
       END $$`,
    `CREATE OR REPLACE TRIGGER "outbox_notify" AFTER INSERT ON "${schema}"."outbox" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "${schema}"."outbox_notify"()`,
  ];
}

const upgraded = new WeakMap<DataSource, Promise<void>>();

/**
 * Brings a schema whose messaging tables were created before the batch backbone up to date (once per
 * DataSource, under the schema's migration lock so replicas starting together do not race). The relay
 * and the consumer call it, so no service has to list a second migration.
 */
export function upgradeMessagingTables(dataSource: DataSource): Promise<void> {
  let done = upgraded.get(dataSource);
  if (!done) {
    const schema = (dataSource.options as { schema?: string }).schema;
    if (!schema) throw new Error('the DataSource must name its schema: every service owns one');
    done = dataSource
      .transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`bekasi:migrations:${schema}`]);
        const [{ ready }] = await tx.query(
          `SELECT count(*) = 3 AS ready FROM pg_indexes WHERE schemaname = $1 AND indexname IN ('outbox_ready', 'outbox_set_aside', 'applied_events_applied_at')`,
          [schema],
        );
        // The trigger of today: it names the seq in its payload (an older one notified with none).
        const [{ trigger }] = await tx.query(
          `SELECT count(*) = 1 AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_proc p ON p.oid = t.tgfoid WHERE n.nspname = $1 AND c.relname = 'outbox' AND t.tgname = 'outbox_notify' AND p.prosrc LIKE '%max("seq")%'`,
          [schema],
        );
        if (ready && trigger) return;
        for (const statement of upgradeStatements(schema)) await tx.query(statement);
      })
      .catch((err) => {
        upgraded.delete(dataSource);
        throw err;
      });
    upgraded.set(dataSource, done);
  }
  return done;
}
