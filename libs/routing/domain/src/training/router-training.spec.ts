import { Gazetteer } from '@bekasi/indonesian-text';
import { seededRandom } from '@bekasi/intake-domain';
import { BEKASI_REGENCY } from '@bekasi/reference-data';
import { defaultRulesFromReference } from '../rules/default-rules';
import { RuleEngine } from '../rules/rule-engine';
import { autoRouteThresholdFor } from '../decision/disposition-decision';
import { certifyUnits, chooseThreshold, decideForEvaluation, trainRouter, wilsonLowerBound, type HistoryExample } from './router-training';

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
  const of = (unitCode: string, confidence: number, correct: boolean) => ({ unitCode, confidence, correct, routable: true });
  it('certifies the unit whose confident decisions are right, not the one whose work is split', () => {
    const reliable = Array.from({ length: 40 }, (_, i) => of('PDAM', 0.6 + i / 200, i % 40 !== 7));
    // Just as confident, wrong one time in four (its work is shared with the camat).
    const split = Array.from({ length: 40 }, (_, i) => of('DINSOS', 0.6 + i / 200, i % 4 !== 0));
    const few = Array.from({ length: 15 }, (_, i) => of('DISPARBUD', 0.9 + i / 1000, true));
    const certified = certifyUnits([...reliable, ...split, ...few], 0.9, 20, 1.645);
    expect(certified.map((c) => c.unitCode)).toEqual(['PDAM']);
    // Over all 40 the one mistake leaves the estimate just under 90 %; above it, 32 of 32.
    expect(certified[0]).toMatchObject({ threshold: 0.64, routed: 32, correct: 32 });
    expect(certified[0].estimatedPrecision).toBeGreaterThanOrEqual(0.9);
    expect(certified[0].reason).toBe('ambang 0.640: 32 dari 32 keputusan validasi untuk unit ini di atas ambang tepat (presisi perkiraan ≥ 90%)');
  });

  it('vouches for confident decisions only: never below the minimum threshold, whatever the record', () => {
    const guesses = Array.from({ length: 40 }, (_, i) => of('DISDIK', 0.02 + i / 200, true));
    expect(certifyUnits(guesses, 0.9, 20, 1.645, 0.25)).toEqual([]);
    expect(certifyUnits(guesses, 0.9, 20, 1.645)[0]).toMatchObject({ unitCode: 'DISDIK', threshold: 0.02 });
  });

  it('is stricter per unit than for all units together: 20 of 20 right is not enough for one unit', () => {
    const outcomes = Array.from({ length: 21 }, (_, i) => of('PDAM', 0.8 + i / 1000, i !== 0));
    expect(certifyUnits(outcomes, 0.9, 20, 1.645)).toEqual([]);
    expect(chooseThreshold(outcomes, 0.9, 15, 1).threshold).not.toBeNull();
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

  it('without a reliable slice: no threshold, and the reason says so', () => {
    const router = trainRouter(history(4, 1_000, 0), setup);
    expect(router.threshold).toBeNull();
    expect(router.thresholdReason).toMatch(/^(tidak ada ambang dengan presisi perkiraan ≥ 90% pada \d+ laporan validasi|baru \d+ dari \d+ laporan validasi)/);
  });
});
