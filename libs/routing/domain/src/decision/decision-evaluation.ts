// How the whole router (rules + gazetteer + model + policy), not the model alone, would have
// disposed complaints it has not seen. This is what an admin experiences: "precision" is the share
// of automatic dispositions that went to the right unit, "coverage" the share of complaints routed
// without the admin. The threshold is the one compared with a decision's confidence.
import type { Gazetteer } from '@bekasi/indonesian-text';
import type { DispositionModel } from '../model/disposition-model';
import type { RoutingRule } from '../rules/routing-rule';
import { RuleEngine } from '../rules/rule-engine';
import type { UnitRedirects } from '../units/unit-succession';
import { decideDisposition, type DispositionComplaint } from './disposition-decision';

export interface LabelledComplaint extends DispositionComplaint {
  /** The unit the complaint really went to. */
  unitCode: string;
}

export interface DecisionEvaluation {
  /** Share whose best candidate (routed unit, or first suggestion) is the right unit. */
  top1Accuracy: number;
  /** Share of automatically routed complaints that went to the right unit; null when none were routed. */
  precisionAtThreshold: number | null;
  /** Share of complaints routed automatically. */
  coverageAtThreshold: number;
  threshold: number;
  n: number;
}

export interface DecisionEvaluationInput {
  rules: readonly RoutingRule[] | RuleEngine;
  gazetteer: Gazetteer;
  model: DispositionModel | null;
  unitRedirects?: UnitRedirects;
}

interface Outcome {
  best: string | null;
  routable: boolean;
  confidence: number;
  correct: boolean;
}

function outcomesOf(test: readonly LabelledComplaint[], input: DecisionEvaluationInput): Outcome[] {
  const engine = input.rules instanceof RuleEngine ? input.rules : new RuleEngine(input.rules);
  return test.map((complaint) => {
    // Threshold 0: what the router would pick if it dared; the sweep below applies thresholds.
    const decision = decideDisposition({
      complaint,
      rules: engine,
      gazetteer: input.gazetteer,
      model: input.model,
      bounceCount: 0,
      autoRouteThreshold: 0,
      unitRedirects: input.unitRedirects,
    });
    const best = decision.unitCode ?? decision.alternatives[0]?.unitCode ?? null;
    return { best, routable: decision.outcome === 'route', confidence: decision.confidence, correct: best === complaint.unitCode };
  });
}

function summarise(outcomes: readonly Outcome[], threshold: number): DecisionEvaluation {
  const routed = outcomes.filter((o) => o.routable && o.confidence >= threshold);
  return {
    top1Accuracy: outcomes.filter((o) => o.correct).length / outcomes.length,
    precisionAtThreshold: routed.length === 0 ? null : routed.filter((o) => o.correct).length / routed.length,
    coverageAtThreshold: routed.length / outcomes.length,
    threshold,
    n: outcomes.length,
  };
}

export function evaluateDecisions(test: readonly LabelledComplaint[], threshold: number, input: DecisionEvaluationInput): DecisionEvaluation {
  if (test.length === 0) throw new Error('Cannot evaluate on an empty test set');
  return summarise(outcomesOf(test, input), threshold);
}

/** The same evaluation at several thresholds, deciding each complaint once. */
export function sweepDecisionThresholds(
  test: readonly LabelledComplaint[],
  thresholds: readonly number[],
  input: DecisionEvaluationInput,
): DecisionEvaluation[] {
  if (test.length === 0) throw new Error('Cannot evaluate on an empty test set');
  const outcomes = outcomesOf(test, input);
  return thresholds.map((t) => summarise(outcomes, t));
}
