import { UNITS } from '@bekasi/reference-data';
import { isCamatUnit, matchUnitName, normaliseUnitName, unitLabel } from './unit-names';

describe('matchUnitName', () => {
  it.each([
    ['Badan Penanggulangan Bencana Daerah Kab. Bekasi', 'BPBD'],
    ['Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi Kabupaten Bekasi', 'SDABMBK'],
    ['DINAS SOSIAL KABUPATEN BEKASI', 'DINSOS'],
    ['Dinas Sosial Kab Bekasi', 'DINSOS'],
    ['Perumda Air Minum Tirta Bhagasasi', 'TIRTA_BHAGASASI'],
    ['PDAM Tirta Bhagasasi', 'TIRTA_BHAGASASI'],
    ['RSUD Kabupaten Bekasi', 'RSUD'],
    ['Badan Pendapatan Daerah', 'BAPENDA'],
    ['Satpol PP', 'SATPOL_PP'],
    ['Kecamatan Tarumajaya', 'KEC_TARUMAJAYA'],
    ['kecamatan   tambun selatan', 'KEC_TAMBUN_SELATAN'],
  ])('reads "%s" as %s', (name, code) => {
    expect(matchUnitName(name)).toBe(code);
  });

  it.each(['Pemerintah Kabupaten Bekasi', '', 'Dinas Pariwisata'])('finds no handling unit in "%s"', (name) => {
    expect(matchUnitName(name)).toBeNull();
  });

  it('recognises every reference unit by its own name', () => {
    for (const unit of UNITS) expect(matchUnitName(unit.name)).toBe(unit.code);
  });

  it('normalises case, punctuation and the regency suffix', () => {
    expect(normaliseUnitName('Dinas Kependudukan & Pencatatan Sipil Kab. Bekasi')).toBe('dinas kependudukan dan pencatatan sipil');
  });
});

describe('unit labels', () => {
  it('names a dinas by its abbreviation and a camat unit by its kecamatan', () => {
    expect(unitLabel('SDABMBK')).toBe('Dinas SDABMBK');
    expect(unitLabel('KEC_BABELAN')).toBe('Kecamatan Babelan');
    expect(unitLabel('UNKNOWN')).toBe('UNKNOWN');
  });

  it('tells camat units apart', () => {
    expect(isCamatUnit('KEC_BABELAN')).toBe(true);
    expect(isCamatUnit('DLH')).toBe(false);
  });
});
