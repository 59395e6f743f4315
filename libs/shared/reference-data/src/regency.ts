// The regency as configuration. A regency is described by four files in one directory, in the
// format of Bekasi's own (src/data):
//   units.json      { regency, asdaTitles, kecamatanUnits: { namePattern, asda, topics }, units: [...] }
//   kecamatan.json  [{ code, name, aliases }]
//   kelurahan.json  [{ code, name, kecamatan, aliases }]
//   desa.json       [{ code, name, kecamatan, aliases }]   (optional: the desa the gazetteer knows)
// REGENCY_REFERENCE_DIR names such a directory; without it the system serves Kabupaten Bekasi.
// A regency can also be bootstrapped from its own export's labels (routing learns its units; see
// @bekasi/routing-domain learnUnitsFromLabels) and then written out in this format.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AsdaGroup, KecamatanReference, KelurahanReference, UnitReference } from './index';
import bekasiUnitsFile from './data/bekasi-units.json';
import bekasiKecamatanFile from './data/bekasi-kecamatan.json';
import bekasiKelurahanFile from './data/bekasi-kelurahan.json';
import bekasiDesaFile from './data/bekasi-desa.json';

export interface RegencyReference {
  /** "Kabupaten Bekasi". */
  name: string;
  asdaTitles: Record<AsdaGroup, string>;
  /** Perangkat daerah followed by one camat unit per kecamatan. */
  units: UnitReference[];
  kecamatan: KecamatanReference[];
  kelurahan: KelurahanReference[];
  desa: KelurahanReference[];
}

interface UnitsFile {
  regency: string;
  asdaTitles: Record<string, string>;
  kecamatanUnits: { namePattern: string; asda: string; topics: string[] };
  units: unknown[];
}

/** `KEC_TAMBUN_SELATAN` for `tambun-selatan`: the unit code of a kecamatan's camat. */
export function kecamatanUnitCode(kecamatanCode: string): string {
  return 'KEC_' + kecamatanCode.toUpperCase().replace(/-/g, '_');
}

function place(raw: unknown, file: string, needsKecamatan: boolean): KelurahanReference {
  const p = raw as Partial<KelurahanReference>;
  if (typeof p?.code !== 'string' || typeof p.name !== 'string' || (needsKecamatan && typeof p.kecamatan !== 'string')) {
    throw new Error(`${file}: every entry needs code, name${needsKecamatan ? ', kecamatan' : ''} (got ${JSON.stringify(raw)})`);
  }
  return { code: p.code, name: p.name, kecamatan: p.kecamatan ?? p.code, aliases: Array.isArray(p.aliases) ? p.aliases.map(String) : [] };
}

/** A regency from the parsed contents of its files; throws naming the file and entry at fault. */
export function regencyFromFiles(files: { units: unknown; kecamatan: unknown; kelurahan?: unknown; desa?: unknown }): RegencyReference {
  const unitsFile = files.units as UnitsFile;
  if (typeof unitsFile?.regency !== 'string' || !Array.isArray(unitsFile.units) || !unitsFile.kecamatanUnits) {
    throw new Error('units.json: needs "regency", "kecamatanUnits" and "units"');
  }
  if (!Array.isArray(files.kecamatan)) throw new Error('kecamatan.json: must be a list');
  const kecamatan = files.kecamatan.map((k) => {
    const { code, name, aliases } = place(k, 'kecamatan.json', false);
    return { code, name, aliases };
  });
  const known = new Set(kecamatan.map((k) => k.code));
  const villages = (raw: unknown, file: string) => {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) throw new Error(`${file}: must be a list`);
    return raw.map((v) => {
      const village = place(v, file, true);
      if (!known.has(village.kecamatan)) throw new Error(`${file}: ${village.name} lies in unknown kecamatan '${village.kecamatan}'`);
      return village;
    });
  };
  const units = unitsFile.units.map((u) => {
    const unit = u as UnitReference;
    if (typeof unit?.code !== 'string' || typeof unit.name !== 'string') throw new Error(`units.json: every unit needs code and name (got ${JSON.stringify(u)})`);
    return { ...unit, abbr: unit.abbr ?? unit.name, topics: unit.topics ?? [], asda: unit.asda ?? 'I' };
  });
  const { namePattern, asda, topics } = unitsFile.kecamatanUnits;
  return {
    name: unitsFile.regency,
    asdaTitles: unitsFile.asdaTitles as Record<AsdaGroup, string>,
    units: [
      ...units,
      ...kecamatan.map<UnitReference>((k) => ({
        code: kecamatanUnitCode(k.code),
        name: namePattern.replace('{name}', k.name),
        abbr: `Kec. ${k.name}`,
        kind: 'kecamatan',
        asda: asda as AsdaGroup,
        topics,
        kecamatan: k.code,
      })),
    ],
    kecamatan,
    kelurahan: villages(files.kelurahan, 'kelurahan.json'),
    desa: villages(files.desa, 'desa.json'),
  };
}

/** Reads a regency directory (see the top of this file). */
export function loadRegencyFromDirectory(directory: string): RegencyReference {
  const read = (name: string, optional: boolean): unknown => {
    const path = join(directory, name);
    try {
      return JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`Regency reference data ${path}: ${(err as Error).message}`);
    }
  };
  return regencyFromFiles({
    units: read('units.json', false),
    kecamatan: read('kecamatan.json', false),
    kelurahan: read('kelurahan.json', true),
    desa: read('desa.json', true),
  });
}

export const BEKASI_REGENCY: RegencyReference = regencyFromFiles({
  units: bekasiUnitsFile,
  kecamatan: bekasiKecamatanFile,
  kelurahan: bekasiKelurahanFile,
  desa: bekasiDesaFile,
});

/** Regency directories shipped with the repository: a second, invented regency for tests and demos. */
export const REGENCY_FIXTURES = {
  cimanggala: resolve(__dirname, '../fixtures/regency-cimanggala'),
};

/** The regency the process serves: REGENCY_REFERENCE_DIR's when set, Bekasi's otherwise. */
export function configuredRegency(env: NodeJS.ProcessEnv = process.env): RegencyReference {
  const directory = env.REGENCY_REFERENCE_DIR?.trim();
  return directory ? loadRegencyFromDirectory(directory) : BEKASI_REGENCY;
}
