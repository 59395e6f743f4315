import { normaliseIndonesianText, tokenise } from '@bekasi/indonesian-text';
import { UNITS } from '@bekasi/reference-data';
import { aComplaint, aKeywordRule, aRule } from '../testing/routing-mothers';
import { CAMAT_TOPIC_RULE_ID, defaultRulesFromReference, topicRuleId } from './default-rules';
import { compileRules, latestRuleVersions, RuleEngine, type CompiledRule, type RoutableComplaint, type RuleMatch } from './rule-engine';
import type { RoutingRule } from './routing-rule';
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

  it('finds exactly what scanning every pattern of every rule over both passages finds, on many generated complaints', () => {
    const rules: RoutingRule[] = [
      ...defaultRulesFromReference(),
      // Overlapping, repeated and reversed phrases, a repeated word, the same pattern twice, categories, priorities.
      aKeywordRule('SDABMBK', ['jalan', 'jalan rusak', 'rusak jalan', 'jalan jalan', 'jalan rusak parah', 'jalan rusak']),
      aKeywordRule('DLH', ['sampah', 'sampah sampah sampah', 'bau busuk'], { priority: 0.2 }),
      aKeywordRule('DISHUB', ['lampu jalan', 'jalan'], { priority: -0.1 }),
      aRule({ kind: 'category', unitCode: 'DINSOS', patterns: ['Bantuan Sosial', 'bantuan  sosial', 'Kesehatan'] }),
      aRule({ kind: 'category', unitCode: 'DINKES', patterns: ['Kesehatan'] }),
      aRule({ kind: 'keyword', unitCode: 'DINKES', patterns: ['puskesmas'], active: false }),
    ];
    const vocabulary = [...new Set(rules.flatMap((r) => r.patterns.flatMap((p) => p.split(/\s+/))))];
    const fillers = ['yang', 'di', 'dan', 'sudah', 'warga', 'Jln', 'yg', 'tdk', 'RT', '05', 'Babelan', 'tolong', '!', ',', '.', 'sejak', 'minggu'];
    const categories = [null, '', 'Bantuan Sosial', 'BANTUAN SOSIAL', 'Kesehatan', 'Infrastruktur', 'Lingkungan Hidup'];
    let seed = 20261201;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const words = (n: number) =>
      Array.from({ length: n }, () => (random() < 0.6 ? pick(vocabulary) : pick(fillers))).map((w) => (random() < 0.2 ? w.toUpperCase() : w)).join(' ');

    const indexed = new RuleEngine(rules);
    const scanning = new ScanningRuleEngine(rules);
    const view = (ms: RuleMatch[]) => ms.map((m) => ({ id: m.rule.id, unitCode: m.unitCode, matchedPatterns: m.matchedPatterns, strength: m.strength }));
    let matched = 0;
    for (let i = 0; i < 3000; i++) {
      const complaint = { title: random() < 0.2 ? null : words(Math.floor(random() * 6)), text: words(Math.floor(random() * 40)), category: pick(categories) };
      const expected = view(scanning.evaluate(complaint));
      expect(view(indexed.evaluate(complaint))).toEqual(expected);
      if (expected.length > 0) matched += 1;
    }
    expect(matched).toBeGreaterThan(2000); // the texts do exercise the rules
  });
});

/** The engine as it was before patterns were indexed: every pattern of every rule scanned over both passages. */
class ScanningRuleEngine {
  private readonly compiled: CompiledRule[];

  constructor(rules: readonly RoutingRule[]) {
    this.compiled = compileRules(rules);
  }

  evaluate(complaint: RoutableComplaint): RuleMatch[] {
    const containsPhrase = (haystack: readonly string[], phrase: readonly string[]) =>
      haystack.some((_, i) => i + phrase.length <= haystack.length && phrase.every((w, j) => haystack[i + j] === w));
    const passages = [complaint.title ?? '', complaint.text].map(tokenise);
    const category = complaint.category ? normaliseIndonesianText(complaint.category) : '';
    const matches: RuleMatch[] = [];
    for (const { rule, patterns } of this.compiled) {
      const hits = patterns.filter(({ words }) =>
        rule.kind === 'category' ? category !== '' && words[0] === category : passages.some((p) => containsPhrase(p, words)),
      );
      if (hits.length === 0) continue;
      const combined = 1 - hits.reduce((rest, h) => rest * (1 - h.strength), 1);
      matches.push({ rule, unitCode: rule.unitCode, matchedPatterns: hits.map((h) => h.pattern), strength: withPriority(combined, rule.priority) });
    }
    return matches.sort((a, b) => b.strength - a.strength || a.rule.id.localeCompare(b.rule.id));
  }
}
