// The evaluation on whole exports: the synthetic sample, HARD generated exports of Bekasi and of
// the invented second regency, and an export whose unit names no registry knows. What is checked
// is that every row is accounted for, units are learnt from the labels, and the figures are
// coherent; the generated figures themselves are reported by `npm run routing:evaluate`.
import { readFileSync } from 'node:fs';
import { parseLaporanRingkas } from '@bekasi/intake-domain';
import { BEKASI_REGENCY, loadRegencyFromDirectory, REGENCY_FIXTURES, SAMPLE_EXPORT_FILES, type RegencyReference } from '@bekasi/reference-data';
import { BEKASI_ROLES, CIMANGGALA_ROLES, generateHardExport } from '../testing/hard-laporan-ringkas';
import { parseCsv } from '../testing/laporan-ringkas-sample';
import { evaluateLaporanRingkas, thresholdInForce, type EvaluationSplit, type HistoryEvaluation } from './history-evaluation';

const CIMANGGALA = loadRegencyFromDirectory(REGENCY_FIXTURES.cimanggala);

function evaluateSheet(sheet: string[][], registry: RegencyReference, split: EvaluationSplit): HistoryEvaluation {
  return evaluateLaporanRingkas(parseLaporanRingkas(sheet), registry, split);
}

function expectCoherent(e: HistoryEvaluation) {
  expect(e.rows).toBe(e.labelled + e.unlabelled + e.rejected);
  expect(e.labels.matched + e.labels.created + e.labels.ignored).toBe(e.labelled + e.unlabelled);
  for (const x of [e.top1, e.top3, e.autoRoutedCoverage, e.coverageAt90Precision]) {
    expect(x).toBeGreaterThanOrEqual(0);
    expect(x).toBeLessThanOrEqual(1);
  }
  expect(e.top3).toBeGreaterThanOrEqual(e.top1);
  expect(e.perUnit.reduce((s, u) => s + u.support, 0)).toBe(e.test);
  expect(e.confusedPairs.length).toBeLessThanOrEqual(10);
  if (e.autoRoutedPrecision === null) expect(e.autoRoutedCoverage).toBe(0);
}

