import { randomUUID } from 'node:crypto';
import { HttpException, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { budgetAbsorption, budgetColumns, budgetRecord, type BudgetMonth, type BudgetRowError } from '@bekasi/ikp-domain';
import { ExportFileError, readExportSheet } from '@bekasi/intake-export-reader';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { invalid } from '../http/ikp-refusal';
import type { IkpConfig } from '../ikp.config';
import { BudgetRepository } from '../persistence/budget.repository';
import { IkpBoard } from '../scoring/ikp-board';
import { UnitRegistry } from '../units/unit-registry';

export interface BudgetImportReport {
  importId: string;
  fileName: string | null;
  format: string;
  rows: number;
  imported: number;
  rejected: BudgetRowError[];
}

/**
 * Imports a finance export (CSV or XLSX: unit code, month, pagu, rencana, realisasi): every good
 * row in one multi-row upsert, every bad row reported by number, field and reason; a file that is
 * not a sheet, lacks a column or passes the row limit is refused whole.
 */
@Injectable()
export class BudgetImportWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitRegistry,
    private readonly board: IkpBoard,
    @Inject(SERVICE_CONFIG) private readonly config: IkpConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async importFile(file: Buffer, fileName: string | null, user: AuthPrincipal): Promise<BudgetImportReport> {
    if (file.length > this.config.IKP_BUDGET_MAX_FILE_MB * 1024 * 1024) {
      const message = `Berkas melebihi batas ${this.config.IKP_BUDGET_MAX_FILE_MB} MB.`;
      throw new HttpException({ statusCode: 413, error: 'FILE_TOO_LARGE', message, errors: [{ field: 'file', reasons: [message] }] }, 413);
    }
    let sheet: Awaited<ReturnType<typeof readExportSheet>>;
    try {
      sheet = await readExportSheet(file);
    } catch (err) {
      if (err instanceof ExportFileError) throw invalid('file', err.message);
      throw err;
    }
    const [header, ...body] = sheet.rows.filter((r) => r.some((c) => c.trim() !== ''));
    if (!header) throw invalid('file', 'Berkas tidak berisi baris judul kolom.');
    if (body.length > this.config.IKP_BUDGET_MAX_ROWS) throw invalid('file', `Berkas berisi ${body.length} baris data; paling banyak ${this.config.IKP_BUDGET_MAX_ROWS}.`);
    const columns = budgetColumns(header);
    if (!columns.ok) throw invalid('file', `Kolom wajib tidak ada: ${columns.missing.join(', ')}.`);
    const good = new Map<string, BudgetMonth>();
    const rejected: BudgetRowError[] = [];
    body.forEach((cells, i) => {
      const row = i + 2; // the spreadsheet's own row number, header being row 1
      const record = budgetRecord(cells, columns.columns, row, (code) => this.units.find(code) !== null);
      if (!record.ok) return void rejected.push(...record.errors);
      const key = `${record.value.unitCode}|${record.value.period}`;
      if (good.has(key)) return void rejected.push({ row, field: 'unit_code', reason: `baris ganda: ${record.value.unitCode} bulan ${record.value.period} sudah ada di berkas ini` });
      good.set(key, record.value);
    });
    const importId = randomUUID();
    await this.dataSource.transaction(async (tx) => {
      const repo = new BudgetRepository(tx);
      await repo.upsert([...good.values()], importId);
      await repo.recordImport({ id: importId, fileName, rows: body.length, imported: good.size, rejected, importedBy: user.username, importedAt: this.clock.now() });
    });
    return { importId, fileName, format: sheet.format, rows: body.length, imported: good.size, rejected };
  }

  /** Per unit: pagu, plan and realisation of the month, in rupiah and percent, and the indicator's achievement. */
  async ofPeriod(period: string) {
    const policy = await this.board.policyFor(period);
    const rows = await new BudgetRepository(this.dataSource.manager).ofPeriod(period);
    return {
      period,
      yearEndTarget: policy.budget.yearEndTarget,
      items: rows.map((r) => ({ unitCode: r.unitCode, unitName: this.units.find(r.unitCode)?.name ?? r.unitCode, pagu: r.pagu, rencana: r.rencana, realisasi: r.realisasi, ...budgetAbsorption(r, r.yearEndPlan, policy.budget.yearEndTarget) })),
    };
  }
}
