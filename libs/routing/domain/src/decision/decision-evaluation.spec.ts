import { trainDispositionModel } from '../model/disposition-model';
import { Gazetteer } from '@bekasi/indonesian-text';
import { defaultRulesFromReference } from '../rules/default-rules';
import { evaluateDecisions, sweepDecisionThresholds, type LabelledComplaint } from './decision-evaluation';

const input = { rules: defaultRulesFromReference(), gazetteer: Gazetteer.fromReference(), model: trainDispositionModel([]) };
const labelled = (unitCode: string, title: string, text: string): LabelledComplaint => ({ unitCode, title, text });

const test: LabelledComplaint[] = [
  labelled('SDABMBK', 'Jalan berlubang', 'Jalan berlubang besar di Jalan Raya Babelan dekat Desa Kedungpengawas'),
  labelled('DLH', 'Sampah', 'Sampah tidak diangkut dua minggu di TPS Desa Buni Bakti, bau busuk'),
  labelled('BPBD', 'Banjir', 'Banjir lagi'),
  labelled('DISDUKCAPIL', 'tolong', 'pak tolong dong udah lama'),
];

describe('evaluateDecisions', () => {
  it('measures the whole decision: top-1, and precision and coverage of automatic routing', () => {
    // A model of reference topics alone (no history) is cautious: 0.4 is a cold-start threshold.
    const result = evaluateDecisions(test, 0.4, input);
    expect(result.n).toBe(4);
    // The pothole and the rubbish are clear; the flood ties BPBD with SDABMBK; the vague one has no answer.
    expect(result.coverageAtThreshold).toBeCloseTo(2 / 4);
    expect(result.precisionAtThreshold).toBe(1);
    expect(result.top1Accuracy).toBeGreaterThanOrEqual(2 / 4);
    expect(result.top1Accuracy).toBeLessThan(1);
  });

  it('routes fewer complaints as the threshold rises, never more', () => {
    const sweep = sweepDecisionThresholds(test, [0, 0.3, 0.6, 0.9, 1], input);
    const coverage = sweep.map((s) => s.coverageAtThreshold);
    expect(coverage).toEqual([...coverage].sort((a, b) => b - a));
    expect(sweep[0]).toEqual(evaluateDecisions(test, 0, input));
    expect(sweep[4].precisionAtThreshold).toBeNull();
  });

  it('refuses an empty test set', () => {
    expect(() => evaluateDecisions([], 0.5, input)).toThrow(/empty/);
  });
});