describe('evaluating a regency history', () => {
  it('accounts for every row of the sample export and learns nothing it does not see', () => {
    const sheet = parseCsv(readFileSync(SAMPLE_EXPORT_FILES.csv, 'utf8'));
    const e = evaluateSheet(sheet, BEKASI_REGENCY, { kind: 'fraction', trainFraction: 0.8 });
    expectCoherent(e);
    expect(e).toMatchObject({ rows: 30, labelled: 27, unlabelled: 3, rejected: 0, unitsCreated: 0 });
    expect(e.labels.outcomes.filter((o) => o.outcome === 'ignored')).toEqual([
      { label: '', count: 3, outcome: 'ignored', reason: 'Instansi Terdisposisi kosong' },
    ]);
    expect(e.test).toBe(e.labelled - e.train);
  });

  describe('a hard generated export of Bekasi, rolling monthly through its last year', () => {
    const { sheet, truth } = generateHardExport({ regency: BEKASI_REGENCY, roles: BEKASI_ROLES, rows: 900, seed: 5 });
    const e = evaluateSheet(sheet, BEKASI_REGENCY, { kind: 'rolling', from: '2024-07-01' });

    it('reads every row and labels the dispositioned ones', () => {
      expectCoherent(e);
      expect(e.rows).toBe(900);
      expect(e.labelled).toBe(truth.size);
    });

    it('creates the units the export names and the registry lacks, with a guessed kind', () => {
      const created = e.labels.outcomes.filter((o) => o.outcome === 'created' && !o.sameAs);
      expect(created).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ unitCode: 'PEMERINTAH', kind: 'pemerintah' }),
          expect.objectContaining({ unitCode: 'SEKRETARIAT_DAERAH', kind: 'sekretariat' }),
          expect.objectContaining({ unitCode: 'DINAS_PERTANIAN', kind: 'dinas' }),
        ]),
      );
    });

    it('retrains before each month and pools the months', () => {
      expect(e.periods.map((p) => p.period)).toEqual(['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12']);
      expect(e.periods.reduce((s, p) => s + p.test, 0)).toBe(e.test);
      for (let i = 1; i < e.periods.length; i++) expect(e.periods[i].train).toBeGreaterThan(e.periods[i - 1].train);
      expect(e.validation).not.toBeNull();
    });

    it('routes better than always naming the most frequent unit', () => {
      const top = Math.max(...e.perUnit.map((u) => u.support));
      expect(e.top1).toBeGreaterThan(top / e.test);
    });
  });

  describe('the invented second regency', () => {
    const { sheet, truth } = generateHardExport({ regency: CIMANGGALA, roles: CIMANGGALA_ROLES, rows: 700, seed: 6 });

    it('with its own reference data: every label matches its registry', () => {
      const e = evaluateSheet(sheet, CIMANGGALA, { kind: 'date', splitDate: '2024-01-01' });
      expectCoherent(e);
      expect(e.labelled).toBe(truth.size);
      expect(e.unitsCreated).toBe(0);
      expect(e.labels.matched).toBe(truth.size);
    });

    it("with Bekasi's registry: the regency's own units are created from its labels, camat units with their kecamatan", () => {
      const e = evaluateSheet(sheet, BEKASI_REGENCY, { kind: 'date', splitDate: '2024-01-01' });
      expectCoherent(e);
      expect(e.labelled).toBe(truth.size);
      expect(e.unitsCreated).toBeGreaterThan(10);
      const created = e.labels.outcomes.filter((o) => o.outcome === 'created' && !o.sameAs).map((o) => (o as { unitCode: string }).unitCode);
      expect(created).toEqual(expect.arrayContaining(['DINAS_PEKERJAAN_UMUM_DAN_PENATAAN_RUANG', 'PEMERINTAH']));
      expect(created.some((c) => /^KEC_[A-Z_]+$/.test(c) && !BEKASI_REGENCY.units.some((u) => u.code === c))).toBe(true);
      // Same words, other unit: a merged Dinas Sosial P3A is not Bekasi's DP3A.
      expect(e.labels.outcomes.find((o) => o.label.startsWith('Dinas Sosial, Pemberdayaan'))?.outcome).toBe('created');
    });
  });

  it('evaluates an export whose unit names no registry knows: units created, no row dropped', () => {
    const { sheet } = generateHardExport({ regency: BEKASI_REGENCY, roles: BEKASI_ROLES, rows: 400, seed: 7 });
    const header = sheet.findIndex((r) => r[0] === 'Tracking ID');
    const column = sheet[header].indexOf('Instansi Terdisposisi');
    const renamed = sheet.map((row, i) => (i <= header || row[column] === '' ? row : row.map((cell, c) => (c === column ? `Badan Antah ${cell.length % 7} Kab. Entah` : cell))));
    const e = evaluateSheet(renamed, BEKASI_REGENCY, { kind: 'fraction', trainFraction: 0.75 });
    expectCoherent(e);
    expect(e.unitsMatched).toBe(0);
    expect(e.unitsCreated).toBe(new Set(renamed.slice(header + 1).map((r) => r[column]).filter((l) => l !== '')).size);
    expect(e.labels.created).toBe(e.labelled);
    expect(e.test + e.train).toBe(e.labelled);
  });

  it('refuses a split with nothing to train on, naming the count', () => {
    const sheet = parseCsv(readFileSync(SAMPLE_EXPORT_FILES.csv, 'utf8'));
    expect(() => evaluateSheet(sheet, BEKASI_REGENCY, { kind: 'date', splitDate: '2020-01-01' })).toThrow(/27 labelled/);
  });
});

describe('thresholdInForce', () => {
  it('is the lowest threshold anything is routed from: a certified unit below the global one, or the global one', () => {
    expect(thresholdInForce(0.9, [{ threshold: 0.62 }, { threshold: 0.71 }])).toBe(0.62);
    expect(thresholdInForce(null, [{ threshold: 0.71 }])).toBe(0.71);
    expect(thresholdInForce(0.55, [{ threshold: 0.71 }])).toBe(0.55);
  });

  it('is null only when nothing is auto-routed', () => {
    expect(thresholdInForce(null, [])).toBeNull();
  });
});
