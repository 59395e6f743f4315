// How the router learns from history, the one procedure the service's retraining and the
// evaluation share. On a time-ordered split of the history (the newest `validationFraction` held
// out, never a random split: topics and units drift):
//   1. choose the model settings from a small grid by validation top-1 (never by a test set);
//   2. calibrate the softmax temperature on the validation complaints (lowest log-loss);
//   3. choose the decision's rule weight by validation top-1, then the auto-route threshold: the
//      lowest confidence whose estimated precision of what it routes is at least `targetPrecision`,
//      over at least `minRoutedForThreshold` routed complaints; none when no threshold reaches it,
//      and then nothing is auto-routed and the reason says so;
// then train the model in use on the whole history with the chosen settings.
//
// Why the threshold is estimated this way: at 90 % precision only a few per cent of real
// complaints can be routed (issue 10), so one validation slice holds a handful of them. The
// outcomes are pooled over rolling-origin folds covering the history from `poolFrom` on (each fold
// predicted by a model trained only on what came before it, as production lives), so a year of
// history gives hundreds of validation decisions instead of tens. The estimate is a one-sided
// Wilson lower bound (z = `precisionZ`): conservative for a small slice, but not so strict that a
// slice of 2–5 % can never be certified. What the decision policy never routes (requests for
// information, rare and generic units, see disposition-decision) is not counted.
//
// One threshold for all units cannot separate the units whose work is clear-cut (water, civil
// registry: right almost whenever the model is sure) from those whose work is genuinely shared
// (social affairs with the camat, trade with Satpol PP): the second kind's confident mistakes keep
// the global threshold out of reach. So each predicted unit also gets its own track record on the
// same pooled outcomes (certifyUnits): a unit whose confident decisions are right often enough
// (z = `unitPrecisionZ` over ≥ `minRoutedPerUnit` decisions) is routed to from its own threshold,
// as long as its newest months do not say otherwise (the drift guard, see `unitRecentMonths`).
import type { UnitReference } from '@bekasi/reference-data';
import type { Gazetteer } from '@bekasi/indonesian-text';
import { autoRouteThresholdFor, decideDisposition, type DispositionDecision } from '../decision/disposition-decision';
import { trainDispositionModel, type DispositionModel, type ModelReading, type TrainingSettings } from '../model/disposition-model';
import type { TimedExample } from '../model/model-evaluation';
import { RuleEngine } from '../rules/rule-engine';
import type { RoutingRule } from '../rules/routing-rule';

export interface HistoryExample extends TimedExample {
  title?: string | null;
  /** Body without the title; `text` (title and body, see complaintDocument) is what the model reads. */
  body?: string;
}

export interface RouterSetup {
  units: readonly UnitReference[];
  gazetteer: Gazetteer;
  rules: readonly RoutingRule[] | RuleEngine;
  /** Units never routed to automatically (see manualOnlyUnitCodes). */
  manualOnlyUnits: ReadonlySet<string>;
}

