// Test data builders for the routing specs (not exported from the library).
import type { DispositionComplaint } from '../decision/disposition-decision';
import type { TrainingExample } from '../model/disposition-model';
import type { TimedExample } from '../model/model-evaluation';
import type { RoutingRule } from '../rules/routing-rule';

export function aComplaint(overrides: Partial<DispositionComplaint> = {}): DispositionComplaint {
  return {
    title: 'Jalan berlubang di Jalan Raya Babelan',
    text: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Desa Kedungpengawas, mohon segera ditambal.',
    category: null,
    classification: 'Pengaduan Tidak Berkadar Pengawasan',
    ...overrides,
  };
}

/** A complaint with no place, keyword or telling word in it. */
export function aVagueComplaint(): DispositionComplaint {
  return aComplaint({ title: 'tolong', text: 'pak tolong dong diperbaiki udah lama bgt ga ada tindakan 🙏', category: null });
}

let ruleSequence = 0;

export function aRule(overrides: Partial<RoutingRule> = {}): RoutingRule {
  ruleSequence += 1;
  return {
    id: `rule-${ruleSequence}`,
    version: 1,
    kind: 'keyword',
    patterns: ['jalan berlubang'],
    unitCode: 'SDABMBK',
    priority: 0,
    active: true,
    ...overrides,
  };
}

export function aKeywordRule(unitCode: string, patterns: string[], overrides: Partial<RoutingRule> = {}): RoutingRule {
  return aRule({ kind: 'keyword', unitCode, patterns, ...overrides });
}

export function anExample(unitCode: string, text: string, category: string | null = null): TrainingExample {
  return { unitCode, text, category };
}

export function aTimedExample(unitCode: string, receivedAt: string, text = `keluhan untuk ${unitCode}`): TimedExample {
  return { unitCode, text, category: null, receivedAt };
}
