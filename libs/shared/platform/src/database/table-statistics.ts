import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppLogger } from '../observability/logger';
import { LOGGER } from '../tokens';

/**
 * How often the service's tables are looked at (one catalog query). Often: a cached generic plan
 * (intake's prepared statements) is made again only when its table is analyzed, and a table filled
 * by an import grows far more than twofold in 15 s. Checking often does not analyze more often: each
 * table is analyzed once per doubling.
 */
const CHECK_EVERY_MS = 2_000;

export interface StaleTable {
  table: string;
  modifiedSinceAnalyze: number;
  rows: number;
}

/**
 * Whether a table's planner statistics lag what it holds by enough to change a plan: more rows
 * changed since its last ANALYZE than it had then (it doubled, or was rewritten), and more than 1,000.
 * A table growing from empty is so analyzed a handful of times (1,000, 2,000, 4,000 … rows), not
 * every 10 % as autovacuum would: each ANALYZE during a load ramp competes with the load.
 */
export function isStale(t: StaleTable): boolean {
  return t.modifiedSinceAnalyze > Math.max(1_000, t.rows);
}

/**
 * Keeps the planner statistics of the service's own schema current while its tables grow. The
 * planner reads a table it believes empty or small by seq scan or the wrong index; on a new
 * deployment, after a backlog import, or on a server whose autovacuum is off or a minute behind,
 * that made look-ups of a few rows read whole tables (the duplicate candidates, the ledger, the SLA
 * deadlines: 2–15 ms a batch and growing, seconds on a cached generic plan). Every 2 s the tables
 * that doubled since their last ANALYZE are analyzed — part of what autovacuum's analyze does, sooner,
 * and also where it is off. Vacuuming stays the server's job.
 */
@Injectable()
export class TableStatisticsKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.analyzeStale()
        .then(() => undefined, (err: Error) => this.logger.warn({ err: err.message }, 'table statistics: check failed'))
        .finally(() => (this.running = undefined));
    }, CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Analyzes the schema's stale tables; returns their names. */
  async analyzeStale(): Promise<string[]> {
    const schema = (this.dataSource.options as { schema?: string }).schema;
    if (!schema) return [];
    const tables: Array<{ table: string; modified: string; rows: string }> = await this.dataSource.query(
      `SELECT s.relname AS "table", s.n_mod_since_analyze AS modified, c.reltuples AS rows
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.schemaname = $1`,
      [schema],
    );
    const stale = tables.filter((t) => isStale({ table: t.table, modifiedSinceAnalyze: Number(t.modified), rows: Number(t.rows) })).map((t) => t.table);
    // One at a time (ANALYZE's lock only conflicts with schema changes and other ANALYZEs), from a
    // sample of 3,000 rows instead of 30,000: what the plans need is the table's size and the rough
    // spread of its keys, and a full sample cost 0.5–1 s of PostgreSQL per table under load.
    for (const table of stale) {
      await this.dataSource.transaction(async (tx) => {
        await tx.query(`SET LOCAL default_statistics_target = 10`);
        await tx.query(`ANALYZE "${schema}"."${table.replace(/"/g, '""')}"`);
      });
    }
    if (stale.length > 0) this.logger.debug({ tables: stale }, 'table statistics: analyzed');
    return stale;
  }
}
