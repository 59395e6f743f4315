import { UNITS } from '@bekasi/reference-data';
import { aComplaint, aKeywordRule, aRule } from '../testing/routing-mothers';
import { CAMAT_TOPIC_RULE_ID, defaultRulesFromReference, topicRuleId } from './default-rules';
import { latestRuleVersions, RuleEngine } from './rule-engine';
import { patternStrength, RULE_STRENGTH, validateRoutingRule, withPriority } from './routing-rule';

describe('RuleEngine', () => {
  it('matches a keyword phrase across stopwords, affixes and slang', () => {
    const engine = new RuleEngine([aKeywordRule('SDABMBK', ['jalan berlubang'])]);
    for (const text of ['jalan berlubang', 'Jln yg berlubang', 'JALAN YANG BERLUBANGNYA DALAM']) {
      expect(engine.evaluate(aComplaint({ title: '', text }))).toHaveLength(1);
    }
  });

  it('requires the words of a phrase to be adjacent', () => {
    const engine = new RuleEngine([aKeywordRule('SDABMBK', ['jalan berlubang'])]);
    expect(engine.evaluate(aComplaint({ title: '', text: 'jalan ke sekolah macet, ada lubang galian' }))).toEqual([]);
  });

  it('reports the rule, the unit and the patterns that matched', () => {
    const rule = aKeywordRule('DLH', ['sampah', 'sampah tidak diangkut', 'limbah B3']);
    const [match] = new RuleEngine([rule]).evaluate(aComplaint({ title: 'Sampah', text: 'Sampah tdk diangkut 2 minggu di TPS' }));
    expect(match.rule).toBe(rule);
    expect(match.unitCode).toBe('DLH');
    expect(match.matchedPatterns).toEqual(['sampah', 'sampah tidak diangkut']);
  });

  it('combines matched patterns so two hits beat one', () => {
    const engine = new RuleEngine([aKeywordRule('DLH', ['sampah', 'bau busuk'])]);
    const one = engine.evaluate(aComplaint({ title: '', text: 'sampah menumpuk' }))[0].strength;
    const two = engine.evaluate(aComplaint({ title: '', text: 'sampah menumpuk, bau busuk' }))[0].strength;
    expect(one).toBeCloseTo(RULE_STRENGTH.oneWord);
    expect(two).toBeCloseTo(1 - (1 - RULE_STRENGTH.oneWord) * (1 - RULE_STRENGTH.twoWords));
  });

  it('matches a category rule on the category name, not on the text', () => {
    const engine = new RuleEngine([aRule({ kind: 'category', patterns: ['Jalan Berlubang'], unitCode: 'SDABMBK' })]);
    expect(engine.evaluate(aComplaint({ category: 'JALAN BERLUBANG', text: 'tolong' }))[0].strength).toBeCloseTo(RULE_STRENGTH.category);
    expect(engine.evaluate(aComplaint({ category: null, title: 'Jalan berlubang' }))).toEqual([]);
  });

  it('sorts matches strongest first', () => {
    const engine = new RuleEngine([
      aKeywordRule('DISHUB', ['truk']),
      aKeywordRule('DLH', ['sampah tidak diangkut']),
    ]);
    const matches = engine.evaluate(aComplaint({ title: '', text: 'sampah tidak diangkut, truk antre' }));
    expect(matches.map((m) => m.unitCode)).toEqual(['DLH', 'DISHUB']);
  });

  it('ignores inactive rules and uses only the newest version of a rule', () => {
    const engine = new RuleEngine([
      aRule({ id: 'r1', version: 1, patterns: ['jalan rusak'], unitCode: 'SDABMBK' }),
      aRule({ id: 'r1', version: 2, patterns: ['jalan rusak'], unitCode: 'DISPERKIMTAN' }),
      aRule({ id: 'r2', version: 3, patterns: ['jalan rusak'], unitCode: 'DISHUB', active: false }),
      aRule({ id: 'r2', version: 2, patterns: ['jalan rusak'], unitCode: 'DISHUB', active: true }),
    ]);
    expect(engine.rules.map((r) => `${r.id}@${r.version}`)).toEqual(['r1@2']);
    expect(engine.evaluate(aComplaint({ title: '', text: 'jalan rusak' })).map((m) => m.unitCode)).toEqual(['DISPERKIMTAN']);
  });

  it('shifts strength by priority and keeps it inside (0, 1)', () => {
    const high = aKeywordRule('BPBD', ['banjir'], { priority: 2 });
    const low = aKeywordRule('SDABMBK', ['banjir'], { priority: -1 });
    const [first, second] = new RuleEngine([high, low]).evaluate(aComplaint({ title: '', text: 'banjir' }));
    expect(first.unitCode).toBe('BPBD');
    expect(first.strength).toBeCloseTo(RULE_STRENGTH.oneWord + 0.2);
    expect(second.strength).toBeCloseTo(RULE_STRENGTH.oneWord - 0.1);
    expect(withPriority(0.9, 10)).toBe(RULE_STRENGTH.max);
    expect(withPriority(0.5, -10)).toBe(RULE_STRENGTH.min);
  });

  it('leaves a kecamatan-topic rule without a unit for the decision to resolve', () => {
    const engine = new RuleEngine([aRule({ kind: 'kecamatan-topic', patterns: ['surat keterangan domisili'], unitCode: null })]);
    expect(engine.evaluate(aComplaint({ title: '', text: 'minta surat keterangan domisili dipersulit' }))).toEqual([
      expect.objectContaining({ unitCode: null, matchedPatterns: ['surat keterangan domisili'] }),
    ]);
  });
});

