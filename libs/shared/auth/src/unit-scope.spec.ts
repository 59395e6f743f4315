import type { AuthPrincipal } from './principal';
import { scopeIncludes, unitScopeOf } from './unit-scope';

const principal = (p: Partial<AuthPrincipal>): AuthPrincipal => ({ userId: 'u', username: 'u', role: 'officer', unitCode: null, asdaGroup: null, sessionVersion: 1, ...p });
const directory = { unitsOfAsda: (group: string) => (group === 'I' ? ['DINSOS', 'DINKES'] : ['DLH']) };

describe('unit scope', () => {
  it.each([
    ['admin', {}, true, ['DINSOS', 'DLH', null]],
    ['sekda', {}, true, ['DINSOS', 'DLH']],
    ['bupati', {}, true, ['DINSOS', 'DLH']],
  ] as const)('%s sees every unit', async (role, extra, _all, units) => {
    const scope = await unitScopeOf(principal({ role, ...extra }), directory);
    for (const u of units) expect(scopeIncludes(scope, u)).toBe(true);
  });

  it('binds officer and unit head to their unit, and nothing without one', async () => {
    for (const role of ['officer', 'unit_head'] as const) {
      const scope = await unitScopeOf(principal({ role, unitCode: 'DINSOS' }), directory);
      expect([scopeIncludes(scope, 'DINSOS'), scopeIncludes(scope, 'DLH'), scopeIncludes(scope, null)]).toEqual([true, false, false]);
      expect(scopeIncludes(await unitScopeOf(principal({ role }), directory), 'DINSOS')).toBe(false);
    }
  });

  it('gives an Asda the units of their group, from the directory', async () => {
    const scope = await unitScopeOf(principal({ role: 'asda', asdaGroup: 'I' }), directory);
    expect(scope).toEqual({ allUnits: false, unitCodes: ['DINSOS', 'DINKES'] });
    expect(scopeIncludes(scope, 'DLH')).toBe(false);
  });
});
