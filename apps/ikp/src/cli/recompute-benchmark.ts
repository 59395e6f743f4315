// node tools/run.js apps/ikp/src/cli/recompute-benchmark.ts [TICKETS=1000000] [RUNS=3]
// Fills a throw-away schema of DATABASE_URL (default: the test database) with the projected facts
// of TICKETS tickets in one month, then times recomputing that month's IKP board from them (the
// set-based queries the service runs when it closes a month), prints the figures, drops the schema.
import 'reflect-metadata';
import { FakeClock } from '@bekasi/clock';
import { IkpBoard } from '../scoring/ikp-board';
import { AsdaDirectory } from '@bekasi/unit-directory';
import { UnitRegistry } from '../units/unit-registry';
import { seedTicketFacts } from './ikp-facts-fixture';
import { withThrowAwaySchema } from './throwaway-schema';

const PERIOD = '2026-03';
const LIMIT_SECONDS = 10;

async function main() {
  const tickets = Number(process.argv[2] ?? 1_000_000);
  const runs = Number(process.argv[3] ?? 3);
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  await withThrowAwaySchema(databaseUrl, 'bench_ikp', async (ds, schema) => {
    const seeding = Date.now();
    await seedTicketFacts(ds, schema, PERIOD, tickets, 0);
    await ds.query(`ANALYZE "${schema}"."unit_tickets"; ANALYZE "${schema}"."deadline_outcomes"; ANALYZE "${schema}"."escalations"`);
    const [{ facts }] = await ds.query(
      `SELECT (SELECT count(*) FROM "${schema}"."unit_tickets") + (SELECT count(*) FROM "${schema}"."deadline_outcomes") + (SELECT count(*) FROM "${schema}"."escalations") AS facts`,
    );
    const seedSeconds = (Date.now() - seeding) / 1000;
    const board = new IkpBoard(ds, new UnitRegistry(await new AsdaDirectory(ds).open()), new FakeClock(new Date('2026-04-01T01:00:00Z')));
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
  });
}

void main().catch((err) => {
  console.error(err);
  process.exit(1);
});