export interface RouterTrainingOptions {
  validationFraction: number;
  /** Below this many validation complaints the settings are the defaults and nothing is auto-routed. */
  minValidation: number;
  targetPrecision: number;
  minRoutedForThreshold: number;
  /** z of the one-sided Wilson lower bound used to estimate precision (1: 84 % confidence). */
  precisionZ: number;
  /** A unit's own threshold needs this many of its validation decisions routed… */
  minRoutedPerUnit: number;
  /**
   * …and this z for its Wilson lower bound. Not stricter than `precisionZ`: a unit's confident
   * mistakes are mostly work the Inspektorat or the regency as a whole took over, whatever the
   * words, so its precision hardly rises with confidence, and a strict bound (1.645: at least 25 of
   * 25 right) certifies the units whose most confident decisions happened to form a perfect run,
   * at a high threshold, rather than those right most of the time over many decisions. On generated
   * hard exports (8 chosen on, 8 further seeds to confirm, rolling monthly over 2024) z = 1.645
   * routed 69/78 (0.885) and 154/165 (0.933) right, z = 1 238/261 (0.912) and 335/354 (0.946),
   * three times as many; z = 2 routed a third as much and was no more precise.
   */
  unitPrecisionZ: number;
  /**
   * The drift guard: a unit stays certified only while its decisions above its threshold in the
   * newest this-many months of validation alone are consistent with the target, i.e. their Wilson
   * upper bound (z = `unitRecentZ`) reaches it (3 of 6 right, or 6 of 10, is not; 9 of 10 is). A
   * unit whose work is moving elsewhere (a new unit, a reorganisation) is right on the older folds
   * and wrong on the newest ones; the pooled record alone would keep vouching for it.
   */
  unitRecentMonths: number;
  unitRecentZ: number;
  /**
   * A unit's own threshold is never below this confidence. Confidence is at least half the best
   * unit's score, so below it the best unit has almost no evidence (on generated exports units were
   * certified down to 0.02, where their validation months happened to be right and the next months
   * were not): a unit's record vouches for its confident decisions, not for guesses.
   */
  minUnitThreshold: number;
  /** Model settings tried, first one wins ties. */
  grid: readonly TrainingSettings[];
  /**
   * Above this much history only the first settings are trained: with tens of thousands of
   * complaints the defaults are well supported and the retraining must stay within seconds.
   */
  gridMaxExamples: number;
  /**
   * The validation model learns from at most this many of the newest older complaints: recency
   * weighting gives the oldest little weight anyway, and a retraining of 20,000 must take seconds
   * (8,000 rather than 10,000 took a 20,000 retraining from 12.0 s to 10.9 s CPU).
   */
  fitMaxExamples: number;
  /**
   * SVM epochs of the validation model above `gridMaxExamples` of history (one setting, no grid):
   * it only calibrates temperature, rule weight and threshold; the final model keeps its own epochs.
   * 3 rather than 5: a 20,000 retraining 5.3 → 4.6 s CPU in one thread; on generated exports of
   * 16,000 reports (bekasi seed 7, cimanggala seed 11, rolling monthly from 2024-07) the same top-1
   * and top-3 (0.620/0.804, 0.603/0.775) and auto-routed 199/209 → 188/194, 333/353 → 334/344 right.
   */
  largeFitMaxEpochs: number;
  /**
   * Earlier validation folds pooled for the threshold: the history from this fraction on, up to the
   * main validation slice, is cut into `poolFolds` time-ordered folds, each predicted by a model
   * trained only on the (at most `fitMaxExamples`) complaints before it. Only up to
   * `gridMaxExamples` of history: above it the main validation slice alone holds thousands of
   * decisions, and the retraining must stay within seconds.
   */
  poolFrom: number;
  poolFolds: number;
  /**
   * Weights of the rules in the decision tried on validation (the model weighs 1 − w). Never 0: an
   * admin's new rule must count before the next retraining has seen it.
   */
  ruleWeights: readonly number[];
  /** The rules' weight without enough history to validate: the rules carry the cold start. */
  coldStartRuleWeight: number;
  temperatures: readonly number[];
}

export const DEFAULT_ROUTER_TRAINING: RouterTrainingOptions = {
  validationFraction: 0.2,
  minValidation: 30,
  targetPrecision: 0.9,
  minRoutedForThreshold: 15,
  precisionZ: 1,
  minRoutedPerUnit: 20,
  unitPrecisionZ: 1,
  unitRecentMonths: 2,
  unitRecentZ: 1,
  minUnitThreshold: 0.25,
  grid: [{}, { svm: { cost: 0.2 } }, { halfLifeDays: 180 }],
  gridMaxExamples: 5_000,
  poolFrom: 0.3,
  poolFolds: 4,
  fitMaxExamples: 8_000,
  largeFitMaxEpochs: 3,
  ruleWeights: [0.2, 0.5],
  coldStartRuleWeight: 0.5,
  temperatures: [0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.2],
};

