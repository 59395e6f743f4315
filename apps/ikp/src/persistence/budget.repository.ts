import type { EntityManager } from 'typeorm';
import type { BudgetMonth, BudgetRowError } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';

export interface BudgetMonthWithPlanEnd extends BudgetMonth {
  /** December's plan of the same year, when the finance export gave it. */
  yearEndPlan: number | null;
}

/** Budget absorption per unit and month, and the reports of the imports that brought it. */
export class BudgetRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  /** One multi-row upsert: a re-imported unit and month replaces what was there. */
  async upsert(rows: readonly BudgetMonth[], importId: string): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `INSERT INTO "${this.s}"."budget_months" (unit_code, period, pagu, rencana, realisasi, import_id)
       SELECT u, p, pg, r, rl, $6 FROM unnest($1::text[], $2::text[], $3::numeric[], $4::numeric[], $5::numeric[]) AS x(u, p, pg, r, rl)
       ON CONFLICT (unit_code, period) DO UPDATE SET pagu = EXCLUDED.pagu, rencana = EXCLUDED.rencana, realisasi = EXCLUDED.realisasi, import_id = EXCLUDED.import_id`,
      [rows.map((r) => r.unitCode), rows.map((r) => r.period), rows.map((r) => r.pagu), rows.map((r) => r.rencana), rows.map((r) => r.realisasi), importId],
    );
  }

  async recordImport(report: { id: string; fileName: string | null; rows: number; imported: number; rejected: readonly BudgetRowError[]; importedBy: string; importedAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO "${this.s}"."budget_imports" (id, file_name, rows, imported, rejected, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [report.id, report.fileName, report.rows, report.imported, JSON.stringify(report.rejected), report.importedBy, report.importedAt],
    );
  }

  async ofPeriod(period: string): Promise<BudgetMonthWithPlanEnd[]> {
    const rows = await this.db.query(
      `SELECT m.unit_code, m.period, m.pagu::float8 AS pagu, m.rencana::float8 AS rencana, m.realisasi::float8 AS realisasi, d.rencana::float8 AS year_end_plan
       FROM "${this.s}"."budget_months" m LEFT JOIN "${this.s}"."budget_months" d ON d.unit_code = m.unit_code AND d.period = left(m.period, 4) || '-12'
       WHERE m.period = $1 ORDER BY m.unit_code`,
      [period],
    );
    return rows.map((r: any) => ({ unitCode: r.unit_code, period: r.period, pagu: r.pagu, rencana: r.rencana, realisasi: r.realisasi, yearEndPlan: r.year_end_plan }));
  }
}
