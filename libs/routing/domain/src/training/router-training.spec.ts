import { Gazetteer } from '@bekasi/indonesian-text';
import { seededRandom } from '@bekasi/intake-domain';
import { BEKASI_REGENCY } from '@bekasi/reference-data';
import { defaultRulesFromReference } from '../rules/default-rules';
import { RuleEngine } from '../rules/rule-engine';
import { autoRouteThresholdFor } from '../decision/disposition-decision';
import { certifyUnits, chooseThreshold, decideForEvaluation, DEFAULT_ROUTER_TRAINING, trainRouter, wilsonLowerBound, type HistoryExample } from './router-training';

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
    expect(choice).toMatchObject({ routed: 40, correct: 40 });
    expect(choice.reason).toBe('ambang 0.900: 40 dari 40 laporan validasi di atas ambang tepat unitnya (presisi perkiraan ≥ 90%)');
  });

  it('routes nothing, and says why, when no threshold is precise enough or too few would be routed', () => {
    const mixed = Array.from({ length: 100 }, (_, i) => outcome(i / 100, i % 3 !== 0));
    expect(chooseThreshold(mixed, 0.9, 20, 1.645)).toMatchObject({ threshold: null, reason: expect.stringMatching(/tidak ada ambang/) });
    const few = Array.from({ length: 5 }, (_, i) => outcome(0.9 + i / 100, true));
    expect(chooseThreshold(few, 0.9, 20, 1.645)).toMatchObject({ threshold: null, reason: expect.stringMatching(/baru 5 dari 5 laporan validasi .*perlu minimal 20/) });
  });

  it('never counts decisions policy keeps from routing (generic units, bounces)', () => {
    const blocked = Array.from({ length: 50 }, (_, i) => outcome(0.95 + i / 10_000, true, false));
    expect(chooseThreshold(blocked, 0.9, 20, 1.645).threshold).toBeNull();
  });
});

