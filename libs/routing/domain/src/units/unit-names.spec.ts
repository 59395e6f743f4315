import { isCamatUnit, unitLabel } from './unit-names';

describe('unit labels', () => {
  it('names a dinas by its abbreviation and a camat unit by its kecamatan', () => {
    expect(unitLabel('SDABMBK')).toBe('Dinas SDABMBK');
    expect(unitLabel('KEC_BABELAN')).toBe('Kecamatan Babelan');
    expect(unitLabel('UNKNOWN')).toBe('UNKNOWN');
  });

  it('names a unit learnt from labels by its full name', () => {
    const learnt = { code: 'DINAS_PERTANIAN', name: 'Dinas Pertanian', abbr: '', kind: 'dinas' as const, asda: 'I' as const, topics: [], provisional: true };
    expect(unitLabel('DINAS_PERTANIAN', [learnt])).toBe('Dinas Pertanian');
  });

  it('tells camat units apart', () => {
    expect(isCamatUnit('KEC_BABELAN')).toBe(true);
    expect(isCamatUnit('DLH')).toBe(false);
  });
});
