import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BEKASI_REGENCY, configuredRegency, loadRegencyFromDirectory, REGENCY_FIXTURES } from './regency';

describe('the regency as configuration', () => {
  it('serves Kabupaten Bekasi by default: its units, one camat unit per kecamatan, and its desa', () => {
    const regency = configuredRegency({});
    expect(regency).toBe(BEKASI_REGENCY);
    expect(regency.name).toBe('Kabupaten Bekasi');
    expect(regency.kecamatan).toHaveLength(23);
    expect(regency.units.filter((u) => u.kind === 'kecamatan')).toHaveLength(23);
    expect(regency.units.find((u) => u.code === 'KEC_BABELAN')).toMatchObject({ name: 'Kecamatan Babelan', kecamatan: 'babelan' });
    expect(regency.desa.length).toBeGreaterThan(30);
  });

  it('loads another regency from the directory REGENCY_REFERENCE_DIR names', () => {
    const regency = configuredRegency({ REGENCY_REFERENCE_DIR: REGENCY_FIXTURES.cimanggala });
    expect(regency.name).toBe('Kabupaten Cimanggala');
    expect(regency.units.map((u) => u.code)).toEqual(expect.arrayContaining(['PUPR', 'DINSOS', 'PEMKAB', 'SETDA', 'KEC_BABAKAN_LOA']));
    expect(regency.units.some((u) => u.code === 'SDABMBK')).toBe(false);
    expect(regency.kecamatan).toHaveLength(18);
    expect(regency.desa.every((d) => regency.kecamatan.some((k) => k.code === d.kecamatan))).toBe(true);
  });

  it('makes every service follow: the package constants come from the configured regency', () => {
    const previous = process.env.REGENCY_REFERENCE_DIR;
    process.env.REGENCY_REFERENCE_DIR = REGENCY_FIXTURES.cimanggala;
    try {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const reference = require('./index') as typeof import('./index');
        expect(reference.REGENCY.name).toBe('Kabupaten Cimanggala');
        expect(reference.unitByCode('PUPR')?.name).toBe('Dinas Pekerjaan Umum dan Penataan Ruang');
        expect(reference.KECAMATAN.map((k) => k.code)).toContain('cimanggala');
      });
    } finally {
      if (previous === undefined) delete process.env.REGENCY_REFERENCE_DIR;
      else process.env.REGENCY_REFERENCE_DIR = previous;
    }
  });

  it('names the file and the entry at fault in a broken directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'regency-'));
    expect(() => loadRegencyFromDirectory(dir)).toThrow(/units\.json/);
    writeFileSync(join(dir, 'units.json'), JSON.stringify({ regency: 'Kabupaten X', asdaTitles: {}, kecamatanUnits: { namePattern: 'Kecamatan {name}', asda: 'I', topics: [] }, units: [] }));
    writeFileSync(join(dir, 'kecamatan.json'), JSON.stringify([{ code: 'a', name: 'A', aliases: [] }]));
    writeFileSync(join(dir, 'desa.json'), JSON.stringify([{ code: 'd', name: 'D', kecamatan: 'nowhere', aliases: [] }]));
    expect(() => loadRegencyFromDirectory(dir)).toThrow(/desa\.json: D lies in unknown kecamatan 'nowhere'/);
    writeFileSync(join(dir, 'desa.json'), '[');
    expect(() => loadRegencyFromDirectory(dir)).toThrow(/desa\.json/);
  });
});
