import { unitByCode, unitsOfAsdaGroup, UNITS } from './index';

describe('unit lookups', () => {
  it('finds a unit by code, camat units included, and nothing for an unknown code', () => {
    expect(unitByCode('DINSOS')?.asda).toBe('I');
    expect(unitByCode('KEC_BABELAN')?.kind).toBe('kecamatan');
    expect(unitByCode('NOPE')).toBeUndefined();
  });

  it('splits every unit into exactly one Asda group', () => {
    const groups = ['I', 'II', 'III'].map(unitsOfAsdaGroup);
    expect(groups[0]).toContain('DINSOS');
    expect(groups[1]).toContain('DLH');
    expect(groups.flat().sort()).toEqual(UNITS.map((u) => u.code).sort());
  });
});
