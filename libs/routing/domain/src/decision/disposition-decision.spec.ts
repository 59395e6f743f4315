import { Gazetteer } from '@bekasi/indonesian-text';
import { trainDispositionModel } from '../model/disposition-model';
import { defaultRulesFromReference } from '../rules/default-rules';
import { RuleEngine } from '../rules/rule-engine';
import { RULE_STRENGTH } from '../rules/routing-rule';
import { aComplaint, aKeywordRule, aRule, aVagueComplaint, anExample } from '../testing/routing-mothers';
import { autoRoutePolicy, BOUNCE_LIMIT, decideDisposition, type DecideDispositionInput, type DecisionReason } from './disposition-decision';

const gazetteer = Gazetteer.fromReference();
const referenceRules = defaultRulesFromReference();
const coldStartModel = trainDispositionModel([]);

function decide(overrides: Partial<DecideDispositionInput> = {}) {
  return decideDisposition({
    complaint: aComplaint(),
    rules: referenceRules,
    gazetteer,
    model: coldStartModel,
    bounceCount: 0,
    autoRouteThreshold: 0.5,
    ...overrides,
  });
}

const texts = (reasons: DecisionReason[]) => reasons.map((r) => r.text);
const policyOf = (reasons: DecisionReason[]) => reasons.filter((r) => r.source === 'policy').map((r) => (r.source === 'policy' ? r.policy : ''));

const potholeInBabelan = aComplaint({
  title: 'Jalan berlubang di Jalan Raya Babelan',
  text: 'Lubang jalan besar dekat pertigaan Kedungpengawas, kalau hujan tertutup genangan. Mohon segera ditambal.',
});
const domicileLetterInTarumajaya = aComplaint({
  title: 'Surat keterangan domisili dipersulit di kantor desa',
  text: 'Saya minta surat keterangan domisili di kantor Desa Pusakarakyat, Tarumajaya, tapi kepala desa tidak ada.',
});
const domicileLetterNowhere = aComplaint({
  title: 'Surat keterangan domisili dipersulit',
  text: 'Saya minta surat keterangan domisili di kantor desa, disuruh balik lagi tiga kali.',
});
const flood = aComplaint({ title: 'Banjir', text: 'Banjir lagi di kampung kami.' });