describe('certifying units by their own record', () => {
  const day = (k: number) => new Date(Date.UTC(2024, 0, 1) + k * 86_400_000).toISOString();
  // Decisions spread over the year by default; the newest on 31 December.
  const of = (unitCode: string, confidence: number, correct: boolean, receivedAt = day(0)) => ({ unitCode, confidence, correct, routable: true, receivedAt });
  // The training's own settings (the minimum threshold aside), so that these tests follow what production certifies.
  const options = {
    target: DEFAULT_ROUTER_TRAINING.targetPrecision,
    minRouted: DEFAULT_ROUTER_TRAINING.minRoutedPerUnit,
    z: DEFAULT_ROUTER_TRAINING.unitPrecisionZ,
    minThreshold: 0,
    recentMonths: DEFAULT_ROUTER_TRAINING.unitRecentMonths,
    recentZ: DEFAULT_ROUTER_TRAINING.unitRecentZ,
  };
  const newest = of('LAIN', 0.1, false, day(365));

  it('certifies the unit whose confident decisions are right, not the one whose work is split', () => {
    const reliable = Array.from({ length: 40 }, (_, i) => of('PDAM', 0.6 + i / 200, i % 40 !== 7));
    // Just as confident, wrong one time in four (its work is shared with the camat).
    const split = Array.from({ length: 40 }, (_, i) => of('DINSOS', 0.6 + i / 200, i % 4 !== 0));
    const few = Array.from({ length: 15 }, (_, i) => of('DISPARBUD', 0.9 + i / 1000, true));
    const { certified, drifted } = certifyUnits([...reliable, ...split, ...few, newest], options);
    expect(certified.map((c) => c.unitCode)).toEqual(['PDAM']);
    expect(drifted).toEqual([]);
    // 39 of 40: the estimate over all of them reaches 90 %, so all 40 are routed.
    expect(certified[0]).toMatchObject({ threshold: 0.6, routed: 40, correct: 39, recentRouted: 0, recentCorrect: 0 });
    expect(certified[0].estimatedPrecision).toBeGreaterThanOrEqual(0.9);
    expect(certified[0].reason).toBe('ambang 0.600: 39 dari 40 keputusan validasi untuk unit ini di atas ambang tepat (presisi perkiraan ≥ 90%; 2 bulan terakhir 0 dari 0 tepat)');
  });

  it('vouches for confident decisions only: never below the minimum threshold, whatever the record', () => {
    const guesses = Array.from({ length: 40 }, (_, i) => of('DISDIK', 0.02 + i / 200, true));
    expect(certifyUnits(guesses, { ...options, minThreshold: 0.25 }).certified).toEqual([]);
    expect(certifyUnits(guesses, options).certified[0]).toMatchObject({ unitCode: 'DISDIK', threshold: 0.02 });
  });

  it('certifies a unit right 19 times in 20 over many decisions, though no 25 of its most confident in a row were right', () => {
    // Its mistakes are work another unit took over, whatever the words: as likely when the model is sure as when it is not.
    const steady = Array.from({ length: 60 }, (_, i) => of('DISDUKCAPIL', 0.5 + i / 200, i % 20 !== 10));
    const [certified] = certifyUnits(steady, options).certified;
    expect(certified).toMatchObject({ unitCode: 'DISDUKCAPIL', threshold: 0.5, routed: 60, correct: 57 });
    // A strict bound (z = 1.645) would wait for a perfect run of 25 that such a unit rarely shows.
    expect(certifyUnits(steady, { ...options, z: 1.645 }).certified).toEqual([]);
  });

  it('drift guard: a unit right all year but wrong half the time in its newest two months is withdrawn, and says why', () => {
    const year = Array.from({ length: 80 }, (_, i) => of('TIRTA_BHAGASASI', 0.5 + i / 400, true, day(i * 3.6)));
    // Since November half the water complaints went to the new Perumda.
    const recent = Array.from({ length: 8 }, (_, i) => of('TIRTA_BHAGASASI', 0.9 + i / 100, i % 2 === 0, day(310 + i * 7)));
    const outcomes = [...year, ...recent, newest];
    const { certified, drifted } = certifyUnits(outcomes, options);
    expect(certified).toEqual([]);
    expect(drifted).toEqual([
      expect.objectContaining({ unitCode: 'TIRTA_BHAGASASI', threshold: 0.5, routed: 88, correct: 84, recentRouted: 8, recentCorrect: 4 }),
    ]);
    expect(drifted[0].reason).toBe(
      '84 dari 88 keputusan validasi untuk unit ini di atas ambang 0.500 tepat, tetapi pada 2 bulan terakhir 4 dari 8 tepat (jelas di bawah 90%): pekerjaannya bergeser, tidak didisposisikan otomatis',
    );
    // Without the guard the pooled record alone would certify it.
    expect(certifyUnits(outcomes, { ...options, recentMonths: 0 }).certified.map((c) => c.unitCode)).toEqual(['TIRTA_BHAGASASI']);
  });

  it('drift guard: one recent mistake among few is no evidence of drift', () => {
    const year = Array.from({ length: 80 }, (_, i) => of('BAPENDA', 0.5 + i / 400, true, day(i * 3.6)));
    const recent = Array.from({ length: 6 }, (_, i) => of('BAPENDA', 0.9 + i / 100, i !== 0, day(310 + i * 7)));
    const { certified, drifted } = certifyUnits([...year, ...recent, newest], options);
    expect(certified).toEqual([expect.objectContaining({ unitCode: 'BAPENDA', recentRouted: 6, recentCorrect: 5 })]);
    expect(drifted).toEqual([]);
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
    expect(router.thresholdReason).toBe(
      'riwayat disposisi baru 1 laporan (perlu minimal 150 agar 30 laporan terbaru dapat menguji ambang): disposisi otomatis belum aktif, semua laporan ke triase dengan saran unit',
    );
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

// Histories like a regency's, small enough for a unit test: a few routine topics that always go to
// the same unit (the reliable slice), and many complaints whose words name no unit and whose
// handler is a coin toss among several. Deterministic for a seed.
describe('trainRouter on a hard history: the threshold certifies only what stays precise on later months', () => {
  const setup = { units: BEKASI_REGENCY.units, gazetteer: Gazetteer.fromReference(), rules: new RuleEngine(defaultRulesFromReference()), manualOnlyUnits: new Set<string>() };
  const routine: Array<[string, string[]]> = [
    ['DISDUKCAPIL', ['ktp elektronik belum dicetak blangko habis', 'kartu keluarga belum jadi sudah sebulan', 'akta kelahiran anak salah nama']],
    ['TIRTA_BHAGASASI', ['air pdam mati tiga hari', 'air pam keruh dan bau', 'tagihan air pdam naik padahal air mati']],
    ['BAPENDA', ['sppt pbb belum diterima', 'tagihan pbb naik drastis', 'nama di sppt pbb masih pemilik lama']],
  ];
  const vagueUnits = ['DINSOS', 'DLH', 'SDABMBK', 'DISHUB', 'SATPOL_PP', 'DISPERKIMTAN'];
  const vague = [
    'mohon perhatian pak', 'sudah lama sekali', 'tolong ditindaklanjuti', 'warga resah', 'pelayanan buruk', 'mohon diperbaiki',
    'sudah lapor tidak ada tanggapan', 'kami kecewa', 'kinerja petugas lambat', 'sudah berbulan bulan', 'jangan hanya janji', 'terima kasih',
  ];
  function history(seed: number, n: number, routineShare: number, from = Date.UTC(2022, 0, 1)): HistoryExample[] {
    const random = seededRandom(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    return Array.from({ length: n }, (_, i) => {
      const receivedAt = new Date(from + i * 12 * 3_600_000).toISOString();
      if (random() < routineShare) {
        const [unit, texts] = pick(routine);
        // Even routine work is sometimes handled elsewhere: 3 % of it.
        const unitCode = random() < 0.03 ? pick(vagueUnits) : unit;
        return { text: `${pick(texts)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode, receivedAt };
      }
      return { text: `${pick(vague)} ${pick(vague)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode: pick(vagueUnits), receivedAt };
    });
  }
  function heldOut(router: ReturnType<typeof trainRouter>, test: readonly HistoryExample[]) {
    const engine = setup.rules;
    let routed = 0;
    let correct = 0;
    for (const e of test) {
      const scored = decideForEvaluation(e, router.model, setup, router.ruleWeight, engine);
      if (!scored.routable || router.threshold === null || scored.confidence < router.threshold) continue;
      routed++;
      if (scored.ranked[0] === e.unitCode) correct++;
    }
    return { routed, correct, coverage: routed / test.length };
  }

  it.each([1, 2, 3])('seed %i: a reliable slice of about 15 %% exists, and what the threshold routes on the next 200 complaints is ≥ 90 %% right', (seed) => {
    const all = history(seed, 1_200, 0.15);
    const router = trainRouter(all.slice(0, 1_000), setup);
    expect(router.threshold).not.toBeNull();
    expect(router.validation!.nPooled).toBeGreaterThan(router.validation!.nValidation);
    expect(router.thresholdReason).toMatch(/^ambang \d\.\d{3}: \d+ dari \d+ laporan validasi di atas ambang tepat unitnya/);
    const { routed, correct, coverage } = heldOut(router, all.slice(1_000));
    expect(routed).toBeGreaterThan(0);
    // The vague 85 % stays in triage.
    expect(coverage).toBeLessThan(0.25);
    expect(correct / routed).toBeGreaterThanOrEqual(0.9);
  });

  it('a reliable unit and a split one: the reliable one is certified, the split one not, and what is routed on later months is ≥ 90 % right', () => {
    const random = seededRandom(5);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const water = ['air pdam mati tiga hari', 'air pam keruh dan bau', 'tagihan air pdam naik padahal air mati'];
    const aid = ['bantuan sosial pkh tidak cair', 'bansos beras tidak sampai ke warga', 'data dtks salah penerima bantuan'];
    const all: HistoryExample[] = Array.from({ length: 1_300 }, (_, i) => {
      const receivedAt = new Date(Date.UTC(2022, 0, 1) + i * 12 * 3_600_000).toISOString();
      const r = random();
      if (r < 0.25) return { text: `${pick(water)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode: 'TIRTA_BHAGASASI', receivedAt };
      // Social aid: the dinas handles two thirds, the camat's office or the village the rest.
      if (r < 0.5) return { text: `${pick(aid)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode: random() < 0.67 ? 'DINSOS' : pick(['SATPOL_PP', 'DISPERKIMTAN']), receivedAt };
      return { text: `${pick(vague)} ${pick(vague)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode: pick(vagueUnits), receivedAt };
    });
    const router = trainRouter(all.slice(0, 1_000), setup);
    const certified = router.validation!.autoRouteUnits.map((c) => c.unitCode);
    expect(certified).toContain('TIRTA_BHAGASASI');
    expect(certified).not.toContain('DINSOS');
    expect(router.autoRouteUnits.get('TIRTA_BHAGASASI')).toBe(router.validation!.autoRouteUnits.find((c) => c.unitCode === 'TIRTA_BHAGASASI')!.threshold);
    expect(router.thresholdReason).toMatch(/unit yang catatan validasinya sendiri cukup tepat didisposisikan otomatis dari ambangnya sendiri: .*TIRTA_BHAGASASI \(\d+ dari \d+ tepat, ambang \d\.\d{3}\)/);
    let routed = 0;
    let correct = 0;
    for (const e of all.slice(1_000)) {
      const scored = decideForEvaluation(e, router.model, setup, router.ruleWeight, setup.rules);
      const threshold = autoRouteThresholdFor(scored.ranked[0], router.threshold, router.autoRouteUnits);
      if (!scored.routable || threshold === null || scored.confidence < threshold) continue;
      routed++;
      if (scored.ranked[0] === e.unitCode) correct++;
    }
    expect(routed).toBeGreaterThan(30);
    expect(correct / routed).toBeGreaterThanOrEqual(0.9);
  });

  it('the drift guard is part of training: a unit whose work moves elsewhere in the newest months is not certified, and the reason says so', () => {
    const random = seededRandom(6);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const water = ['air pdam mati tiga hari', 'air pam keruh dan bau', 'tagihan air pdam naik padahal air mati'];
    const history = (moved: number): HistoryExample[] =>
      Array.from({ length: 1_000 }, (_, i) => {
        const receivedAt = new Date(Date.UTC(2022, 0, 1) + i * 12 * 3_600_000).toISOString();
        if (random() < 0.3) {
          // In the newest 60 days a share of the water complaints went to the housing office instead.
          const unitCode = i >= 880 && random() < moved ? 'DISPERKIMTAN' : 'TIRTA_BHAGASASI';
          return { text: `${pick(water)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode, receivedAt };
        }
        return { text: `${pick(vague)} ${pick(vague)} ${pick(vague)} rt ${i % 13}`, category: null, unitCode: pick(vagueUnits), receivedAt };
      });
    const steady = trainRouter(history(0), setup);
    expect(steady.autoRouteUnits.has('TIRTA_BHAGASASI')).toBe(true);
    const moving = trainRouter(history(0.4), setup);
    expect(moving.autoRouteUnits.has('TIRTA_BHAGASASI')).toBe(false);
    expect(moving.validation!.driftedUnits).toEqual([expect.objectContaining({ unitCode: 'TIRTA_BHAGASASI' })]);
    expect(moving.thresholdReason).toMatch(/tidak didisposisikan otomatis karena 2 bulan terakhir validasinya jelas kurang tepat: TIRTA_BHAGASASI \(\d+ dari \d+ tepat\)/);
  });

  it('without a reliable slice: no threshold, and the reason says so', () => {
    const router = trainRouter(history(4, 1_000, 0), setup);
    expect(router.threshold).toBeNull();
    expect(router.thresholdReason).toMatch(/^(tidak ada ambang dengan presisi perkiraan ≥ 90% pada \d+ laporan validasi|baru \d+ dari \d+ laporan validasi)/);
  });
});