export interface ValidationFigures {
  nFit: number;
  nValidation: number;
  period: { from: string; to: string };
  top1: number;
  top3: number;
  /** Precision and coverage of auto-routing on the validation complaints at the chosen threshold. */
  precisionAtThreshold: number | null;
  coverageAtThreshold: number;
  estimatedPrecision: number | null;
  /** Validation decisions the threshold was chosen on (this slice and the earlier folds), and how many it routes and routes right. */
  nPooled: number;
  pooledRouted: number;
  pooledRoutedCorrect: number;
  /** Units certified by their own record (with their thresholds), and why: what the admin sees. */
  autoRouteUnits: UnitCertification[];
  /** Units whose pooled record would certify them but whose newest months do not (the drift guard), and why. */
  driftedUnits?: DriftedUnit[];
}

/** A unit routed to from its own threshold, with the validation record that certified it. */
export interface UnitCertification {
  unitCode: string;
  threshold: number;
  /** Its pooled validation decisions at or above the threshold, and how many were right. */
  routed: number;
  correct: number;
  estimatedPrecision: number;
  /** Its decisions at or above the threshold in the newest `unitRecentMonths` of validation, and how many were right. */
  recentRouted: number;
  recentCorrect: number;
  reason: string;
}

/** A unit the drift guard withdrew: certified by its pooled record, contradicted by its newest months. */
export interface DriftedUnit {
  unitCode: string;
  threshold: number;
  routed: number;
  correct: number;
  recentRouted: number;
  recentCorrect: number;
  reason: string;
}

/** What one validation decision taught: the unit it chose, how sure, whether policy let it route, whether it was right, and when the complaint came. */
export interface ValidationOutcome {
  unitCode: string | undefined;
  confidence: number;
  routable: boolean;
  correct: boolean;
  /** ISO date-time the complaint was received (the drift guard looks at the newest months). */
  receivedAt: string;
}

export interface TrainedRouter {
  model: DispositionModel;
  settings: TrainingSettings;
  temperature: number;
  ruleWeight: number;
  /** Null: nothing is auto-routed (see thresholdReason). */
  threshold: number | null;
  thresholdReason: string;
  /** Units with their own threshold (see certifyUnits); empty without validation. */
  autoRouteUnits: ReadonlyMap<string, number>;
  validation: ValidationFigures | null;
  nExamples: number;
  trainingMillis: number;
}

/** What one decision says for evaluation: its ranking, its confidence and whether it could route. */
export interface ScoredDecision {
  ranked: string[];
  confidence: number;
  /** False when policy forbids auto-routing whatever the confidence (generic unit, camat without place…). */
  routable: boolean;
}

export function scoreDecision(decision: DispositionDecision): ScoredDecision {
  const ranked = decision.unitCode ? [decision.unitCode, ...decision.alternatives.map((a) => a.unitCode)] : decision.alternatives.map((a) => a.unitCode);
  return { ranked: [...new Set(ranked)], confidence: decision.confidence, routable: decision.outcome === 'route' };
}

/** Decides `example` with the threshold at 0, so that thresholds can be applied afterwards. */
export function decideForEvaluation(
  example: HistoryExample,
  model: DispositionModel | null,
  setup: RouterSetup,
  ruleWeight: number,
  engine: RuleEngine,
  reading?: ModelReading,
): ScoredDecision {
  const decision = decideDisposition({
    reading,
    complaint: { title: example.title ?? '', text: example.body ?? example.text, category: example.category, classification: example.classification },
    rules: engine,
    gazetteer: setup.gazetteer,
    model,
    bounceCount: 0,
    autoRouteThreshold: 0,
    units: setup.units,
    manualOnlyUnits: setup.manualOnlyUnits,
    weights: ruleWeight > 0 ? { rules: ruleWeight, model: 1 - ruleWeight } : { rules: 0, model: 1 },
    explain: false,
  });
  return scoreDecision(decision);
}

