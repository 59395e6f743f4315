import { KECAMATAN, UNITS } from '@bekasi/reference-data';
import { editDistance, normaliseUnitName, UnitNameMatcher, type MatchableUnit } from './unit-name-matcher';

describe('normaliseUnitName', () => {
  it.each([
    ['Dinas Sosial Kab. Bekasi', 'dinas sosial'],
    ['DINAS SOSIAL KABUPATEN BEKASI', 'dinas sosial'],
    ['Dinas Sosial Pemerintah Kabupaten Bekasi', 'dinas sosial'],
    ['  Dinas   Sosial  ', 'dinas sosial'],
    ['Dinas Sumber Daya Air, Bina Marga dan Bina Konstruksi Kabupaten Bekasi', 'dinas sumber daya air bina marga dan bina konstruksi'],
    ['Dinas Cipta Karya & Tata Ruang', 'dinas cipta karya dan tata ruang'],
    ['Kec. Babelan', 'kecamatan babelan'],
    ['Camat Babelan', 'kecamatan babelan'],
    ['RSUD Kabupaten Bekasi', 'rsud'],
    ['Kabupaten Bekasi', 'kabupaten bekasi'],
    ['Dinas Lingkungan Hidup Kab. Bandung Barat', 'dinas lingkungan hidup'],
    ['PEMERINTAH KABUPATEN GARUT', 'pemerintah'],
    ['Pemkab Garut', 'pemerintah'],
    ['Setda Kab. Garut', 'sekretariat daerah'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normaliseUnitName(raw)).toBe(expected);
  });
});

