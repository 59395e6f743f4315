// CONFIGURABLE DEFAULT: keyword rules seeded from the `topics` of each unit in the reference data.
// Some keywords sit under two units on purpose (banjir: BPBD and SDABMBK; bangunan liar: DCKTR and
// Satpol PP; disiplin ASN: BKPSDM and Inspektorat): the rules then back both units equally and the
// history model or the admin decides. The camat topics become one kecamatan-topic rule, because
// they belong to whichever camat governs the complaint's location.
import { UNITS, type UnitReference } from '@bekasi/reference-data';
import type { RoutingRule } from './routing-rule';

export const CAMAT_TOPIC_RULE_ID = 'ref-topik-camat';

export function topicRuleId(unitCode: string): string {
  return `ref-topik-${unitCode.toLowerCase().replace(/_/g, '-')}`;
}

export function defaultRulesFromReference(units: readonly UnitReference[] = UNITS): RoutingRule[] {
  const rules: RoutingRule[] = units
    .filter((unit) => unit.kind !== 'kecamatan' && unit.topics.length > 0)
    .map((unit) => ({
      id: topicRuleId(unit.code),
      version: 1,
      kind: 'keyword',
      patterns: [...unit.topics],
      unitCode: unit.code,
      priority: 0,
      active: true,
    }));
  const camatTopics = [...new Set(units.filter((u) => u.kind === 'kecamatan').flatMap((u) => u.topics))];
  if (camatTopics.length > 0) {
    rules.push({
      id: CAMAT_TOPIC_RULE_ID,
      version: 1,
      kind: 'kecamatan-topic',
      patterns: camatTopics,
      unitCode: null,
      priority: 0,
      active: true,
    });
  }
  return rules;
}
