// A routing rule says "complaints with these words (or this category) belong to this unit". Rules
// are data an admin manages: each edit creates a new version under the same id, and the engine
// uses the highest version. Kecamatan-topic rules name no unit: they send the complaint to the
// camat of the kecamatan the complaint is about, which the gazetteer has to find.

export type RoutingRuleKind = 'category' | 'keyword' | 'kecamatan-topic';

export interface RoutingRule {
  id: string;
  version: number;
  kind: RoutingRuleKind;
  /** Category names (kind 'category') or words and phrases, in any spelling a citizen might use. */
  patterns: readonly string[];
  /**
   * The unit the rule routes to. Null only for 'kecamatan-topic': the camat of the complaint's own
   * kecamatan.
   */
  unitCode: string | null;
  /** 0 is normal; each step up or down moves the rule's strength by 0.1. */
  priority: number;
  active: boolean;
}

/**
 * Base strength of one matched pattern. A category chosen by the reporter or admin is strong
 * evidence; a longer phrase is more specific than a single word ("jalan berlubang" vs "obat").
 */
export const RULE_STRENGTH = {
  category: 0.8,
  oneWord: 0.5,
  twoWords: 0.65,
  longerPhrase: 0.75,
  perPriorityStep: 0.1,
  min: 0.05,
  max: 0.95,
} as const;

export function patternStrength(kind: RoutingRuleKind, wordCount: number): number {
  if (kind === 'category') return RULE_STRENGTH.category;
  if (wordCount <= 1) return RULE_STRENGTH.oneWord;
  return wordCount === 2 ? RULE_STRENGTH.twoWords : RULE_STRENGTH.longerPhrase;
}

/** Shifts a strength by the rule's priority and keeps it inside (0, 1). */
export function withPriority(strength: number, priority: number): number {
  const shifted = strength + RULE_STRENGTH.perPriorityStep * priority;
  return Math.min(RULE_STRENGTH.max, Math.max(RULE_STRENGTH.min, shifted));
}

/** Problems that make a rule unusable, in Bahasa Indonesia for the admin screen; empty when valid. */
export function validateRoutingRule(rule: RoutingRule): string[] {
  const problems: string[] = [];
  if (rule.id.trim().length === 0) problems.push('ID aturan wajib diisi.');
  if (!Number.isInteger(rule.version) || rule.version < 1) problems.push('Versi aturan harus bilangan bulat ≥ 1.');
  if (rule.patterns.filter((p) => p.trim().length > 0).length === 0) problems.push('Aturan harus memiliki minimal satu pola.');
  if (rule.unitCode === null && rule.kind !== 'kecamatan-topic') {
    problems.push('Aturan kategori dan kata kunci harus menyebut unit tujuan.');
  }
  if (!Number.isFinite(rule.priority)) problems.push('Prioritas harus berupa angka.');
  return problems;
}
