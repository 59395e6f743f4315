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

interface CompiledRule {
  rule: RoutingRule;
  patterns: CompiledPattern[];
}

function containsPhrase(haystack: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= haystack.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (haystack[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
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

export class RuleEngine {
  private readonly compiled: CompiledRule[];

  constructor(rules: readonly RoutingRule[]) {
    // An inactive newest version switches the rule off: older versions must not come back.
    this.compiled = latestRuleVersions(rules)
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

  /** The rules in force: newest version of each id, active only. */
  get rules(): RoutingRule[] {
    return this.compiled.map((c) => c.rule);
  }

  /** Matching rules, strongest first. */
  evaluate(complaint: RoutableComplaint): RuleMatch[] {
    const passages = [complaint.title ?? '', complaint.text].map(tokenise);
    const category = complaint.category ? normaliseIndonesianText(complaint.category) : '';
    const matches: RuleMatch[] = [];
    for (const { rule, patterns } of this.compiled) {
      const hits = patterns.filter(({ words }) =>
        rule.kind === 'category' ? category !== '' && words[0] === category : passages.some((p) => containsPhrase(p, words)),
      );
      if (hits.length === 0) continue;
      const combined = 1 - hits.reduce((rest, h) => rest * (1 - h.strength), 1);
      matches.push({
        rule,
        unitCode: rule.unitCode,
        matchedPatterns: hits.map((h) => h.pattern),
        strength: withPriority(combined, rule.priority),
      });
    }
    return matches.sort((a, b) => b.strength - a.strength || a.rule.id.localeCompare(b.rule.id));
  }
}
