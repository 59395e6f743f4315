import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';

export interface MonthSnapshot<Board> {
  period: string;
  policyVersion: string;
  board: Board;
  closedBy: string;
  closedAt: Date;
}

/** The frozen board of each closed month: written once, read as it was. */
export class MonthSnapshotRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  async find<Board>(period: string): Promise<MonthSnapshot<Board> | null> {
    const [row] = await this.db.query(`SELECT period, policy_version, board, closed_by, closed_at FROM "${this.s}"."month_snapshots" WHERE period = $1`, [period]);
    return row ? { period: row.period, policyVersion: row.policy_version, board: row.board, closedBy: row.closed_by, closedAt: new Date(row.closed_at) } : null;
  }

  async findMany<Board>(periods: readonly string[]): Promise<Map<string, MonthSnapshot<Board>>> {
    const rows = await this.db.query(`SELECT period, policy_version, board, closed_by, closed_at FROM "${this.s}"."month_snapshots" WHERE period = ANY($1::text[])`, [periods]);
    return new Map(rows.map((row: any) => [row.period, { period: row.period, policyVersion: row.policy_version, board: row.board, closedBy: row.closed_by, closedAt: new Date(row.closed_at) }]));
  }

  /** False when the month was closed already (another replica, or a second click): the first close stands. */
  async insert<Board>(snapshot: MonthSnapshot<Board>): Promise<boolean> {
    const inserted = await this.db.query(
      `INSERT INTO "${this.s}"."month_snapshots" (period, policy_version, board, closed_by, closed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (period) DO NOTHING RETURNING period`,
      [snapshot.period, snapshot.policyVersion, JSON.stringify(snapshot.board), snapshot.closedBy, snapshot.closedAt],
    );
    return inserted.length > 0;
  }

  async recordPublishedScores(period: string, items: ReadonlyArray<{ unitCode: string; score: number; zone: string; components: object }>, at: Date): Promise<void> {
    if (items.length === 0) return;
    await this.db.query(
      `INSERT INTO "${this.s}"."published_scores" (unit_code, period, score, zone, components, computed_at)
       SELECT u, $1, sc, z, c::jsonb, $6 FROM unnest($2::text[], $3::float8[], $4::text[], $5::text[]) AS x(u, sc, z, c)
       ON CONFLICT (unit_code, period) DO NOTHING`,
      [period, items.map((i) => i.unitCode), items.map((i) => i.score), items.map((i) => i.zone), items.map((i) => JSON.stringify(i.components)), at],
    );
  }
}
