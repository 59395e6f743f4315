// Smoke test of the whole router on the synthetic "Laporan Ringkas" sample export: learn from the
// older two thirds of the dispatched complaints, route the newer third. With 27 labelled rows
// this proves the pipeline, not the accuracy.
import { readFileSync } from 'node:fs';
import { SAMPLE_EXPORT_FILES } from '@bekasi/reference-data';
import { decideDisposition } from './decision/disposition-decision';
import { complaintDocument, trainDispositionModel } from './model/disposition-model';
import { scoreModel, splitByTime, type TimedExample } from './model/model-evaluation';
import { Gazetteer, UnitNameMatcher } from '@bekasi/indonesian-text';
import { defaultRulesFromReference } from './rules/default-rules';
import { parseCsv, sampleComplaints, type SampleComplaint } from './testing/laporan-ringkas-sample';
import { isCamatUnit } from './units/unit-names';

const csv = readFileSync(SAMPLE_EXPORT_FILES.csv, 'utf8');
const complaints = sampleComplaints(csv);
const dispatched = complaints.filter((c) => c.dispatchedTo !== '');
const matcher = UnitNameMatcher.forRegency();
const examples: Array<TimedExample & { complaint: SampleComplaint }> = dispatched.map((c) => ({
  text: complaintDocument(c.title, c.text),
  category: c.category || null,
  unitCode: matcher.match(c.dispatchedTo) ?? `UNMATCHED:${c.dispatchedTo}`,
  receivedAt: c.receivedAt,
  complaint: c,
}));
const { train, test } = splitByTime(examples, 2 / 3);
const model = trainDispositionModel(train);
const evaluation = scoreModel(model, test, 0.5);
const historyOnly = scoreModel(trainDispositionModel(train, { topicWeight: 0 }), test, 0.5);

function majorityBaseline(): number {
  const counts = new Map<string, number>();
  for (const e of train) counts.set(e.unitCode, (counts.get(e.unitCode) ?? 0) + 1);
  const [majority] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  return test.filter((e) => e.unitCode === majority).length / test.length;
}
const baseline = majorityBaseline();
const pct = (x: number) => `${Math.round(x * 100)}%`;

describe('the sample export', () => {
  it('parses as RFC 4180: 30 complaints, quoted newlines and doubled quotes intact', () => {
    expect(complaints).toHaveLength(30);
    expect(complaints[0]).toMatchObject({ trackingId: '9100001', receivedAt: '2026-10-01T06:15:44+07:00' });
    expect(complaints.find((c) => c.trackingId === '9100022')?.title).toBe('Gas "melon" 3 kg langka dan mahal');
    expect(complaints.find((c) => c.trackingId === '9100006')?.text).toContain('\nNIK saya');
    expect(parseCsv('a,"b\r\nc",d\r\ne')).toEqual([['a', 'b\r\nc', 'd'], ['e']]);
  });

  it('names a known unit in every "Instansi Terdisposisi"', () => {
    expect(dispatched).toHaveLength(27);
    expect(examples.filter((e) => e.unitCode.startsWith('UNMATCHED'))).toEqual([]);
    expect(examples.filter((e) => isCamatUnit(e.unitCode)).map((e) => e.unitCode)).toEqual(['KEC_TARUMAJAYA', 'KEC_SUKATANI', 'KEC_BABELAN']);
  });

  it('splits by time: older two thirds to train, newer third to test', () => {
    expect(train).toHaveLength(18);
    expect(test).toHaveLength(9);
    expect(Date.parse(train[train.length - 1].receivedAt)).toBeLessThanOrEqual(Date.parse(test[0].receivedAt));
  });

  it(`routes the newer third with top-1 accuracy ${pct(evaluation.top1Accuracy)}, above the majority baseline ${pct(baseline)}`, () => {
    expect(evaluation.n).toBe(9);
    expect(evaluation.top1Accuracy).toBeGreaterThan(baseline);
    expect(evaluation.top3Accuracy).toBeGreaterThanOrEqual(evaluation.top1Accuracy);
  });

  it(`owes that to the topics cold start: history alone scores ${pct(historyOnly.top1Accuracy)}`, () => {
    expect(evaluation.top1Accuracy).toBeGreaterThan(historyOnly.top1Accuracy);
  });

  describe('decisions on the newer third', () => {
    const gazetteer = Gazetteer.fromReference();
    const rules = defaultRulesFromReference();
    const decisions = test.map((e) => ({
      expected: e.unitCode,
      trackingId: e.complaint.trackingId,
      decision: decideDisposition({
        complaint: { title: e.complaint.title, text: e.complaint.text, category: e.complaint.category || null, classification: e.complaint.classification || null },
        rules,
        gazetteer,
        model,
        bounceCount: 0,
        autoRouteThreshold: 0.6,
      }),
    }));

    it('have a well-formed structure', () => {
      for (const { decision } of decisions) {
        expect(['route', 'triage']).toContain(decision.outcome);
        expect(decision.unitCode === undefined).toBe(decision.outcome === 'triage');
        expect(decision.confidence).toBeGreaterThanOrEqual(0);
        expect(decision.confidence).toBeLessThanOrEqual(1);
        expect(decision.reasons.length).toBeGreaterThan(0);
        expect(decision.reasons.every((r) => r.text.length > 0)).toBe(true);
        expect(decision.alternatives.length).toBeLessThanOrEqual(5);
      }
    });

    it('send the camat matters of Babelan and Tarumajaya to their camat', () => {
      const byId = new Map(decisions.map((d) => [d.trackingId, d.decision]));
      // 18 complaints of history are too few for confident routing; what matters is the camat chosen first.
      expect(byId.get('9100024')).toMatchObject({ kecamatanCode: 'tarumajaya' });
      expect(byId.get('9100024')!.suggestions[0].unitCode).toBe('KEC_TARUMAJAYA');
      expect(byId.get('9100026')).toMatchObject({ kecamatanCode: 'babelan' });
      expect(byId.get('9100026')!.suggestions[0].unitCode).toBe('KEC_BABELAN');
    });

    it('are mostly right when they route automatically', () => {
      const routed = decisions.filter((d) => d.decision.outcome === 'route');
      const correct = routed.filter((d) => d.decision.unitCode === d.expected);
      expect(routed.length).toBeGreaterThan(0);
      expect(correct.length / routed.length).toBeGreaterThanOrEqual(0.75);
    });
  });
});
