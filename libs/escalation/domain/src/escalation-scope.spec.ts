import { alertScopeOf, canSee, decideAcknowledgement, escalatedBeyondUnit, inboxOf, type AcknowledgeableStep, type UnitGroups } from './escalation-scope';

/** A registry where DINSOS and DP3A are Asda I's and DLH is Asda II's; `move` regroups a unit as an admin would. */
function registry(): UnitGroups & { move(unit: string, group: string): void } {
  const groups = new Map([['DINSOS', 'I'], ['DP3A', 'I'], ['DLH', 'II']]);
  return {
    asdaOf: (u) => groups.get(u) ?? null,
    unitsOf: (g) => [...groups].filter(([, group]) => group === g).map(([u]) => u),
    move: (u, g) => void groups.set(u, g),
  };
}
const reader = (role: string, unitCode: string | null = null, asdaGroup: string | null = null) => ({ role, unitCode, asdaGroup, username: `${role}.user` });
const step = (changes: Partial<AcknowledgeableStep> = {}): AcknowledgeableStep => ({ state: 'raised', role: 'unit_head', unitCode: 'DINSOS', acknowledgedAt: null, acknowledgedBy: null, ...changes });
const now = new Date('2026-03-10T03:00:00Z');

describe('who sees an escalation', () => {
  it('shows it to the unit, its Asda and everyone above, and to nobody else', () => {
    const groups = registry();
    expect(canSee(reader('officer', 'DINSOS'), 'DINSOS', groups)).toBe(true);
    expect(canSee(reader('unit_head', 'DLH'), 'DINSOS', groups)).toBe(false);
    expect(canSee(reader('asda', null, 'I'), 'DINSOS', groups)).toBe(true);
    expect(canSee(reader('asda', null, 'II'), 'DINSOS', groups)).toBe(false);
    expect(canSee(reader('asda'), 'DINSOS', groups)).toBe(false);
    for (const role of ['admin', 'sekda', 'bupati']) expect(canSee(reader(role), 'DINSOS', groups)).toBe(true);
    expect(canSee(reader('reporter'), 'DINSOS', groups)).toBe(false);
  });

  it('gives the repository one scope to filter by: all units or a list', () => {
    const groups = registry();
    expect(alertScopeOf(reader('sekda'), groups)).toEqual({ allUnits: true });
    expect(alertScopeOf(reader('asda', null, 'I'), groups)).toEqual({ allUnits: false, unitCodes: ['DINSOS', 'DP3A'] });
    expect(alertScopeOf(reader('unit_head'), groups)).toEqual({ allUnits: false, unitCodes: [] });
  });

  it('moves a regrouped unit\'s escalations to its new Asda at once', () => {
    const groups = registry();
    groups.move('DINSOS', 'II');
    expect(canSee(reader('asda', null, 'I'), 'DINSOS', groups)).toBe(false);
    expect(canSee(reader('asda', null, 'II'), 'DINSOS', groups)).toBe(true);
    expect(decideAcknowledgement(step({ role: 'asda' }), reader('asda', null, 'II'), groups, now).outcome).toBe('acknowledged');
  });

  it('fills the inbox of the addressed positions only', () => {
    const groups = registry();
    expect(inboxOf(reader('asda', null, 'II'), groups)).toEqual({ role: 'asda', scope: { allUnits: false, unitCodes: ['DLH'] } });
    expect(inboxOf(reader('sekda'), groups)).toEqual({ role: 'sekda', scope: { allUnits: true } });
    expect(inboxOf(reader('officer', 'DLH'), groups)).toBeNull();
  });
});

describe('acknowledging an alert', () => {
  it('lets only the addressee acknowledge, once', () => {
    const groups = registry();
    expect(decideAcknowledgement(step(), reader('unit_head', 'DINSOS'), groups, now)).toEqual({ outcome: 'acknowledged', at: now, by: 'unit_head.user' });
    expect(decideAcknowledgement(step(), reader('unit_head', 'DLH'), groups, now).outcome).toBe('not_found');
    expect(decideAcknowledgement(step(), reader('officer', 'DINSOS'), groups, now).outcome).toBe('forbidden');
    expect(decideAcknowledgement(step({ role: 'asda' }), reader('asda', null, 'I'), groups, now).outcome).toBe('acknowledged');
    expect(decideAcknowledgement(step({ role: 'sekda' }), reader('sekda'), groups, now).outcome).toBe('acknowledged');
    expect(decideAcknowledgement(step({ role: 'sekda' }), reader('bupati'), groups, now).outcome).toBe('forbidden');
    expect(decideAcknowledgement(step({ acknowledgedAt: now, acknowledgedBy: 'x' }), reader('unit_head', 'DINSOS'), groups, now).outcome).toBe('already_acknowledged');
  });

  it('knows nothing of alerts not raised yet, cancelled, or missing', () => {
    const groups = registry();
    expect(decideAcknowledgement(step({ state: 'pending' }), reader('unit_head', 'DINSOS'), groups, now).outcome).toBe('not_found');
    expect(decideAcknowledgement(step({ state: 'cancelled' }), reader('unit_head', 'DINSOS'), groups, now).outcome).toBe('not_found');
    expect(decideAcknowledgement(null, reader('sekda'), groups, now).outcome).toBe('not_found');
  });
});

describe('escalated beyond the unit', () => {
  it('counts alerts that reached anyone above the unit head', () => {
    expect(['unit_head', 'asda', 'sekda', 'bupati'].map(escalatedBeyondUnit)).toEqual([false, true, true, true]);
  });
});
