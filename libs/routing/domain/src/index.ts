export { CAMAT_UNIT_PREFIX, isCamatUnit, unitLabel } from './units/unit-names';
export type { LabelOutcome, LearntUnits } from './units/units-from-labels';
export { guessUnitKind, learnUnitsFromLabels, manualOnlyUnitCodes } from './units/units-from-labels';

export type { RoutingRule, RoutingRuleKind } from './rules/routing-rule';
export { RULE_STRENGTH, patternStrength, validateRoutingRule, withPriority } from './rules/routing-rule';
export type { RuleMatch, RoutableComplaint } from './rules/rule-engine';
export { RuleEngine, latestRuleVersions } from './rules/rule-engine';
export { CAMAT_TOPIC_RULE_ID, defaultRulesFromReference, topicRuleId } from './rules/default-rules';

export type { FeatureSettings, ComplaintTerms, SparseVector } from './model/complaint-features';
export { DEFAULT_FEATURE_SETTINGS, complaintTerms } from './model/complaint-features';
export type { LinearSvmOptions } from './model/linear-svm';
export { DEFAULT_SVM_OPTIONS } from './model/linear-svm';
export type {
  DispositionModelJson,
  DispositionModelOptions,
  ModelReading,
  TrainingExample,
  TrainingSettings,
  UnitProbability,
} from './model/disposition-model';
export {
  CAMAT_CLASS,
  complaintDocument,
  DEFAULT_MODEL_OPTIONS,
  DispositionModel,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  trainDispositionModel,
} from './model/disposition-model';
export type { ModelEvaluation, TimedExample } from './model/model-evaluation';
export { calibrateTemperature, DEFAULT_TEMPERATURE_GRID, evaluateModel, scoreModel, splitByTime } from './model/model-evaluation';

export type {
  DecideDispositionInput,
  DecisionPolicy,
  DecisionReason,
  DispositionAlternative,
  DispositionComplaint,
  DispositionDecision,
  DispositionSuggestion,
  DispositionWeights,
} from './decision/disposition-decision';
export { autoRoutePolicy, BOUNCE_LIMIT, DEFAULT_DISPOSITION_WEIGHTS, decideDisposition } from './decision/disposition-decision';

export type { UnitRedirects, UnitStatus } from './units/unit-succession';
export { currentUnitCode, mergeProblems, unitRedirectsOf } from './units/unit-succession';
export type { DecisionEvaluation, DecisionEvaluationInput, LabelledComplaint } from './decision/decision-evaluation';
export { evaluateDecisions, sweepDecisionThresholds } from './decision/decision-evaluation';
export type { TrainingMeasurement, TrainingRun, TrainingRunOptions } from './model/model-training';
export { DEFAULT_TRAINING_RUN, runTraining } from './model/model-training';
export type {
  HistoryExample,
  RouterSetup,
  RouterTrainingOptions,
  ScoredDecision,
  ThresholdChoice,
  TrainedRouter,
  ValidationFigures,
} from './training/router-training';
export { chooseThreshold, decideForEvaluation, DEFAULT_ROUTER_TRAINING, scoreDecision, trainRouter, wilsonLowerBound } from './training/router-training';
export type { EvaluationRow, EvaluationSplit, HistoryEvaluation, HistoryEvaluationInput, PeriodFigures, UnitFigures } from './evaluation/history-evaluation';
export { coverageAtPrecision, evaluateHistory, evaluateLaporanRingkas } from './evaluation/history-evaluation';
export type { HardExport, HardExportOptions, UnitRole } from './testing/hard-laporan-ringkas';
export { BEKASI_ROLES, CIMANGGALA_ROLES, generateHardExport } from './testing/hard-laporan-ringkas';
