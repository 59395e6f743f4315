// Who sees and who answers an escalation, decided once here. The Asda groups come from the units
// registry the admins edit (passed in as UnitGroups), never from a copy taken when the alert was
// raised: regrouping a unit moves its escalations to the new Asisten Daerah at once.
import { audienceOf, type AlertReader, type LadderRole } from './escalation-ladder';

/** The units registry as far as escalation needs it. */
export interface UnitGroups {
  asdaOf(unitCode: string): string | null;
  unitsOf(asdaGroup: string): readonly string[];
}

/** The escalations a reader may see: every unit's, or those of a list of units (possibly empty). */
export type AlertScope = { readonly allUnits: true } | { readonly allUnits: false; readonly unitCodes: readonly string[] };

/**
 * The addressee sees an escalation, and so does everyone above it over the same unit: officers and
 * the head their unit's, the Asda their group's, Sekda, Bupati and the LAPOR admin all of them.
 */
export function alertScopeOf(reader: AlertReader, groups: UnitGroups): AlertScope {
  switch (reader.role) {
    case 'admin':
    case 'sekda':
    case 'bupati':
      return { allUnits: true };
    case 'asda':
      return { allUnits: false, unitCodes: reader.asdaGroup ? groups.unitsOf(reader.asdaGroup) : [] };
    case 'unit_head':
    case 'officer':
      return { allUnits: false, unitCodes: reader.unitCode ? [reader.unitCode] : [] };
    default:
      return { allUnits: false, unitCodes: [] };
  }
}

export function scopeIncludes(scope: AlertScope, unitCode: string): boolean {
  return scope.allUnits || scope.unitCodes.includes(unitCode);
}

export function canSee(reader: AlertReader, unitCode: string, groups: UnitGroups): boolean {
  return scopeIncludes(alertScopeOf(reader, groups), unitCode);
}

/** The alerts addressed to a reader: their role, over the units the role answers for. */
export interface InboxFilter {
  role: LadderRole;
  scope: AlertScope;
}

export function inboxOf(reader: AlertReader, groups: UnitGroups): InboxFilter | null {
  switch (reader.role) {
    case 'unit_head':
    case 'asda':
      return { role: reader.role, scope: alertScopeOf(reader, groups) };
    case 'sekda':
    case 'bupati':
      return { role: reader.role, scope: { allUnits: true } };
    default:
      return null;
  }
}

/**
 * An escalation counts against a unit beyond its own head when it reached anyone above the head
 * (the Asda, the Sekda, the Bupati): the IKP's "escalation-free" indicator counts these.
 */
export function escalatedBeyondUnit(role: string): boolean {
  return role !== 'unit_head';
}

export interface AcknowledgeableStep {
  state: 'pending' | 'raised' | 'cancelled';
  role: LadderRole;
  unitCode: string;
  acknowledgedAt: Date | null;
  acknowledgedBy: string | null;
}

export type AcknowledgementDecision =
  | { outcome: 'not_found' }
  | { outcome: 'forbidden'; message: string }
  | { outcome: 'already_acknowledged' }
  | { outcome: 'acknowledged'; at: Date; by: string };

/**
 * Only a raised alert the reader may see can be acknowledged, and only by its addressee (an
 * officer cannot acknowledge for the head). A repeat changes nothing and answers the first one.
 */
export function decideAcknowledgement(step: AcknowledgeableStep | null, reader: AlertReader & { username: string }, groups: UnitGroups, now: Date): AcknowledgementDecision {
  if (!step || step.state !== 'raised' || !canSee(reader, step.unitCode, groups)) return { outcome: 'not_found' };
  const audience = audienceOf(step.role, step.unitCode, (u) => groups.asdaOf(u));
  if (!isAddressee(reader, audience)) return { outcome: 'forbidden', message: 'Hanya penerima eskalasi yang dapat mengonfirmasinya.' };
  if (step.acknowledgedAt) return { outcome: 'already_acknowledged' };
  return { outcome: 'acknowledged', at: now, by: reader.username };
}

function isAddressee(reader: AlertReader, audience: ReturnType<typeof audienceOf>): boolean {
  if (reader.role !== audience.role) return false;
  if (audience.role === 'unit_head') return reader.unitCode === audience.unitCode;
  if (audience.role === 'asda') return reader.asdaGroup !== null && reader.asdaGroup === audience.asdaGroup;
  return true;
}
