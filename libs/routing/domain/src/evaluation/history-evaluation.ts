// How well the router would have disposed a regency's own history, as an analyst needs to see it:
// units learnt from the export's labels (matched to the registry or created), then a time-ordered
// evaluation — one split by date or by share, or rolling monthly (for each month from a date,
// train on everything before it and test on that month, which is how the router lives in
// production: retrained as dispositions arrive). Each training chooses its settings, temperature
// and threshold on its own validation slice (see router-training); the test months are only ever
// scored. Every row is accounted for: rejected by the reader, without a label, or evaluated.
import type { LaporanRingkasImport } from '@bekasi/intake-domain';
import type { KecamatanReference, RegencyReference, UnitReference } from '@bekasi/reference-data';
import { Gazetteer, type PlaceInput } from '@bekasi/indonesian-text';
import { complaintDocument } from '../model/disposition-model';
import { defaultRulesFromReference } from '../rules/default-rules';
import { RuleEngine } from '../rules/rule-engine';
import type { RoutingRule } from '../rules/routing-rule';
import { autoRouteThresholdFor } from '../decision/disposition-decision';
import { decideForEvaluation, trainRouter, type HistoryExample, type RouterSetup, type RouterTrainingOptions } from '../training/router-training';
import { learnUnitsFromLabels, manualOnlyUnitCodes, type LabelOutcome } from '../units/units-from-labels';

export interface EvaluationRow {
  rowNumber: number;
  /** ISO date-time. */
  receivedAt: string;
  title: string | null;
  body: string;
  category: string | null;
  classification: string | null;
  /** "Instansi Terdisposisi" as exported. */
  label: string | null;
}

export type EvaluationSplit =
  | { kind: 'fraction'; trainFraction: number }
  | { kind: 'date'; splitDate: string }
  | { kind: 'rolling'; from: string };

export interface HistoryEvaluationInput {
  rows: readonly EvaluationRow[];
  /** Rows the reader could not use, with its reasons: counted, never silently lost. */
  rejected: ReadonlyArray<{ rowNumber: number; reasons: string[] }>;
  registry: readonly UnitReference[];
  kecamatan: readonly KecamatanReference[];
  /** Kelurahan and desa of the regency, for the gazetteer. */
  villages: readonly PlaceInput[];
  split: EvaluationSplit;
  rules?: readonly RoutingRule[];
  training?: Partial<RouterTrainingOptions>;
}

export interface UnitFigures {
  unitCode: string;
  unitName: string;
  /** Test complaints that went to the unit. */
  support: number;
  /** Test complaints the router ranked first for the unit. */
  predicted: number;
  precision: number | null;
  recall: number | null;
}

export interface PeriodFigures {
  period: string;
  train: number;
  test: number;
  top1: number;
  top3: number;
  threshold: number | null;
  thresholdReason: string;
  /** Units routed to from their own threshold in this period (see certifyUnits). */
  autoRouteUnits: Array<{ unitCode: string; threshold: number }>;
  routed: number;
  routedCorrect: number;
  trainingMillis: number;
}

export interface HistoryEvaluation {
  rows: number;
  rejected: number;
  rejectedReasons: Array<{ reason: string; count: number }>;
  labelled: number;
  unlabelled: number;
  labels: { matched: number; created: number; ignored: number; outcomes: LabelOutcome[] };
  unitsMatched: number;
  unitsCreated: number;
  split: EvaluationSplit;
  train: number;
  trainPeriod: { from: string; to: string } | null;
  test: number;
  testPeriod: { from: string; to: string } | null;
  top1: number;
  top3: number;
  autoRoutedPrecision: number | null;
  autoRoutedCoverage: number;
  /**
   * The lowest confidence at which the router in force (the last one for a rolling evaluation)
   * routes anything on its own: the global threshold or, below it, the threshold of a unit certified
   * by its own record; null when it routes nothing. Most auto-routing comes from certified units, so
   * the global threshold alone (globalThreshold) is often null while complaints are routed.
   */
  threshold: number | null;
  /** The threshold every unit is held to unless certified on its own; null when none reaches 90 %. */
  globalThreshold: number | null;
  thresholdReason: string;
  /** Units routed to from their own threshold (the last period's for a rolling evaluation). */
  autoRouteUnits: Array<{ unitCode: string; threshold: number }>;
  /** Best coverage any confidence threshold reaches on the test rows with precision ≥ 90 % (hindsight: an upper bound). */
  coverageAt90Precision: number;
  periods: PeriodFigures[];
  perUnit: UnitFigures[];
  confusedPairs: Array<{ actual: string; predicted: string; count: number }>;
  meanPredictMillis: number;
  validation: ReturnType<typeof trainRouter>['validation'];
  chosenSettings: { settings: unknown; temperature: number; ruleWeight: number } | null;
}

