export { normaliseIndonesianText, tokenise, contentWords, wordBigrams, wordTerms, characterNgrams } from './text/indonesian-text';
export { stemIndonesian } from './text/indonesian-stemmer';
export { COMPLAINT_SLANG, COMPLAINT_PHRASE_REWRITES, INDONESIAN_STOPWORDS, STEMMER_PROTECTED_WORDS } from './text/indonesian-lexicon';

export type { Place, PlaceInput, PlaceKind, PlaceMention, KecamatanResolution } from './places/place';
export { Gazetteer, PLACE_MATCH_CONFIDENCE } from './places/gazetteer';
export { DEFAULT_DESA_PLACES, placeSlug } from './places/default-desa-places';

export { CAMAT_UNIT_PREFIX, isCamatUnit, matchUnitName, normaliseUnitName, unitLabel } from './units/unit-names';

export type { RoutingRule, RoutingRuleKind } from './rules/routing-rule';
export { RULE_STRENGTH, patternStrength, validateRoutingRule, withPriority } from './rules/routing-rule';
export type { RuleMatch, RoutableComplaint } from './rules/rule-engine';
export { RuleEngine, latestRuleVersions } from './rules/rule-engine';
export { CAMAT_TOPIC_RULE_ID, defaultRulesFromReference, topicRuleId } from './rules/default-rules';

export type { FeatureGroupWeights, FeatureSettings } from './model/disposition-features';
export { DEFAULT_FEATURE_SETTINGS } from './model/disposition-features';
export type {
  DispositionModelJson,
  DispositionModelOptions,
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
  DispositionWeights,
} from './decision/disposition-decision';
export { BOUNCE_LIMIT, DEFAULT_DISPOSITION_WEIGHTS, decideDisposition } from './decision/disposition-decision';

export type { UnitRedirects, UnitStatus } from './units/unit-succession';
export { currentUnitCode, mergeProblems, unitRedirectsOf } from './units/unit-succession';
export type { DecisionEvaluation, DecisionEvaluationInput, LabelledComplaint } from './decision/decision-evaluation';
export { evaluateDecisions, sweepDecisionThresholds } from './decision/decision-evaluation';
export type { TrainingMeasurement, TrainingRun, TrainingRunOptions } from './model/model-training';
export { DEFAULT_TRAINING_RUN, runTraining } from './model/model-training';