describe('UnitNameMatcher', () => {
  const matcher = UnitNameMatcher.forRegency();

  it.each([
    ['Dinas Sosial Kab. Bekasi', 'DINSOS'],
    ['DINAS SOSIAL KABUPATEN BEKASI', 'DINSOS'],
    ['Dinsos', 'DINSOS'],
    ['Kecamatan Babelan', 'KEC_BABELAN'],
    ['KEC. BABELAN', 'KEC_BABELAN'],
    ['Kecamatan Muara Gembong', 'KEC_MUARAGEMBONG'],
    ['Kecamatan Tambun Sel.', 'KEC_TAMBUN_SELATAN'],
    ['Kecamatan Cikut', 'KEC_CIKARANG_UTARA'],
    ['Perumda Air Minum Tirta Bhagasasi', 'TIRTA_BHAGASASI'],
    ['PDAM Tirta Bhagasasi', 'TIRTA_BHAGASASI'],
    ['Perumda Tirta Bhagasasi', 'TIRTA_BHAGASASI'],
    ['Satpol PP Kab. Bekasi', 'SATPOL_PP'],
    ['Dinas SDABMBK', 'SDABMBK'],
    ['SDABMBK', 'SDABMBK'],
    ['Badan Pendapatan Daerah', 'BAPENDA'],
    ['RSUD Kabupaten Bekasi', 'RSUD'],
    ['Inspektorat Daerah Kabupaten Bekasi', 'INSPEKTORAT'],
  ])('matches %p to %s', (raw, code) => {
    expect(matcher.match(raw)).toBe(code);
  });

  it('matches every unit of the reference data by name and abbreviation, with either suffix and in upper case', () => {
    const misses = UNITS.flatMap((unit) => {
      const bare = unit.name.replace(/ Kabupaten Bekasi$/, '');
      return [unit.name, unit.abbr, `${bare} Kabupaten Bekasi`, `${bare} Kab. Bekasi`, unit.name.toUpperCase()]
        .filter((spelling) => matcher.match(spelling) !== unit.code)
        .map((spelling) => `${spelling} -> ${matcher.match(spelling)} (expected ${unit.code})`);
    });
    expect(misses).toEqual([]);
  });

  it('matches every kecamatan alias as "Kecamatan <alias>"', () => {
    const misses = KECAMATAN.flatMap((k) =>
      k.aliases
        .map((alias) => `Kecamatan ${alias}`)
        .filter((spelling) => matcher.match(spelling) !== `KEC_${k.code.toUpperCase().replace(/-/g, '_')}`),
    );
    expect(misses).toEqual([]);
  });

  it.each([null, undefined, '', '   ', 'Pemerintah Kabupaten Bekasi', 'Kecamatan Cikarang', 'Dinas Antah Berantah', 'Kementerian Sosial'])(
    'knows nothing of %p',
    (raw) => {
      expect(matcher.match(raw)).toBeNull();
    },
  );

  it('refuses to guess when a spelling belongs to two units', () => {
    const unit = (code: string, name: string, abbr: string): MatchableUnit => ({ code, name, abbr });
    const ambiguous = new UnitNameMatcher([unit('A', 'Dinas Alfa', 'DA'), unit('B', 'Dinas Beta', 'DA')]);
    expect(ambiguous.match('DA')).toBeNull();
    expect(ambiguous.match('Dinas Alfa')).toBe('A');
    expect(ambiguous.match('Dinas Beta Kab. Bekasi')).toBe('B');
  });

  it('learns extra aliases a regency adds', () => {
    const extended = UnitNameMatcher.forRegency(UNITS, KECAMATAN, { DINSOS: ['Dinas Sosial dan Pemberdayaan'] });
    expect(extended.match('Dinas Sosial dan Pemberdayaan Kab. Bekasi')).toBe('DINSOS');
    expect(matcher.match('Dinas Sosial dan Pemberdayaan')).toBeNull();
  });

  it.each([
    ['Dinas Pendidkan Kabupaten Garut', 'DISDIK', 'typo'],
    ['Dinas Kesehtan', 'DINKES', 'typo'],
    ['Dinas Lingkungan Hidup Kab. Bandung Barat', 'DLH', 'name'],
    ['Dinas Pencatatan Sipil dan Kependudukan', 'DISDUKCAPIL', 'word-order'],
    ['Bina Marga dan Bina Konstruksi, Dinas Sumber Daya Air', 'SDABMBK', 'word-order'],
    ['BPBD Kab. Garut', 'BPBD', 'name'],
    ['DPPPA', 'DP3A', 'name'],
    ['Dinas Ling Kungan Hidup', 'DLH', 'compact'],
  ])('resolves %p to %s by %s', (raw, code, how) => {
    expect(matcher.resolve(raw)).toEqual({ unitCode: code, how });
  });

  it('reads an acronym of a unit name that is not its abbreviation', () => {
    const units: MatchableUnit[] = [{ code: 'PUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', abbr: 'Dinas PUPR' }];
    expect(new UnitNameMatcher(units).resolve('DPUPR')).toEqual({ unitCode: 'PUPR', how: 'acronym' });
  });

  it('does not take another unit whose name adds a word for a typo', () => {
    expect(matcher.match('Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Garut')).toBeNull();
    expect(matcher.match('Dinas Tenaga Kerja dan Transmigrasi')).toBeNull();
  });

  it('never reads one numbered unit as another', () => {
    const units: MatchableUnit[] = [{ code: 'UPTD_1', name: 'UPTD Puskesmas Cibitung 1', abbr: '' }];
    expect(new UnitNameMatcher(units).match('UPTD Puskesmas Cibitung 2')).toBeNull();
    expect(new UnitNameMatcher(units).match('UPTD Puskesmas Cibtung 1')).toBe('UPTD_1');
  });

  it('never reads one short place name as another', () => {
    const units: MatchableUnit[] = [{ code: 'DESA_SUKAMAJU', name: 'Desa Sukamaju', abbr: '' }];
    expect(new UnitNameMatcher(units).match('Desa Sukamaja')).toBeNull();
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and transpositions', () => {
    expect(editDistance('dinas', 'dinas')).toBe(0);
    expect(editDistance('pendidikan', 'pendidkan')).toBe(1);
    expect(editDistance('kesehatan', 'kesehtaan')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('abcdefgh', 'zzzzzzzz', 2)).toBe(3);
  });
});
