// Applies routing rules to a complaint and says which rules matched and on which words. Keywords
// are compared as stemmed words with stopwords removed (see tokenise), and a phrase must appear as
// consecutive words, so "jalan yang berlubang" matches the keyword "jalan berlubang" but "jalan"
// and "lubang" in different sentences do not. Category rules compare the complaint's category name.
import { normaliseIndonesianText, tokenise } from '@bekasi/indonesian-text';
import { patternStrength, withPriority, type RoutingRule } from './routing-rule';

export interface RuleMatch {
  rule: RoutingRule;
  /** The rule's unit, or null for a kecamatan-topic rule (the camat of the complaint's kecamatan). */
  unitCode: string | null;
  /** The rule's patterns that matched, as the rule spells them. */
  matchedPatterns: string[];
  /** 0–1: the matched patterns combined (1 − Π(1 − s)) and shifted by the rule's priority. */
  strength: number;
}

export interface RoutableComplaint {
  title?: string | null;
  text: string;
  category?: string | null;
}

interface CompiledPattern {
  pattern: string;
  words: string[];
  strength: number;
}

export interface CompiledRule {
  rule: RoutingRule;
  patterns: CompiledPattern[];
}

/**
 * The newest active version of each rule with its patterns as words (a category pattern as the
 * whole normalised category name) and their strength; empty patterns dropped.
 */
export function compileRules(rules: readonly RoutingRule[]): CompiledRule[] {
  // An inactive newest version switches the rule off: older versions must not come back.
  return latestRuleVersions(rules)
    .filter((rule) => rule.active)
    .map((rule) => ({
      rule,
      patterns: rule.patterns
        .map((pattern) => {
          const words = rule.kind === 'category' ? [normaliseIndonesianText(pattern)] : tokenise(pattern);
          return { pattern, words, strength: patternStrength(rule.kind, words.length) };
        })
        .filter((p) => p.words.length > 0 && p.words[0] !== ''),
    }));
}

/** Where a pattern sits: its rule and its place among the rule's patterns. */
interface PatternRef {
  rule: number;
  pattern: number;
  words: readonly string[];
}

function phraseAt(haystack: readonly string[], start: number, phrase: readonly string[]): boolean {
  if (start + phrase.length > haystack.length) return false;
  for (let j = 1; j < phrase.length; j++) if (haystack[start + j] !== phrase[j]) return false;
  return true;
}

function addTo(index: Map<string, PatternRef[]>, key: string, ref: PatternRef): void {
  const refs = index.get(key);
  if (refs) refs.push(ref);
  else index.set(key, [ref]);
}

/** The newest version of each rule id, among active and inactive rules alike. */
export function latestRuleVersions(rules: readonly RoutingRule[]): RoutingRule[] {
  const latest = new Map<string, RoutingRule>();
  for (const rule of rules) {
    const known = latest.get(rule.id);
    if (!known || rule.version > known.version) latest.set(rule.id, rule);
  }
  return [...latest.values()];
}

/**
 * Patterns are indexed by their first word (category patterns by the whole category name), so one
 * pass over a passage's words finds the candidates and checks only those, instead of scanning every
 * pattern of every rule over both passages.
 */
export class RuleEngine {
  private readonly compiled: CompiledRule[];
  private readonly byFirstWord = new Map<string, PatternRef[]>();
  private readonly byCategory = new Map<string, PatternRef[]>();

  constructor(rules: readonly RoutingRule[]) {
    this.compiled = compileRules(rules);
    this.compiled.forEach(({ rule, patterns }, r) =>
      patterns.forEach(({ words }, p) => addTo(rule.kind === 'category' ? this.byCategory : this.byFirstWord, words[0], { rule: r, pattern: p, words })),
    );
  }

  /** The rules in force: newest version of each id, active only. */
  get rules(): RoutingRule[] {
    return this.compiled.map((c) => c.rule);
  }

  /** Matching rules, strongest first. */
  evaluate(complaint: RoutableComplaint): RuleMatch[] {
    // hits[r][p]: pattern p of rule r matched (a rule's hits are reported in the rule's own order).
    const hits = new Map<number, boolean[]>();
    const hit = (ref: PatternRef) => {
      let ofRule = hits.get(ref.rule);
      if (!ofRule) hits.set(ref.rule, (ofRule = []));
      ofRule[ref.pattern] = true;
    };
    for (const passage of [tokenise(complaint.title ?? ''), tokenise(complaint.text)]) {
      for (let i = 0; i < passage.length; i++) {
        const candidates = this.byFirstWord.get(passage[i]);
        if (candidates) for (const ref of candidates) if (phraseAt(passage, i, ref.words)) hit(ref);
      }
    }
    const category = complaint.category ? normaliseIndonesianText(complaint.category) : '';
    if (category !== '') for (const ref of this.byCategory.get(category) ?? []) hit(ref);

    const matches: RuleMatch[] = [];
    for (const [r, ofRule] of hits) {
      const { rule, patterns } = this.compiled[r];
      const matched = patterns.filter((_, p) => ofRule[p]);
      const combined = 1 - matched.reduce((rest, h) => rest * (1 - h.strength), 1);
      matches.push({
        rule,
        unitCode: rule.unitCode,
        matchedPatterns: matched.map((h) => h.pattern),
        strength: withPriority(combined, rule.priority),
      });
    }
    return matches.sort((a, b) => b.strength - a.strength || a.rule.id.localeCompare(b.rule.id));
  }
}
