import { Gazetteer } from '@bekasi/indonesian-text';
import { BEKASI_REGENCY } from '@bekasi/reference-data';
import { defaultRulesFromReference } from '../rules/default-rules';
import { chooseThreshold, trainRouter, wilsonLowerBound, type HistoryExample } from './router-training';

const outcome = (confidence: number, correct: boolean, routable = true) => ({ confidence, correct, routable });

describe('choosing the auto-route threshold', () => {
  it('estimates precision conservatively (Wilson lower bound)', () => {
    expect(wilsonLowerBound(20, 20, 1.645)).toBeGreaterThan(0.85);
    expect(wilsonLowerBound(20, 20, 1.645)).toBeLessThan(1);
    expect(wilsonLowerBound(9, 10, 1.645)).toBeLessThan(0.9);
    expect(wilsonLowerBound(0, 0, 1.645)).toBe(0);
  });

  it('takes the lowest threshold whose estimated precision reaches the target', () => {
    const sure = Array.from({ length: 40 }, (_, i) => outcome(0.9 + i / 1000, true));
    const unsure = Array.from({ length: 40 }, (_, i) => outcome(0.3 + i / 1000, false));
    const choice = chooseThreshold([...unsure, ...sure], 0.9, 20, 1.645);
    expect(choice.threshold).toBe(0.9);
    expect(choice.estimatedPrecision).toBeGreaterThanOrEqual(0.9);
    expect(choice.reason).toMatch(/presisi perkiraan ≥ 90%/);
  });

  it('routes nothing, and says why, when no threshold is precise enough or too few would be routed', () => {
    const mixed = Array.from({ length: 100 }, (_, i) => outcome(i / 100, i % 3 !== 0));
    expect(chooseThreshold(mixed, 0.9, 20, 1.645)).toMatchObject({ threshold: null, reason: expect.stringMatching(/tidak ada ambang/) });
    const few = Array.from({ length: 5 }, (_, i) => outcome(0.9 + i / 100, true));
    expect(chooseThreshold(few, 0.9, 20, 1.645)).toMatchObject({ threshold: null, reason: expect.stringMatching(/terlalu sedikit/) });
  });

  it('never counts decisions policy keeps from routing (generic units, bounces)', () => {
    const blocked = Array.from({ length: 50 }, (_, i) => outcome(0.95 + i / 10_000, true, false));
    expect(chooseThreshold(blocked, 0.9, 20, 1.645).threshold).toBeNull();
  });
});

describe('trainRouter', () => {
  const setup = { units: BEKASI_REGENCY.units, gazetteer: Gazetteer.fromReference(), rules: defaultRulesFromReference(), manualOnlyUnits: new Set<string>() };
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString();

  it('with too little history: the model, and no threshold', () => {
    const history: HistoryExample[] = [{ text: 'sampah menumpuk', unitCode: 'DLH', receivedAt: day(0) }];
    const router = trainRouter(history, setup);
    expect(router.threshold).toBeNull();
    expect(router.validation).toBeNull();
    expect(router.thresholdReason).toMatch(/terlalu sedikit/);
    expect(router.model.classes).toContain('DLH');
  });

  it('validates on the newest history: settings, temperature and a threshold that routes the clear cases precisely', () => {
    const topics: Array<[string, string]> = [
      ['DLH', 'sampah menumpuk tidak diangkut di tps'],
      ['DISDUKCAPIL', 'ktp elektronik belum jadi blangko habis'],
      ['TIRTA_BHAGASASI', 'air pdam mati tidak mengalir'],
      ['DISDIK', 'pungutan sekolah ppdb zonasi'],
    ];
    const history: HistoryExample[] = Array.from({ length: 240 }, (_, i) => {
      const [unitCode, text] = topics[i % topics.length];
      return { text: `${text} nomor ${i % 17}`, category: null, unitCode, receivedAt: day(i) };
    });
    const router = trainRouter(history, setup);
    expect(router.validation).toMatchObject({ nValidation: 48, nFit: 192 });
    expect(router.validation!.top1).toBeGreaterThan(0.9);
    expect(router.threshold).not.toBeNull();
    expect(router.validation!.precisionAtThreshold).toBeGreaterThanOrEqual(0.9);
    expect(router.model.predict('sampah tidak diangkut')[0].unitCode).toBe('DLH');
  });
});
