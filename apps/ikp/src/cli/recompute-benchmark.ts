// node tools/run.js apps/ikp/src/cli/recompute-benchmark.ts [TICKETS=1000000] [RUNS=3]
// Fills a throw-away schema of DATABASE_URL (default: the test database) with the projected facts
// of TICKETS tickets in one month, then times recomputing that month's IKP board from them (the
// set-based queries the service runs when it closes a month), prints the figures, drops the schema.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FakeClock } from '@bekasi/clock';
import { CreateMessagingTables1763900000000 } from '@bekasi/messaging';
import { CreateIkpTables1764400000000 } from '../persistence/migrations/1764400000000-create-ikp-tables';
import { CreateInstructions1764400000001 } from '../persistence/migrations/1764400000001-create-instructions';
import { MeasurableInstructionsBudgetClose1764400000002 } from '../persistence/migrations/1764400000002-measurable-instructions-budget-close';
import { IkpBoard } from '../scoring/ikp-board';
import { UnitRegistry } from '../units/unit-registry';
import { seedTicketFacts } from './ikp-facts-fixture';

const PERIOD = '2026-03';
const LIMIT_SECONDS = 10;

async function main() {
  const tickets = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 3);
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_ikp_${randomBytes(4).toString('hex')}`;
  const admin = new DataSource({ type: 'postgres', url: databaseUrl });
  await admin.initialize();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  await admin.destroy();
  const ds = new DataSource({
    type: 'postgres', url: databaseUrl, schema, migrationsRun: true, extra: { max: 6 },
    migrations: [CreateMessagingTables1763900000000, CreateIkpTables1764400000000, CreateInstructions1764400000001, MeasurableInstructionsBudgetClose1764400000002],
  });
  await ds.initialize();
  try {
    const seeding = Date.now();
    await seedTicketFacts(ds, schema, PERIOD, tickets, 0);
    await ds.query(`ANALYZE "${schema}"."unit_tickets"; ANALYZE "${schema}"."deadline_outcomes"; ANALYZE "${schema}"."escalations"`);
    const [{ facts }] = await ds.query(
      `SELECT (SELECT count(*) FROM "${schema}"."unit_tickets") + (SELECT count(*) FROM "${schema}"."deadline_outcomes") + (SELECT count(*) FROM "${schema}"."escalations") AS facts`,
    );
    const seedSeconds = (Date.now() - seeding) / 1000;
    const board = new IkpBoard(ds, new UnitRegistry(), new FakeClock(new Date('2026-04-01T01:00:00Z')));
    const seconds: number[] = [];
    let first: string | null = null;
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      const result = await board.live(PERIOD);
      seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
      const figures = JSON.stringify(result.items.map((r) => [r.unitCode, r.rank, r.score]));
      if (first !== null && figures !== first) throw new Error('recomputing the same month gave different figures');
      first = figures;
    }
    const sorted = [...seconds].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    const out = {
      benchmark: 'ikp-recompute-month', tickets, facts: Number(facts), period: PERIOD, seedSeconds: Number(seedSeconds.toFixed(1)),
      recomputeSeconds: seconds.map((s) => Number(s.toFixed(3))), medianSeconds: Number(median.toFixed(3)), limitSeconds: LIMIT_SECONDS, withinLimit: median < LIMIT_SECONDS,
    };
    console.log(JSON.stringify(out));
    if (!out.withinLimit) process.exitCode = 1;
  } finally {
    await ds.query(`DROP SCHEMA "${schema}" CASCADE`);
    await ds.destroy();
  }
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
