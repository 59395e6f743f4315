import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialiseCsv } from '@bekasi/intake-export-reader';
import { BEKASI_REGENCY, SAMPLE_EXPORT_FILES } from '@bekasi/reference-data';
import { BEKASI_ROLES, generateHardExport } from '@bekasi/routing-domain';
import { evaluateExportFile, jsonReport, readArguments, report } from './evaluate.cli';

describe('routing:evaluate', () => {
  it('reads the split from the flags, and refuses what it cannot use', () => {
    expect(readArguments(['f.xlsx', '--rolling', 'monthly', '--from', '2024-01-01', '--json']).split).toEqual({ kind: 'rolling', from: '2024-01-01' });
    expect(readArguments(['f.xlsx', '--split-date=2024-01-01']).split).toEqual({ kind: 'date', splitDate: '2024-01-01' });
    expect(readArguments(['f.xlsx']).split).toEqual({ kind: 'fraction', trainFraction: 0.8 });
    expect(readArguments(['f.xlsx', '--json']).json).toBe(true);
    expect(() => readArguments([])).toThrow(/usage/);
    expect(() => readArguments(['f.xlsx', '--rolling', 'weekly', '--from', '2024-01-01'])).toThrow(/monthly/);
    expect(() => readArguments(['f.xlsx', '--rolling', 'monthly'])).toThrow(/--from/);
    expect(() => readArguments(['f.xlsx', '--train-fraction', '1'])).toThrow(/train-fraction/);
  });

  it('evaluates the sample XLSX and prints what an analyst needs; --json has the headline figures at its top level', async () => {
    const e = await evaluateExportFile(SAMPLE_EXPORT_FILES.xlsx, { kind: 'fraction', trainFraction: 0.8 }, BEKASI_REGENCY);
    const json = jsonReport(e);
    expect(Object.keys(json).slice(0, 9)).toEqual(['rows', 'labelled', 'test', 'top1', 'top3', 'autoRoutedPrecision', 'autoRoutedCoverage', 'threshold', 'coverageAt90Precision']);
    expect(json).toMatchObject({ rows: 30, labelled: 27 });
    const text = report('sample.xlsx', e);
    for (const line of ['rows read: 30', 'labelled', 'train:', 'test:', 'top-1', 'top-3', 'coverage at ≥ 90% precision', 'most confused', 'support  predicted  precision  recall']) {
      expect(text).toContain(line);
    }
  });

  it('evaluates a generated CSV export month by month', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'routing-evaluate-'));
    const file = join(dir, 'bekasi.csv');
    writeFileSync(file, serialiseCsv(generateHardExport({ regency: BEKASI_REGENCY, roles: BEKASI_ROLES, rows: 500, seed: 3 }).sheet));
    const e = await evaluateExportFile(file, { kind: 'rolling', from: '2024-10-01' }, BEKASI_REGENCY);
    expect(e.rows).toBe(500);
    expect(e.periods.map((p) => p.period)).toEqual(['2024-10', '2024-11', '2024-12']);
    const text = report(file, e);
    expect(text).toMatch(/2024-11 +\d+ +\d+/);
    // What the admin is told about auto-routing, in Bahasa Indonesia, from the first month on.
    expect(text).toMatch(/threshold reason shown to the admin:\n  2024-10: (ambang|tidak ada ambang|baru|riwayat disposisi baru) /);
  });
});
