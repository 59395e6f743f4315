import { currentUnitCode, mergeProblems, unitRedirectsOf, type UnitStatus } from './unit-succession';

const unit = (code: string, overrides: Partial<UnitStatus> = {}): UnitStatus => ({ code, active: true, replacedBy: null, ...overrides });

describe('unit succession', () => {
  it('leaves an active unit where it is', () => {
    expect(currentUnitCode('DLH', new Map())).toBe('DLH');
  });

  it('follows a chain of merges to the unit working today', () => {
    const redirects = unitRedirectsOf([unit('A', { active: false, replacedBy: 'B' }), unit('B', { active: false, replacedBy: 'C' }), unit('C')]);
    expect(currentUnitCode('A', redirects)).toBe('C');
    expect(currentUnitCode('B', redirects)).toBe('C');
  });

  it('sends nothing to a closed unit, nor around a cycle', () => {
    expect(currentUnitCode('A', unitRedirectsOf([unit('A', { active: false })]))).toBeNull();
    expect(currentUnitCode('A', new Map([['A', 'B'], ['B', 'A']]))).toBeNull();
  });

  it('allows merging an active unit into another active unit', () => {
    const all = [unit('A'), unit('B')];
    expect(mergeProblems(all[0], all[1], all)).toEqual([]);
  });

  it.each([
    ['unknown source', undefined, unit('B'), 'Unit asal tidak ditemukan.'],
    ['unknown target', unit('A'), undefined, 'Unit tujuan tidak ditemukan.'],
    ['itself', unit('A'), unit('A'), 'Unit tidak dapat digabungkan ke dirinya sendiri.'],
    ['inactive source', unit('A', { active: false }), unit('B'), 'Unit A sudah tidak aktif.'],
    ['inactive target', unit('A'), unit('B', { active: false, replacedBy: 'C' }), 'Unit tujuan B tidak aktif.'],
  ])('refuses a merge with an %s, in Bahasa Indonesia', (_what, from, into, problem) => {
    expect(mergeProblems(from, into, [from, into].filter((u): u is UnitStatus => !!u))).toEqual([problem]);
  });
});
