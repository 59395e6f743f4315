// One training run as the service does it: measure on the newest slice of history with a model
// trained on the older part, then train the model actually used on everything (the newest
// complaints are the most telling, so they must not be held back from production).
import {
  trainDispositionModel,
  type DispositionModel,
  type TrainingExample,
  type TrainingSettings,
} from './disposition-model';
import { scoreModel, splitByTime, type ModelEvaluation, type TimedExample } from './model-evaluation';

export interface TrainingRunOptions {
  /** Share of the newest examples held out for measuring (0–1). */
  holdoutFraction: number;
  /** Threshold at which precision and coverage are reported. */
  threshold: number;
  /** Below this many held-out examples no measurement is reported (it would be noise). */
  minHoldout: number;
  settings?: TrainingSettings;
  /**
   * Measures the held-out slice with the model trained on the older part; the model's own
   * probabilities by default. The service passes the whole decision (rules, places, model).
   */
  measure?: (model: DispositionModel, heldOut: readonly TimedExample[], threshold: number) => TrainingMeasurement;
}

export interface TrainingMeasurement {
  top1Accuracy: number;
  precisionAtThreshold: number | null;
  coverageAtThreshold: number;
}

export interface TrainingRun {
  model: DispositionModel;
  /** Null when there was too little history to hold any out. */
  heldOut: (TrainingMeasurement & { threshold: number; nTrain: number; nTest: number; model?: ModelEvaluation }) | null;
  nExamples: number;
}

export const DEFAULT_TRAINING_RUN: TrainingRunOptions = { holdoutFraction: 0.2, threshold: 0.5, minHoldout: 5 };

export function runTraining(examples: readonly TimedExample[], options: Partial<TrainingRunOptions> = {}): TrainingRun {
  const { holdoutFraction, threshold, minHoldout, settings, measure } = { ...DEFAULT_TRAINING_RUN, ...options };
  const plain = (list: readonly TimedExample[]): TrainingExample[] => list.map(({ text, category, unitCode }) => ({ text, category, unitCode }));
  let heldOut: TrainingRun['heldOut'] = null;
  if (examples.length > 0) {
    const { train, test } = splitByTime(examples, 1 - holdoutFraction);
    if (test.length >= minHoldout) {
      const candidate = trainDispositionModel(plain(train), settings);
      const modelOnly = scoreModel(candidate, test, threshold);
      const measured = measure ? measure(candidate, test, threshold) : modelOnly;
      heldOut = {
        top1Accuracy: measured.top1Accuracy,
        precisionAtThreshold: measured.precisionAtThreshold,
        coverageAtThreshold: measured.coverageAtThreshold,
        threshold,
        nTrain: train.length,
        nTest: test.length,
        model: modelOnly,
      };
    }
  }
  return { model: trainDispositionModel(plain(examples), settings), heldOut, nExamples: examples.length };
}
