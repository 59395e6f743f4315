// How well the disposition model would have routed complaints it has not seen. Evaluation splits
// by time, never at random: the router is always asked about complaints newer than its training
// data, and topics drift (a flood season, a new bansos programme), so a random split flatters it.
import { isCamatUnit } from '../units/unit-names';
import {
  CAMAT_CLASS,
  trainDispositionModel,
  type DispositionModel,
  type TrainingExample,
  type TrainingSettings,
} from './disposition-model';

export interface ModelEvaluation {
  /** Share of test complaints whose most likely unit is the one they went to. */
  top1Accuracy: number;
  /** Share whose unit is among the three most likely. */
  top3Accuracy: number;
  /** Top-1 accuracy among complaints the model is at least `threshold` sure of; null when there are none. */
  precisionAtThreshold: number | null;
  /** Share of complaints the model is at least `threshold` sure of (what auto-routing would take). */
  coverageAtThreshold: number;
  n: number;
}

export interface TimedExample extends TrainingExample {
  /** When the complaint came in, as an ISO 8601 date or date-time. */
  receivedAt: string;
}

function timeOf(example: TimedExample): number {
  const time = Date.parse(example.receivedAt);
  if (Number.isNaN(time)) throw new Error(`Unreadable receivedAt '${example.receivedAt}'`);
  return time;
}

/**
 * The oldest `trainFraction` of the examples to train on and the newer rest to test on. Examples
 * at the same moment keep their input order.
 */
export function splitByTime<T extends TimedExample>(examples: readonly T[], trainFraction: number): { train: T[]; test: T[] } {
  if (!(trainFraction > 0 && trainFraction < 1)) throw new Error('trainFraction must lie strictly between 0 and 1');
  const ordered = examples
    .map((example, index) => ({ example, index, time: timeOf(example) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((e) => e.example);
  const cut = Math.round(ordered.length * trainFraction);
  return { train: ordered.slice(0, cut), test: ordered.slice(cut) };
}

/** The label the model is judged against: camat units count as the model's single camat class. */
function expectedClass(model: DispositionModel, unitCode: string): string {
  return model.options.collapseCamatUnits && isCamatUnit(unitCode) ? CAMAT_CLASS : unitCode;
}

/** Scores an already trained model on `test`. */
export function scoreModel(model: DispositionModel, test: readonly TrainingExample[], threshold: number): ModelEvaluation {
  if (test.length === 0) throw new Error('Cannot evaluate on an empty test set');
  let top1 = 0;
  let top3 = 0;
  let covered = 0;
  let coveredCorrect = 0;
  for (const example of test) {
    const ranked = model.predict(example.text, example.category);
    const expected = expectedClass(model, example.unitCode);
    const correct = ranked[0]?.unitCode === expected;
    if (correct) top1++;
    if (ranked.slice(0, 3).some((p) => p.unitCode === expected)) top3++;
    if ((ranked[0]?.probability ?? 0) >= threshold) {
      covered++;
      if (correct) coveredCorrect++;
    }
  }
  return {
    top1Accuracy: top1 / test.length,
    top3Accuracy: top3 / test.length,
    precisionAtThreshold: covered === 0 ? null : coveredCorrect / covered,
    coverageAtThreshold: covered / test.length,
    n: test.length,
  };
}

/** Trains on `train` and scores on `test` (see scoreModel). */
export function evaluateModel(
  train: readonly TrainingExample[],
  test: readonly TrainingExample[],
  threshold: number,
  settings: TrainingSettings = {},
): ModelEvaluation {
  return scoreModel(trainDispositionModel(train, settings), test, threshold);
}

export const DEFAULT_TEMPERATURE_GRID: readonly number[] = [0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1];

/**
 * The temperature (from `grid`) under which the model's probabilities best fit `validation`
 * (lowest mean negative log-likelihood), and the model using it. Grid search keeps it deterministic.
 */
export function calibrateTemperature(
  model: DispositionModel,
  validation: readonly TrainingExample[],
  grid: readonly number[] = DEFAULT_TEMPERATURE_GRID,
): { temperature: number; logLoss: number; model: DispositionModel } {
  if (validation.length === 0) throw new Error('Cannot calibrate on an empty validation set');
  let best: { temperature: number; logLoss: number; model: DispositionModel } | null = null;
  for (const temperature of grid) {
    const candidate = model.withTemperature(temperature);
    let loss = 0;
    for (const example of validation) {
      const expected = expectedClass(candidate, example.unitCode);
      const p = candidate.predict(example.text, example.category).find((q) => q.unitCode === expected)?.probability ?? 0;
      loss -= Math.log(Math.max(p, 1e-12));
    }
    const logLoss = loss / validation.length;
    if (!best || logLoss < best.logLoss) best = { temperature, logLoss, model: candidate };
  }
  if (!best) throw new Error('The temperature grid is empty');
  return best;
}