describe('decideDisposition', () => {
  describe('routing to a dinas', () => {
    it('routes a clear complaint and says why, in Bahasa Indonesia', () => {
      const decision = decide({ complaint: potholeInBabelan });
      expect(decision).toMatchObject({ outcome: 'route', unitCode: 'SDABMBK', kecamatanCode: 'babelan' });
      expect(decision.confidence).toBeGreaterThanOrEqual(0.5);
      expect(texts(decision.reasons)).toEqual(
        expect.arrayContaining([
          "Kata kunci 'jalan berlubang', 'lubang jalan', 'genangan' → Dinas SDABMBK",
          'Lokasi: Kecamatan Babelan, Desa Kedungpengawas → Kecamatan Babelan (keyakinan 96%)',
          expect.stringMatching(/^Model riwayat disposisi: Dinas SDABMBK dengan peluang \d+% \(kata: .+\)$/),
          expect.stringMatching(/^Keyakinan \d+% mencapai ambang 50%: didisposisikan ke Dinas SDABMBK$/),
        ]),
      );
      expect(decision.alternatives.map((a) => a.unitCode)).not.toContain('SDABMBK');
    });

    it('records which rule and which words matched', () => {
      const decision = decide({ complaint: potholeInBabelan });
      const rule = decision.reasons.find((r) => r.source === 'rule');
      expect(rule).toMatchObject({ source: 'rule', unitCode: 'SDABMBK', ruleId: 'ref-topik-sdabmbk', ruleVersion: 1, matched: ['jalan berlubang', 'lubang jalan', 'genangan'] });
    });

    it('scores rules alone when there is no model: confidence = best − ½ runner-up', () => {
      const decision = decide({ model: null, complaint: aComplaint({ title: '', text: 'Jalan berlubang' }) });
      expect(decision.outcome).toBe('route');
      expect(decision.confidence).toBeCloseTo(RULE_STRENGTH.twoWords);
      expect(decision.reasons.some((r) => r.source === 'model')).toBe(false);
    });

    it('halves the confidence when a shared keyword backs two units equally', () => {
      const decision = decide({ model: null, complaint: flood });
      expect(decision.outcome).toBe('triage');
      expect(decision.confidence).toBeCloseTo(RULE_STRENGTH.oneWord / 2);
      expect(decision.alternatives.map((a) => a.unitCode)).toEqual(['BPBD', 'SDABMBK']);
      expect(policyOf(decision.reasons)).toEqual(['below-threshold']);
      expect(texts(decision.reasons)).toContain('Keyakinan 25% di bawah ambang 50%: perlu ditinjau admin');
    });

    it('lets the admin weigh rules against the model', () => {
      const history = trainDispositionModel([anExample('BPBD', 'banjir'), anExample('BPBD', 'banjir lagi')], { topicWeight: 0 });
      const modelOnly = decide({ complaint: flood, model: history, weights: { rules: 0, model: 1 } });
      expect(modelOnly).toMatchObject({ outcome: 'route', unitCode: 'BPBD' });
      expect(() => decide({ weights: { rules: 0, model: 0 } })).toThrow(/weights/);
    });

    it('accepts a prebuilt rule engine', () => {
      expect(decide({ complaint: potholeInBabelan, rules: new RuleEngine(referenceRules) }).unitCode).toBe('SDABMBK');
    });

    it('reports the kecamatan whatever the unit', () => {
      expect(decide({ complaint: aComplaint({ title: 'KTP-el belum jadi', text: 'Rekam KTP-el di kecamatan Cikarang Barat, blangko kosong' }) })).toMatchObject({
        outcome: 'route',
        unitCode: 'DISDUKCAPIL',
        kecamatanCode: 'cikarang-barat',
      });
    });
  });

  describe('camat topics', () => {
    it('go to the camat of the kecamatan the complaint names', () => {
      const decision = decide({ complaint: domicileLetterInTarumajaya });
      expect(decision).toMatchObject({ outcome: 'route', unitCode: 'KEC_TARUMAJAYA', kecamatanCode: 'tarumajaya' });
      expect(texts(decision.reasons)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Topik kewenangan camat .*'surat keterangan domisili'.* → Kecamatan Tarumajaya$/),
          expect.stringMatching(/^Model riwayat disposisi: Kecamatan Tarumajaya dengan peluang/),
        ]),
      );
      expect(decision.reasons.find((r) => r.source === 'rule')).toMatchObject({ unitCode: 'KEC_TARUMAJAYA' });
    });

    it('go to triage when no kecamatan can be found', () => {
      const decision = decide({ complaint: domicileLetterNowhere });
      expect(decision).toMatchObject({ outcome: 'triage', kecamatanCode: null });
      expect(decision.unitCode).toBeUndefined();
      expect(policyOf(decision.reasons)).toEqual(['camat-without-place']);
      expect(texts(decision.reasons)).toContain('Topik kewenangan camat, tetapi kecamatan lokasi tidak ditemukan: perlu ditinjau admin');
      expect(decision.alternatives.some((a) => a.unitCode.startsWith('KEC_'))).toBe(false);
    });

    it('can be pinned to one camat by a rule that names the unit', () => {
      const pinned = aRule({ kind: 'kecamatan-topic', patterns: ['surat keterangan domisili'], unitCode: 'KEC_BABELAN', priority: 3 });
      const decision = decide({ complaint: domicileLetterNowhere, rules: [pinned], model: null });
      expect(decision).toMatchObject({ outcome: 'route', unitCode: 'KEC_BABELAN' });
    });

    it('never go to a camat that answered "bukan kewenangan"', () => {
      const decision = decide({ complaint: domicileLetterInTarumajaya, excludeUnits: ['KEC_TARUMAJAYA'] });
      expect(decision.unitCode).not.toBe('KEC_TARUMAJAYA');
      expect(decision.alternatives.map((a) => a.unitCode)).not.toContain('KEC_TARUMAJAYA');
    });

    it('resolve directly when the model was trained per camat unit', () => {
      const perCamat = trainDispositionModel(
        [anExample('KEC_BABELAN', 'surat keterangan domisili'), anExample('KEC_BABELAN', 'surat domisili lambat')],
        { collapseCamatUnits: false, topicWeight: 0 },
      );
      const decision = decide({ complaint: domicileLetterNowhere, model: perCamat, rules: [], weights: { rules: 0, model: 1 } });
      expect(decision).toMatchObject({ outcome: 'route', unitCode: 'KEC_BABELAN' });
    });
  });

  describe('bukan kewenangan', () => {
    it('never chooses or suggests an excluded unit, and says so', () => {
      const decision = decide({ complaint: potholeInBabelan, excludeUnits: ['SDABMBK'], bounceCount: 1 });
      expect(decision.unitCode).not.toBe('SDABMBK');
      expect(decision.alternatives.map((a) => a.unitCode)).not.toContain('SDABMBK');
      expect(texts(decision.reasons)).toContain('Tidak dipilih karena sudah menyatakan bukan kewenangan: Dinas SDABMBK');
    });

    it(`sends a complaint bounced ${BOUNCE_LIMIT} times to triage however sure the router is`, () => {
      const confident = decide({ complaint: potholeInBabelan, bounceCount: 1 });
      expect(confident.outcome).toBe('route');
      const bounced = decide({ complaint: potholeInBabelan, bounceCount: BOUNCE_LIMIT });
      expect(bounced).toMatchObject({ outcome: 'triage', kecamatanCode: 'babelan' });
      expect(bounced.unitCode).toBeUndefined();
      expect(bounced.alternatives[0].unitCode).toBe('SDABMBK');
      expect(policyOf(bounced.reasons)).toEqual(['bounced']);
      expect(texts(bounced.reasons)).toContain('Laporan sudah 2 kali dikembalikan sebagai bukan kewenangan: perlu diputuskan admin');
    });
  });

  describe('triage', () => {
    it('below the threshold, with the best candidates as suggestions', () => {
      const decision = decide({ complaint: potholeInBabelan, autoRouteThreshold: 0.99 });
      expect(decision.outcome).toBe('triage');
      expect(decision.alternatives[0].unitCode).toBe('SDABMBK');
      expect(decision.alternatives.length).toBeLessThanOrEqual(5);
      expect(policyOf(decision.reasons)).toEqual(['below-threshold']);
    });

    it('when nothing points anywhere', () => {
      const decision = decide({ complaint: aVagueComplaint(), model: null });
      expect(decision).toMatchObject({ outcome: 'triage', confidence: 0, kecamatanCode: null, alternatives: [] });
      expect(texts(decision.reasons)).toEqual(['Tidak ada kata kunci, lokasi, atau pola riwayat yang cocok: perlu ditinjau admin']);
    });

    it('when only the model has a weak guess', () => {
      const decision = decide({ complaint: aVagueComplaint() });
      expect(decision.outcome).toBe('triage');
      expect(decision.confidence).toBeLessThan(0.2);
    });

    it('orders suggestions best first, always offers three, and drops noise beyond them', () => {
      const decision = decide({ complaint: flood });
      const { alternatives } = decision;
      for (let i = 1; i < alternatives.length; i++) expect(alternatives[i - 1].score).toBeGreaterThanOrEqual(alternatives[i].score);
      expect(alternatives.slice(3).every((a) => a.score >= 0.02)).toBe(true);
      expect(decision.suggestions).toHaveLength(3);
      expect(decision.suggestions.map((s) => s.unitCode)).toEqual(alternatives.slice(0, 3).map((a) => a.unitCode));
      expect(decision.suggestions[0]).toMatchObject({ unitName: expect.any(String), words: expect.arrayContaining(['banjir']) });
    });

    it('never routes to a manual-only unit (the regency as a whole), but suggests it', () => {
      const decision = decide({ complaint: potholeInBabelan, manualOnlyUnits: new Set(['SDABMBK']) });
      expect(decision.outcome).toBe('triage');
      expect(policyOf(decision.reasons)).toEqual(['manual-only-unit']);
      expect(decision.suggestions[0].unitCode).toBe('SDABMBK');
    });

    it('never routes a request for information: whoever holds the information answers it', () => {
      const decision = decide({ complaint: { ...potholeInBabelan, classification: 'Permintaan Informasi' } });
      expect(decision.outcome).toBe('triage');
      expect(policyOf(decision.reasons)).toEqual(['information-request']);
      expect(decision.suggestions[0].unitCode).toBe('SDABMBK');
    });

    it('does not route to a unit with little history once the model has learnt from real history, but suggests it', () => {
      const history = (sdabmbk: number) => [
        ...Array.from({ length: 120 }, (_, i) => anExample(i % 2 ? 'DLH' : 'DINSOS', i % 2 ? `sampah menumpuk nomor ${i}` : `bansos tidak cair nomor ${i}`)),
        ...Array.from({ length: sdabmbk }, (_, i) => anExample('SDABMBK', `jalan berlubang besar nomor ${i}`)),
      ];
      const rare = decide({ complaint: potholeInBabelan, model: trainDispositionModel(history(5)) });
      expect(rare.outcome).toBe('triage');
      expect(policyOf(rare.reasons)).toEqual(['rare-unit']);
      expect(texts(rare.reasons)).toContain(
        'Dinas SDABMBK baru 5 kali menerima disposisi dalam riwayat (kurang dari 20): tidak didisposisikan otomatis, perlu ditinjau admin',
      );
      expect(rare.suggestions[0].unitCode).toBe('SDABMBK');
      expect(decide({ complaint: potholeInBabelan, model: trainDispositionModel(history(25)) })).toMatchObject({ outcome: 'route', unitCode: 'SDABMBK' });
      // Without real history (cold start) the rules carry the decision.
      expect(decide({ complaint: potholeInBabelan })).toMatchObject({ outcome: 'route', unitCode: 'SDABMBK' });
    });

    it('routes nothing when no threshold reached the precision target', () => {
      const decision = decide({ complaint: potholeInBabelan, autoRouteThreshold: null });
      expect(decision.outcome).toBe('triage');
      expect(texts(decision.reasons)).toContain('Belum ada ambang disposisi otomatis yang cukup presisi: perlu ditinjau admin');
    });

    it('routes to a unit certified by its own record from its own threshold, and only to such a unit', () => {
      const certified = decide({ complaint: potholeInBabelan, autoRouteThreshold: null, autoRouteUnits: new Map([['SDABMBK', 0.3]]) });
      expect(certified).toMatchObject({ outcome: 'route', unitCode: 'SDABMBK' });
      expect(texts(certified.reasons)).toContainEqual(expect.stringMatching(/^Keyakinan \d+% mencapai ambang 30%: didisposisikan ke Dinas SDABMBK$/));
      // The unit's own threshold is a floor the global one may lower, never raise.
      expect(decide({ complaint: potholeInBabelan, autoRouteThreshold: 0.3, autoRouteUnits: new Map([['SDABMBK', 0.99]]) }).outcome).toBe('route');
      expect(decide({ complaint: potholeInBabelan, autoRouteThreshold: null, autoRouteUnits: new Map([['SDABMBK', 0.99]]) }).outcome).toBe('triage');
      const other = decide({ complaint: potholeInBabelan, autoRouteThreshold: null, autoRouteUnits: new Map([['TIRTA_BHAGASASI', 0.1]]) });
      expect(other.outcome).toBe('triage');
      expect(texts(other.reasons)).toContain('Dinas SDABMBK belum terbukti cukup tepat pada validasi untuk didisposisikan otomatis: perlu ditinjau admin');
    });

    it('says which threshold the best candidate was held to, routed or not (what the decision record stores)', () => {
      expect(decide({ complaint: potholeInBabelan, autoRouteThreshold: null, autoRouteUnits: new Map([['SDABMBK', 0.3]]) }).threshold).toBe(0.3);
      expect(decide({ complaint: potholeInBabelan, autoRouteThreshold: 0.3, autoRouteUnits: new Map([['SDABMBK', 0.99]]) }).threshold).toBe(0.3);
      expect(decide({ complaint: potholeInBabelan, autoRouteThreshold: 0.4, autoRouteUnits: new Map([['TIRTA_BHAGASASI', 0.1]]) }).threshold).toBe(0.4);
      const held = decide({ complaint: potholeInBabelan, autoRouteThreshold: 0.99, autoRouteUnits: new Map([['SDABMBK', 0.98]]) });
      expect(held).toMatchObject({ outcome: 'triage', threshold: 0.98 });
      expect(decide({ complaint: potholeInBabelan, autoRouteThreshold: null }).threshold).toBeNull();
    });
  });

  it('keeps rule priorities: a higher-priority rule for a unit wins the shared keyword', () => {
    const rules = [aKeywordRule('BPBD', ['banjir'], { priority: 3 }), aKeywordRule('SDABMBK', ['banjir'])];
    expect(decide({ complaint: flood, rules, model: null })).toMatchObject({ outcome: 'route', unitCode: 'BPBD' });
  });

  it('rejects a threshold outside [0, 1] and a negative bounce count', () => {
    expect(() => decide({ autoRouteThreshold: 1.5 })).toThrow(/autoRouteThreshold/);
    expect(() => decide({ bounceCount: -1 })).toThrow(/bounceCount/);
  });
});