interface TestOutcome {
  unitCode: string;
  ranked: string[];
  confidence: number;
  routed: boolean;
  routable: boolean;
}

/** The Asia/Jakarta (UTC+7, no daylight saving) calendar time of an instant, as ISO text: months are the regency's months. */
function localIso(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
}

function monthOf(iso: string): string {
  return localIso(iso).slice(0, 7);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Hindsight coverage at ≥ `target` precision over decisions sorted by confidence. */
export function coverageAtPrecision(outcomes: ReadonlyArray<{ confidence: number; routable: boolean; correct: boolean }>, total: number, target: number): number {
  const routable = outcomes.filter((o) => o.routable).sort((a, b) => b.confidence - a.confidence);
  let correct = 0;
  let best = 0;
  for (let i = 0; i < routable.length; i++) {
    if (routable[i].correct) correct++;
    if (i + 1 < routable.length && routable[i + 1].confidence === routable[i].confidence) continue;
    if (correct / (i + 1) >= target) best = (i + 1) / total;
  }
  return best;
}

export function evaluateHistory(input: HistoryEvaluationInput): HistoryEvaluation {
  const learnt = learnUnitsFromLabels(
    input.rows.map((r) => r.label),
    input.registry,
    input.kecamatan,
  );
  const kecamatan = [...input.kecamatan, ...learnt.kecamatan];
  const gazetteer = Gazetteer.fromPlaces(kecamatan, input.villages);
  const units = learnt.units;
  const setup: RouterSetup = {
    units,
    gazetteer,
    rules: new RuleEngine(input.rules ?? defaultRulesFromReference(input.registry)),
    manualOnlyUnits: manualOnlyUnitCodes(units),
  };
  const engine = setup.rules as RuleEngine;
  const examples: HistoryExample[] = [];
  let unlabelled = 0;
  for (const row of input.rows) {
    const unitCode = row.label === null ? undefined : learnt.codeOfLabel.get(row.label.trim());
    if (!unitCode) {
      unlabelled++;
      continue;
    }
    examples.push({
      text: complaintDocument(row.title, row.body),
      title: row.title,
      body: row.body,
      category: row.category,
      classification: row.classification,
      unitCode,
      receivedAt: row.receivedAt,
    });
  }
  examples.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));

  // Train/test pairs.
  const batches: Array<{ period: string; train: HistoryExample[]; test: HistoryExample[] }> = [];
  if (input.split.kind === 'rolling') {
    const from = input.split.from.slice(0, 7);
    const last = examples.length > 0 ? monthOf(examples[examples.length - 1].receivedAt) : from;
    for (let month = from; month <= last; month = nextMonth(month)) {
      const start = `${month}-01`;
      const end = `${nextMonth(month)}-01`;
      const test = examples.filter((e) => localIso(e.receivedAt) >= start && localIso(e.receivedAt) < end);
      if (test.length === 0) continue;
      batches.push({ period: month, train: examples.filter((e) => localIso(e.receivedAt) < start), test });
    }
  } else if (input.split.kind === 'date') {
    const cut = input.split.splitDate;
    batches.push({ period: `≥ ${cut}`, train: examples.filter((e) => localIso(e.receivedAt) < cut), test: examples.filter((e) => localIso(e.receivedAt) >= cut) });
  } else {
    const cut = Math.round(examples.length * input.split.trainFraction);
    batches.push({ period: 'newest part', train: examples.slice(0, cut), test: examples.slice(cut) });
  }
  const usable = batches.filter((b) => b.train.length > 0 && b.test.length > 0);
  if (usable.length === 0) throw new Error(`Too few dispositioned reports to split (${examples.length} labelled)`);

  const outcomes: TestOutcome[] = [];
  const periods: PeriodFigures[] = [];
  let lastRouter: ReturnType<typeof trainRouter> | null = null;
  let predictMillis = 0;
  for (const batch of usable) {
    const router = trainRouter(batch.train, setup, input.training);
    lastRouter = router;
    let routed = 0;
    let routedCorrect = 0;
    let top1 = 0;
    let top3 = 0;
    const started = Date.now();
    for (const e of batch.test) {
      const scored = decideForEvaluation(e, router.model, setup, router.ruleWeight, engine);
      const threshold = scored.ranked[0] === undefined ? null : autoRouteThresholdFor(scored.ranked[0], router.threshold, router.autoRouteUnits);
      const isRouted = scored.routable && threshold !== null && scored.confidence >= threshold;
      const correct = scored.ranked[0] === e.unitCode;
      if (correct) top1++;
      if (scored.ranked.slice(0, 3).includes(e.unitCode)) top3++;
      if (isRouted) {
        routed++;
        if (correct) routedCorrect++;
      }
      outcomes.push({ unitCode: e.unitCode, ranked: scored.ranked, confidence: scored.confidence, routed: isRouted, routable: scored.routable });
    }
    predictMillis += Date.now() - started;
    periods.push({
      period: batch.period,
      train: batch.train.length,
      test: batch.test.length,
      top1: top1 / batch.test.length,
      top3: top3 / batch.test.length,
      threshold: router.threshold,
      thresholdReason: router.thresholdReason,
      autoRouteUnits: [...router.autoRouteUnits].map(([unitCode, threshold]) => ({ unitCode, threshold })),
      routed,
      routedCorrect,
      trainingMillis: router.trainingMillis,
    });
  }

  const n = outcomes.length;
  const correctOf = (o: TestOutcome) => o.ranked[0] === o.unitCode;
  const routedAll = outcomes.filter((o) => o.routed);
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  const perUnitMap = new Map<string, { support: number; predicted: number; hits: number }>();
  const entry = (code: string) => {
    let e = perUnitMap.get(code);
    if (!e) perUnitMap.set(code, (e = { support: 0, predicted: 0, hits: 0 }));
    return e;
  };
  const confusion = new Map<string, number>();
  for (const o of outcomes) {
    entry(o.unitCode).support++;
    const predicted = o.ranked[0];
    if (predicted) entry(predicted).predicted++;
    if (predicted === o.unitCode) entry(o.unitCode).hits++;
    else {
      const key = `${o.unitCode}\u0000${predicted ?? '(tidak ada)'}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
  }
  const trainOf = usable[0].train;
  const testRows = usable.flatMap((b) => b.test);
  const rejectedReasons = new Map<string, number>();
  for (const r of input.rejected) for (const reason of r.reasons) rejectedReasons.set(reason, (rejectedReasons.get(reason) ?? 0) + 1);
  const outcomesByKind = (kind: LabelOutcome['outcome']) => learnt.outcomes.filter((o) => o.outcome === kind);
  return {
    rows: input.rows.length + input.rejected.length,
    rejected: input.rejected.length,
    rejectedReasons: [...rejectedReasons.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    labelled: examples.length,
    unlabelled,
    labels: {
      matched: outcomesByKind('matched').reduce((s, o) => s + o.count, 0),
      created: outcomesByKind('created').reduce((s, o) => s + o.count, 0),
      ignored: outcomesByKind('ignored').reduce((s, o) => s + o.count, 0),
      outcomes: learnt.outcomes,
    },
    unitsMatched: new Set(outcomesByKind('matched').map((o) => (o as { unitCode: string }).unitCode)).size,
    unitsCreated: learnt.created.length,
    split: input.split,
    train: input.split.kind === 'rolling' ? usable[usable.length - 1].train.length : trainOf.length,
    trainPeriod: trainOf.length > 0 ? { from: trainOf[0].receivedAt, to: usable[usable.length - 1].train.at(-1)!.receivedAt } : null,
    test: n,
    testPeriod: testRows.length > 0 ? { from: testRows[0].receivedAt, to: testRows[testRows.length - 1].receivedAt } : null,
    top1: outcomes.filter(correctOf).length / n,
    top3: outcomes.filter((o) => o.ranked.slice(0, 3).includes(o.unitCode)).length / n,
    autoRoutedPrecision: routedAll.length === 0 ? null : routedAll.filter(correctOf).length / routedAll.length,
    autoRoutedCoverage: routedAll.length / n,
    threshold: thresholdInForce(lastRouter?.threshold ?? null, periods.at(-1)?.autoRouteUnits ?? []),
    globalThreshold: lastRouter?.threshold ?? null,
    thresholdReason: lastRouter?.thresholdReason ?? '',
    autoRouteUnits: periods.at(-1)?.autoRouteUnits ?? [],
    coverageAt90Precision: coverageAtPrecision(outcomes.map((o) => ({ ...o, correct: correctOf(o) })), n, 0.9),
    periods,
    perUnit: [...perUnitMap.entries()]
      .map(([unitCode, e]) => ({
        unitCode,
        unitName: nameOf.get(unitCode) ?? unitCode,
        support: e.support,
        predicted: e.predicted,
        precision: e.predicted === 0 ? null : e.hits / e.predicted,
        recall: e.support === 0 ? null : e.hits / e.support,
      }))
      .sort((a, b) => b.support - a.support || (a.unitCode < b.unitCode ? -1 : 1)),
    confusedPairs: [...confusion.entries()]
      .map(([key, count]) => {
        const [actual, predicted] = key.split('\u0000');
        return { actual, predicted, count };
      })
      .sort((a, b) => b.count - a.count || (a.actual < b.actual ? -1 : 1))
      .slice(0, 10),
    meanPredictMillis: n === 0 ? 0 : predictMillis / n,
    validation: lastRouter?.validation ?? null,
    chosenSettings: lastRouter ? { settings: lastRouter.settings, temperature: lastRouter.temperature, ruleWeight: lastRouter.ruleWeight } : null,
  };
}

/** The evaluation of a parsed "Laporan Ringkas" export against a regency's reference data. */
export function evaluateLaporanRingkas(parsed: LaporanRingkasImport, regency: RegencyReference, split: EvaluationSplit): HistoryEvaluation {
  return evaluateHistory({
    rows: parsed.rows.map((r) => ({
      rowNumber: r.rowNumber,
      receivedAt: r.receivedAt.toISOString(),
      title: r.title,
      body: r.initialText ?? r.finalText ?? '',
      category: r.category,
      classification: r.classification,
      label: r.disposedTo,
    })),
    rejected: parsed.rejected,
    registry: regency.units,
    kecamatan: regency.kecamatan,
    villages: [
      ...regency.kelurahan.map((k) => ({ kind: 'kelurahan' as const, code: k.code, name: k.name, kecamatanCode: k.kecamatan, aliases: k.aliases })),
      ...regency.desa.map((d) => ({ kind: 'desa' as const, code: d.code, name: d.name, kecamatanCode: d.kecamatan, aliases: d.aliases })),
    ],
    split,
  });
}

/** The lowest confidence at which anything is auto-routed: the global threshold or a certified unit's; null when nothing is. */
export function thresholdInForce(global: number | null, units: ReadonlyArray<{ threshold: number }>): number | null {
  const all = [...(global === null ? [] : [global]), ...units.map((u) => u.threshold)];
  return all.length === 0 ? null : Math.min(...all);
}
