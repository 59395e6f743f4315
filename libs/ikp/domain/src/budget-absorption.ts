// Budget absorption (penyerapan anggaran): per unit and month the pagu, the planned cumulative
// absorption (anggaran kas) and the cumulative realisation, as the finance export (BPKAD/SIPD)
// gives them. The indicator scores realisation against the plan curve, the curve lifted where it
// would not reach the year-end target.

export interface BudgetMonth {
  unitCode: string;
  period: string;
  pagu: number;
  rencana: number;
  realisasi: number;
}

export interface BudgetRowError {
  row: number;
  field: string;
  reason: string;
}

const COLUMN_ALIASES: Record<keyof BudgetMonth, readonly string[]> = {
  unitCode: ['unit_code', 'kode_unit', 'kode_skpd', 'kode_opd', 'unit', 'skpd'],
  period: ['month', 'bulan', 'periode', 'period'],
  pagu: ['pagu', 'pagu_anggaran'],
  rencana: ['rencana', 'anggaran_kas', 'rencana_kumulatif'],
  realisasi: ['realisasi', 'realisasi_kumulatif'],
};

const MONTHS_ID = ['januari', 'februari', 'maret', 'april', 'mei', 'juni', 'juli', 'agustus', 'september', 'oktober', 'november', 'desember'];

// A byte-order mark, stray spaces, dots or dashes in a header do not hide the column.
const headerKey = (h: string) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s.-]+/g, '_');

/** Which column of the file holds which field; the missing ones are named. */
export function budgetColumns(headers: readonly string[]): { ok: true; columns: Record<keyof BudgetMonth, number> } | { ok: false; missing: string[] } {
  const keys = headers.map(headerKey);
  const columns = {} as Record<keyof BudgetMonth, number>;
  const missing: string[] = [];
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as Array<[keyof BudgetMonth, readonly string[]]>) {
    const index = keys.findIndex((k) => aliases.includes(k));
    if (index < 0) missing.push(aliases[0]);
    else columns[field] = index;
  }
  return missing.length > 0 ? { ok: false, missing } : { ok: true, columns };
}

/** YYYY-MM from "2026-03", "03/2026", "Maret 2026", a spreadsheet date cell ("2026-03-01") or a Date. */
export function budgetPeriod(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  const text = String(value ?? '').trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})(-\d{1,2}([ t][\d:.]+)?)?$/.exec(text);
  if (m) return month(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})[/-](\d{4})$/.exec(text);
  if (m) return month(Number(m[2]), Number(m[1]));
  m = /^([a-z]+)\s+(\d{4})$/.exec(text);
  if (m && MONTHS_ID.includes(m[1])) return month(Number(m[2]), MONTHS_ID.indexOf(m[1]) + 1);
  return null;
}

function month(year: number, m: number): string | null {
  return year >= 2000 && year <= 2100 && m >= 1 && m <= 12 ? `${year}-${String(m).padStart(2, '0')}` : null;
}

/** Rupiah from a number or a text in Indonesian ("1.250.000,50") or plain ("1250000.5") notation. */
export function rupiah(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  let text = String(value ?? '').trim().replace(/^rp\.?\s*/i, '').replace(/\s/g, '');
  if (text === '') return null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text) || /^\d+,\d+$/.test(text)) text = text.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/**
 * One record of the finance export checked: a known unit, a month, a pagu above zero, and plan and
 * realisation between zero and the pagu. A bad record names its row, field and reason.
 */
export function budgetRecord(cells: readonly unknown[], columns: Record<keyof BudgetMonth, number>, row: number, isUnit: (code: string) => boolean): { ok: true; value: BudgetMonth } | { ok: false; errors: BudgetRowError[] } {
  const errors: BudgetRowError[] = [];
  const unitCode = String(cells[columns.unitCode] ?? '').trim().toUpperCase();
  if (!unitCode) errors.push({ row, field: 'unit_code', reason: 'kode unit kosong' });
  else if (!isUnit(unitCode)) errors.push({ row, field: 'unit_code', reason: `kode unit "${unitCode.slice(0, 40)}" tidak dikenal` });
  const period = budgetPeriod(cells[columns.period]);
  if (!period) errors.push({ row, field: 'month', reason: 'bulan harus berformat YYYY-MM' });
  const amounts = {} as Record<'pagu' | 'rencana' | 'realisasi', number>;
  for (const field of ['pagu', 'rencana', 'realisasi'] as const) {
    const n = rupiah(cells[columns[field]]);
    if (n === null || n < 0) errors.push({ row, field, reason: `${field} harus berupa angka rupiah tidak negatif` });
    else amounts[field] = n;
  }
  if (amounts.pagu !== undefined && amounts.pagu <= 0) errors.push({ row, field: 'pagu', reason: 'pagu harus lebih dari 0' });
  if (amounts.pagu > 0) {
    if (amounts.rencana > amounts.pagu) errors.push({ row, field: 'rencana', reason: 'rencana melebihi pagu' });
    if (amounts.realisasi > amounts.pagu) errors.push({ row, field: 'realisasi', reason: 'realisasi melebihi pagu' });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { unitCode, period: period!, ...amounts } };
}

export interface BudgetAbsorption {
  /** Cumulative plan and realisation in percent of the pagu. */
  planPercent: number;
  realisationPercent: number;
  /** What the month should have reached: the plan, lifted so that the year ends at the target. */
  expectedPercent: number;
  /** Realisation against what was expected, 0-100. */
  achievement: number;
}

/**
 * The plan curve is the unit's anggaran kas; where its year-end plan (December's, or the pagu when
 * December is not known yet) falls short of the year-end target, every month's plan is lifted in
 * proportion, so a unit cannot plan its way out of the target.
 */
export function budgetAbsorption(month: Pick<BudgetMonth, 'pagu' | 'rencana' | 'realisasi'>, yearEndPlan: number | null, yearEndTarget: number): BudgetAbsorption {
  const pct = (n: number) => Math.round((1000 * n) / month.pagu) / 10;
  const planEnd = yearEndPlan ?? month.pagu;
  const lift = planEnd > 0 ? Math.max(1, ((yearEndTarget / 100) * month.pagu) / planEnd) : 1;
  const expected = Math.min(month.pagu, month.rencana * lift);
  const achievement = expected <= 0 ? 100 : Math.min(100, (100 * month.realisasi) / expected);
  return { planPercent: pct(month.rencana), realisationPercent: pct(month.realisasi), expectedPercent: pct(expected), achievement: Math.round(10 * achievement) / 10 };
}