describe('decideDisposition with merged and closed units', () => {
  const streetLights = aComplaint({ title: 'Lampu PJU perumahan mati', text: 'Lampu PJU di perumahan kami mati, Desa Lambangsari Tambun Selatan' });

  it("gives a merged unit's evidence to its successor", () => {
    const before = decide({ complaint: streetLights });
    const candidates = (d: ReturnType<typeof decide>) => [d.unitCode, ...d.alternatives.map((a) => a.unitCode)].filter(Boolean);
    expect(candidates(before)).toContain('DISPERKIMTAN');
    const after = decide({ complaint: streetLights, unitRedirects: new Map([['DISPERKIMTAN', 'DCKTR']]) });
    expect(candidates(after)).not.toContain('DISPERKIMTAN');
    expect(candidates(after)).toContain('DCKTR');
  });

  it('routes nothing to a closed unit', () => {
    const decision = decide({ complaint: potholeInBabelan, unitRedirects: new Map([['SDABMBK', null]]) });
    expect(decision.unitCode).not.toBe('SDABMBK');
    expect(decision.alternatives.map((a) => a.unitCode)).not.toContain('SDABMBK');
  });

  it('treats a refusal by a merged unit as a refusal by its successor', () => {
    const decision = decide({ complaint: potholeInBabelan, excludeUnits: ['OLD_PU'], unitRedirects: new Map([['OLD_PU', 'SDABMBK']]), bounceCount: 1 });
    expect(decision.unitCode).not.toBe('SDABMBK');
  });
});

describe('autoRoutePolicy', () => {
  const units = new Map([['PDAM', 0.4]]);

  it('decides with what the training chose: the global threshold and the certified units', () => {
    expect(autoRoutePolicy({ threshold: 0.8, units }, undefined)).toEqual({ autoRouteThreshold: 0.8, autoRouteUnits: units });
    expect(autoRoutePolicy({ threshold: null, units }, undefined)).toEqual({ autoRouteThreshold: null, autoRouteUnits: units });
  });

  it("with an operator's fixed threshold, that one holds for every unit, certified ones included", () => {
    expect(autoRoutePolicy({ threshold: 0.8, units }, 0.95)).toEqual({ autoRouteThreshold: 0.95, autoRouteUnits: undefined });
  });
});