describe('routing rules', () => {
  it('rates longer phrases as more specific', () => {
    expect(patternStrength('keyword', 1)).toBeLessThan(patternStrength('keyword', 2));
    expect(patternStrength('keyword', 2)).toBeLessThan(patternStrength('keyword', 3));
    expect(patternStrength('category', 1)).toBe(RULE_STRENGTH.category);
  });

  it('accepts a well-formed rule', () => {
    expect(validateRoutingRule(aRule())).toEqual([]);
  });

  it('names what is wrong with a rule, in Bahasa Indonesia', () => {
    const problems = validateRoutingRule(aRule({ id: ' ', version: 0, patterns: ['  '], unitCode: null, kind: 'keyword' }));
    expect(problems).toEqual([
      'ID aturan wajib diisi.',
      'Versi aturan harus bilangan bulat ≥ 1.',
      'Aturan harus memiliki minimal satu pola.',
      'Aturan kategori dan kata kunci harus menyebut unit tujuan.',
    ]);
    expect(validateRoutingRule(aRule({ kind: 'kecamatan-topic', unitCode: null }))).toEqual([]);
  });

  it('picks the newest version of each rule id', () => {
    const rules = [aRule({ id: 'a', version: 2 }), aRule({ id: 'a', version: 5 }), aRule({ id: 'b', version: 1 })];
    expect(latestRuleVersions(rules).map((r) => `${r.id}@${r.version}`)).toEqual(['a@5', 'b@1']);
  });
});

describe('defaultRulesFromReference', () => {
  const rules = defaultRulesFromReference();
  const engine = new RuleEngine(rules);
  const unitsFor = (text: string) => engine.evaluate(aComplaint({ title: '', text })).map((m) => m.unitCode).sort();

  it('builds one keyword rule per unit and one camat-topic rule', () => {
    const dinasUnits = UNITS.filter((u) => u.kind !== 'kecamatan');
    expect(rules).toHaveLength(dinasUnits.length + 1);
    expect(rules.find((r) => r.id === topicRuleId('SDABMBK'))).toMatchObject({ kind: 'keyword', unitCode: 'SDABMBK', version: 1, active: true });
    expect(rules.find((r) => r.id === CAMAT_TOPIC_RULE_ID)).toMatchObject({ kind: 'kecamatan-topic', unitCode: null });
    expect(rules.every((r) => validateRoutingRule(r).length === 0)).toBe(true);
  });

  it.each([
    ['banjir setinggi pinggang', ['BPBD', 'SDABMBK']],
    ['ada bangunan liar di pinggir kali', ['DCKTR', 'SATPOL_PP']],
    ['disiplin ASN di kantor dinas buruk', ['BKPSDM', 'INSPEKTORAT']],
  ])('backs both units of the deliberately shared keyword in "%s"', (text, units) => {
    expect(unitsFor(text)).toEqual(expect.arrayContaining(units));
  });

  it('routes PJU to Dishub and PJU in a housing estate to Disperkimtan as well', () => {
    expect(unitsFor('lampu PJU mati')).toEqual(['DISHUB']);
    expect(unitsFor('PJU perumahan mati')).toEqual(['DISHUB', 'DISPERKIMTAN']);
  });

  it('recognises camat topics', () => {
    const [match] = engine.evaluate(aComplaint({ title: '', text: 'minta surat keterangan ahli waris di kecamatan' }));
    expect(match).toMatchObject({ unitCode: null, matchedPatterns: ['surat keterangan ahli waris'] });
    expect(match.rule.id).toBe(CAMAT_TOPIC_RULE_ID);
  });
});