/** Wilson score lower bound of a proportion. */
export function wilsonLowerBound(correct: number, n: number, z: number): number {
  if (n === 0) return 0;
  const p = correct / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** Wilson score upper bound of a proportion (1 without observations: nothing contradicts it). */
export function wilsonUpperBound(correct: number, n: number, z: number): number {
  if (n === 0) return 1;
  const p = correct / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

export interface ThresholdChoice {
  threshold: number | null;
  estimatedPrecision: number | null;
  /** Validation decisions at or above the threshold, and how many of them were right (0 without one). */
  routed: number;
  correct: number;
  reason: string;
}

/**
 * The lowest confidence threshold whose conservatively estimated precision of routed complaints
 * reaches `target`, and whose `minRouted` least confident routed decisions are right at least as
 * often as `target`, over decisions with `correct` known.
 */
export function chooseThreshold(
  outcomes: ReadonlyArray<{ confidence: number; routable: boolean; correct: boolean }>,
  target: number,
  minRouted: number,
  z: number,
): ThresholdChoice {
  const routable = outcomes.filter((o) => o.routable).sort((a, b) => b.confidence - a.confidence);
  let best: { threshold: number; estimate: number; routed: number; correct: number } | null = null;
  let correct = 0;
  for (let i = 0; i < routable.length; i++) {
    if (routable[i].correct) correct++;
    // Only cut between distinct confidences: a threshold routes all complaints at its value.
    if (i + 1 < routable.length && routable[i + 1].confidence === routable[i].confidence) continue;
    const n = i + 1;
    if (n < minRouted) continue;
    const estimate = wilsonLowerBound(correct, n, z);
    // The boundary counts too: the lowest `minRouted` decisions the threshold lets through must be
    // right as often as the target, or the threshold sits where the mistakes begin, and a retrained
    // model (more sure of itself than the fold models) would route more of them.
    let boundaryCorrect = 0;
    for (let j = n - minRouted; j < n; j++) if (routable[j].correct) boundaryCorrect++;
    if (estimate >= target && boundaryCorrect / minRouted >= target) best = { threshold: routable[i].confidence, estimate, routed: n, correct };
  }
  const percentTarget = `${Math.round(target * 100)}%`;
  if (best) {
    return {
      ...best,
      estimatedPrecision: best.estimate,
      reason: `ambang ${best.threshold.toFixed(3)}: ${best.correct} dari ${best.routed} laporan validasi di atas ambang tepat unitnya (presisi perkiraan ≥ ${percentTarget})`,
    };
  }
  return {
    threshold: null,
    estimatedPrecision: null,
    routed: 0,
    correct: 0,
    reason:
      routable.length < minRouted
        ? `baru ${routable.length} dari ${outcomes.length} laporan validasi yang boleh didisposisikan otomatis (perlu minimal ${minRouted}) untuk menetapkan ambang: semua laporan ke triase dengan saran unit`
        : `tidak ada ambang dengan presisi perkiraan ≥ ${percentTarget} pada ${outcomes.length} laporan validasi (${routable.slice(0, minRouted).filter((o) => o.correct).length} dari ${minRouted} yang paling yakin tepat unitnya): semua laporan ke triase dengan saran unit`,
  };
}

export interface UnitCertificationOptions {
  target: number;
  minRouted: number;
  z: number;
  /** Decisions less sure than this never count (see RouterTrainingOptions.minUnitThreshold). */
  minThreshold: number;
  /** The drift guard (see RouterTrainingOptions.unitRecentMonths); 0 turns it off. */
  recentMonths: number;
  recentZ: number;
}

export interface UnitCertifications {
  certified: UnitCertification[];
  drifted: DriftedUnit[];
}

/** The instant `months` calendar months before `iso`. */
function monthsBefore(iso: string, months: number): number {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

/**
 * The predicted units whose own confident validation decisions reach `target` precision by a
 * Wilson lower bound (z) over at least `minRouted` of them, each with the lowest such threshold
 * (see chooseThreshold, the same test per unit), counting only decisions at least `minThreshold`
 * sure; of those, the ones whose decisions above the threshold in the newest `recentMonths` (before
 * the newest validation complaint) fall short of the target beyond doubt (Wilson upper bound,
 * `recentZ`) are withdrawn as drifted.
 */
export function certifyUnits(outcomes: readonly ValidationOutcome[], o: UnitCertificationOptions): UnitCertifications {
  const byUnit = new Map<string, ValidationOutcome[]>();
  let newest = '';
  for (const x of outcomes) {
    if (x.receivedAt > newest) newest = x.receivedAt;
    if (!x.routable || !x.unitCode || x.confidence < o.minThreshold) continue;
    const list = byUnit.get(x.unitCode);
    if (list) list.push(x);
    else byUnit.set(x.unitCode, [x]);
  }
  const recentFrom = o.recentMonths > 0 && newest ? monthsBefore(newest, o.recentMonths) : Infinity;
  const percentTarget = `${Math.round(o.target * 100)}%`;
  const certified: UnitCertification[] = [];
  const drifted: DriftedUnit[] = [];
  for (const [unitCode, list] of byUnit) {
    if (list.length < o.minRouted) continue;
    const choice = chooseThreshold(list, o.target, o.minRouted, o.z);
    if (choice.threshold === null) continue;
    const threshold = choice.threshold;
    const recent = list.filter((x) => x.confidence >= threshold && Date.parse(x.receivedAt) >= recentFrom);
    const recentCorrect = recent.filter((x) => x.correct).length;
    const record = `${choice.correct} dari ${choice.routed} keputusan validasi untuk unit ini di atas ambang ${threshold.toFixed(3)} tepat`;
    const recentRecord = `${o.recentMonths} bulan terakhir ${recentCorrect} dari ${recent.length}`;
    if (wilsonUpperBound(recentCorrect, recent.length, o.recentZ) < o.target) {
      drifted.push({
        unitCode,
        threshold,
        routed: choice.routed,
        correct: choice.correct,
        recentRouted: recent.length,
        recentCorrect,
        reason: `${record}, tetapi pada ${recentRecord} tepat (jelas di bawah ${percentTarget}): pekerjaannya bergeser, tidak didisposisikan otomatis`,
      });
      continue;
    }
    certified.push({
      unitCode,
      threshold,
      routed: choice.routed,
      correct: choice.correct,
      estimatedPrecision: choice.estimatedPrecision!,
      recentRouted: recent.length,
      recentCorrect,
      reason: `ambang ${threshold.toFixed(3)}: ${choice.correct} dari ${choice.routed} keputusan validasi untuk unit ini di atas ambang tepat (presisi perkiraan ≥ ${percentTarget}; ${recentRecord} tepat)`,
    });
  }
  const order = (a: { routed: number; unitCode: string }, b: { routed: number; unitCode: string }) => b.routed - a.routed || (a.unitCode < b.unitCode ? -1 : 1);
  return { certified: certified.sort(order), drifted: drifted.sort(order) };
}

function withCertifiedUnits(choice: ThresholdChoice, { certified, drifted }: UnitCertifications, recentMonths: number): string {
  if (certified.length === 0 && drifted.length === 0) return choice.reason;
  const global = choice.threshold === null && certified.length > 0 ? choice.reason.replace(/: semua laporan ke triase dengan saran unit$/, '') : choice.reason;
  const parts = [global];
  if (certified.length > 0) {
    const units = certified.map((c) => `${c.unitCode} (${c.correct} dari ${c.routed} tepat, ambang ${c.threshold.toFixed(3)})`).join(', ');
    parts.push(`unit yang catatan validasinya sendiri cukup tepat didisposisikan otomatis dari ambangnya sendiri: ${units}`);
  }
  if (drifted.length > 0) {
    const units = drifted.map((d) => `${d.unitCode} (${d.recentCorrect} dari ${d.recentRouted} tepat)`).join(', ');
    parts.push(`tidak didisposisikan otomatis karena ${recentMonths} bulan terakhir validasinya jelas kurang tepat: ${units}`);
  }
  return parts.join('; ');
}

function byTime<T extends TimedExample>(examples: readonly T[]): T[] {
  return examples
    .map((e, i) => ({ e, i, t: Date.parse(e.receivedAt) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map((x) => x.e);
}

function temperatureLogLoss(
  model: DispositionModel,
  validation: readonly HistoryExample[],
  readings: readonly ModelReading[],
  temperatures: readonly number[],
): number {
  let best = { t: model.options.temperature, loss: Infinity };
  for (const t of temperatures) {
    const candidate = model.withTemperature(t);
    let loss = 0;
    validation.forEach((e, i) => {
      // Same features, new temperature: recompute probabilities from the reading's vector.
      const p = candidate.probabilityOf(readings[i], e.unitCode);
      loss -= Math.log(Math.max(p, 1e-9));
    });
    if (loss < best.loss) best = { t, loss };
  }
  return best.t;
}

export function trainRouter(
  history: readonly HistoryExample[],
  setup: RouterSetup,
  options: Partial<RouterTrainingOptions> = {},
): TrainedRouter {
  const started = Date.now();
  const o = { ...DEFAULT_ROUTER_TRAINING, ...options };
  const ordered = byTime(history);
  const engine = setup.rules instanceof RuleEngine ? setup.rules : new RuleEngine(setup.rules);
  const base: TrainingSettings = { units: setup.units };
  const cut = Math.round(ordered.length * (1 - o.validationFraction));
  const fit = ordered.slice(Math.max(0, cut - o.fitMaxExamples), cut);
  const validation = ordered.slice(cut);
  if (validation.length < o.minValidation || fit.length === 0) {
    const model = trainDispositionModel(ordered, base);
    return {
      model,
      settings: {},
      temperature: model.options.temperature,
      ruleWeight: o.coldStartRuleWeight,
      threshold: null,
      autoRouteUnits: new Map(),
      thresholdReason: `riwayat disposisi baru ${ordered.length} laporan (perlu minimal ${Math.ceil(o.minValidation / o.validationFraction)} agar ${o.minValidation} laporan terbaru dapat menguji ambang): disposisi otomatis belum aktif, semua laporan ke triase dengan saran unit`,
      validation: null,
      nExamples: ordered.length,
      trainingMillis: Date.now() - started,
    };
  }

  // 1. Model settings by validation top-1 of the model's own ranking.
  // Each validation complaint is read once per candidate model; temperature and rule weights only
  // weigh the same decision values differently.
  let chosen: { settings: TrainingSettings; model: DispositionModel; readings: ModelReading[]; top1: number } | null = null;
  const large = fit.length > o.gridMaxExamples;
  for (const settings of large ? o.grid.slice(0, 1) : o.grid) {
    const svm = large ? { ...settings.svm, maxEpochs: Math.min(settings.svm?.maxEpochs ?? Infinity, o.largeFitMaxEpochs) } : settings.svm;
    const model = trainDispositionModel(fit, { ...base, ...settings, svm });
    const readings = validation.map((e) => model.read(e.text, e.category, e.classification));
    let top1 = 0;
    validation.forEach((e, i) => {
      if (readings[i].probabilities[0]?.unitCode === model.classOf(e.unitCode)) top1++;
    });
    if (!chosen || top1 > chosen.top1) chosen = { settings, model, readings, top1 };
  }
  // 2. Temperature.
  const temperature = temperatureLogLoss(chosen!.model, validation, chosen!.readings, o.temperatures);
  const calibrated = chosen!.model.withTemperature(temperature);
  // 3. Rule weight by validation top-1 of the whole decision, then the threshold.
  let decision: { ruleWeight: number; outcomes: Array<ScoredDecision & ValidationOutcome & { top3: boolean }>; top1: number } | null = null;
  const readings = chosen!.readings.map((r) => calibrated.retemper(r));
  for (const ruleWeight of o.ruleWeights) {
    const outcomes = validation.map((e, i) => {
      const scored = decideForEvaluation(e, calibrated, setup, ruleWeight, engine, readings[i]);
      return { ...scored, unitCode: scored.ranked[0], correct: scored.ranked[0] === e.unitCode, top3: scored.ranked.slice(0, 3).includes(e.unitCode), receivedAt: e.receivedAt };
    });
    const top1 = outcomes.filter((x) => x.correct).length;
    if (!decision || top1 > decision.top1) decision = { ruleWeight, outcomes, top1 };
  }
  const { outcomes, ruleWeight } = decision!;
  // Auto-routing is rare at 90 % precision, so one validation slice holds few routable cases: earlier
  // rolling-origin folds (train on what came before, predict the next slice) add theirs.
  const pooled = [...outcomes, ...earlierFolds(ordered, cut, chosen!.settings, temperature, ruleWeight, setup, engine, base, o)];
  const choice = chooseThreshold(pooled, o.targetPrecision, o.minRoutedForThreshold, o.precisionZ);
  const units = certifyUnits(pooled, {
    target: o.targetPrecision,
    minRouted: o.minRoutedPerUnit,
    z: o.unitPrecisionZ,
    minThreshold: o.minUnitThreshold,
    recentMonths: o.unitRecentMonths,
    recentZ: o.unitRecentZ,
  });
  const autoRouteUnits = new Map(units.certified.map((c) => [c.unitCode, c.threshold]));
  const routed = outcomes.filter((x) => {
    const threshold = x.unitCode === undefined ? null : autoRouteThresholdFor(x.unitCode, choice.threshold, autoRouteUnits);
    return x.routable && threshold !== null && x.confidence >= threshold;
  });

  const model = trainDispositionModel(ordered, { ...base, ...chosen!.settings }).withTemperature(temperature);
  return {
    model,
    settings: chosen!.settings,
    temperature,
    ruleWeight,
    threshold: choice.threshold,
    thresholdReason: withCertifiedUnits(choice, units, o.unitRecentMonths),
    autoRouteUnits,
    validation: {
      nFit: fit.length,
      nValidation: validation.length,
      period: { from: validation[0].receivedAt, to: validation[validation.length - 1].receivedAt },
      top1: decision!.top1 / validation.length,
      top3: outcomes.filter((x) => x.top3).length / validation.length,
      precisionAtThreshold: routed.length === 0 ? null : routed.filter((x) => x.correct).length / routed.length,
      coverageAtThreshold: routed.length / validation.length,
      estimatedPrecision: choice.estimatedPrecision,
      nPooled: pooled.length,
      pooledRouted: choice.routed,
      pooledRoutedCorrect: choice.correct,
      autoRouteUnits: units.certified,
      driftedUnits: units.drifted,
    },
    nExamples: ordered.length,
    trainingMillis: Date.now() - started,
  };
}

function earlierFolds(
  ordered: readonly HistoryExample[],
  validationStart: number,
  settings: TrainingSettings,
  temperature: number,
  ruleWeight: number,
  setup: RouterSetup,
  engine: RuleEngine,
  base: TrainingSettings,
  o: RouterTrainingOptions,
): ValidationOutcome[] {
  if (ordered.length > o.gridMaxExamples || o.poolFolds < 1) return [];
  const from = Math.round(ordered.length * o.poolFrom);
  const width = (validationStart - from) / o.poolFolds;
  const outcomes: ValidationOutcome[] = [];
  if (!(width >= 1)) return outcomes;
  for (let k = 0; k < o.poolFolds; k++) {
    const start = Math.round(from + k * width);
    const end = Math.round(from + (k + 1) * width);
    // A fold needs a history to learn from: the main validation slice's minimum is the bar.
    if (start < o.minValidation || end <= start) continue;
    const model = trainDispositionModel(ordered.slice(Math.max(0, start - o.fitMaxExamples), start), { ...base, ...settings }).withTemperature(temperature);
    for (const e of ordered.slice(start, end)) {
      const scored = decideForEvaluation(e, model, setup, ruleWeight, engine);
      outcomes.push({ unitCode: scored.ranked[0], confidence: scored.confidence, routable: scored.routable, correct: scored.ranked[0] === e.unitCode, receivedAt: e.receivedAt });
    }
  }
  return outcomes;
}
