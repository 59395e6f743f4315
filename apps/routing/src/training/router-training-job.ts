// One retraining, as plain data in and out, so it can run in a worker thread (the consumers and
// HTTP keep answering while the CPU-heavy part runs) or inline when no worker can be started.
import type { UnitReference } from '@bekasi/reference-data';
import { Gazetteer, type PlaceInput } from '@bekasi/indonesian-text';
import { manualOnlyUnitCodes, RuleEngine, trainRouter, type HistoryExample, type RoutingRule, type ValidationFigures } from '@bekasi/routing-domain';

export interface RouterTrainingJob {
  examples: HistoryExample[];
  units: UnitReference[];
  places: PlaceInput[];
  rules: RoutingRule[];
}

export interface RouterTrainingResult {
  modelJson: string;
  threshold: number | null;
  thresholdReason: string;
  validation: ValidationFigures | null;
  settings: unknown;
  temperature: number;
  ruleWeight: number;
  nExamples: number;
  classes: number;
  features: number;
  trainingMillis: number;
}

export function runRouterTrainingJob(job: RouterTrainingJob): RouterTrainingResult {
  const router = trainRouter(job.examples, {
    units: job.units,
    gazetteer: Gazetteer.fromReference(job.places),
    rules: new RuleEngine(job.rules),
    manualOnlyUnits: manualOnlyUnitCodes(job.units),
  });
  return {
    modelJson: JSON.stringify(router.model.toJSON()),
    threshold: router.threshold,
    thresholdReason: router.thresholdReason,
    validation: router.validation,
    settings: router.settings,
    temperature: router.temperature,
    ruleWeight: router.ruleWeight,
    nExamples: router.nExamples,
    classes: router.model.classes.length,
    features: router.model.featureCount,
    trainingMillis: router.trainingMillis,
  };
}
