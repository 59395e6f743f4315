// Reference data of Kabupaten Bekasi, copied from the project's shared/data into the repo so a
// deployed system never reads outside itself. Facts and configurable defaults are marked in the
// files' own notes; services seed their tables from here and let admins change them afterwards.
import unitsFile from './data/bekasi-units.json';
import kecamatanFile from './data/bekasi-kecamatan.json';
import kelurahanFile from './data/bekasi-kelurahan.json';
import holidaysFile from './data/holidays-id-2025-2026.json';
import slaPolicyFile from './data/sla-policy.json';
import escalationLadderFile from './data/escalation-ladder.json';

export type AsdaGroup = 'I' | 'II' | 'III';
export type UnitKind = 'dinas' | 'badan' | 'satuan' | 'rsud' | 'bumd' | 'sekretariat' | 'kecamatan';

export interface UnitReference {
  code: string;
  name: string;
  abbr: string;
  kind: UnitKind;
  asda: AsdaGroup;
  topics: string[];
  /** Set for camat units: the kecamatan code they govern. */
  kecamatan?: string;
}

export interface KecamatanReference {
  code: string;
  name: string;
  aliases: string[];
}

export interface KelurahanReference {
  code: string;
  name: string;
  kecamatan: string;
  aliases: string[];
}

export interface HolidayReference {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
}

export const ASDA_TITLES: Record<AsdaGroup, string> = unitsFile.asdaTitles as Record<AsdaGroup, string>;

export const KECAMATAN: readonly KecamatanReference[] = kecamatanFile as KecamatanReference[];

export const KELURAHAN: readonly KelurahanReference[] = (kelurahanFile as Array<KelurahanReference & { sources: string[] }>).map(
  ({ code, name, kecamatan, aliases }) => ({ code, name, kecamatan, aliases }),
);

/** `KEC_TAMBUN_SELATAN` for `tambun-selatan`: the unit code of a kecamatan's camat. */
export function kecamatanUnitCode(kecamatanCode: string): string {
  return 'KEC_' + kecamatanCode.toUpperCase().replace(/-/g, '_');
}

/** The 25 perangkat daerah plus one camat unit per kecamatan. */
export const UNITS: readonly UnitReference[] = [
  ...(unitsFile.units as UnitReference[]),
  ...KECAMATAN.map<UnitReference>((k) => ({
    code: kecamatanUnitCode(k.code),
    name: unitsFile.kecamatanUnits.namePattern.replace('{name}', k.name),
    abbr: `Kec. ${k.name}`,
    kind: 'kecamatan',
    asda: unitsFile.kecamatanUnits.asda as AsdaGroup,
    topics: unitsFile.kecamatanUnits.topics,
    kecamatan: k.code,
  })),
];

/** The reference entry of a unit, or undefined for an unknown code. */
export function unitByCode(code: string): UnitReference | undefined {
  return UNITS.find((u) => u.code === code);
}

/** The units an Asisten Daerah group covers by default (deployments may regroup units in desk). */
export function unitsOfAsdaGroup(group: string): string[] {
  return UNITS.filter((u) => u.asda === group).map((u) => u.code);
}

export const HOLIDAYS: readonly HolidayReference[] = holidaysFile.holidays as HolidayReference[];

export const SLA_POLICY_DEFAULT = slaPolicyFile;
export const ESCALATION_LADDER_DEFAULT = escalationLadderFile;

/** Paths of the synthetic sample export, for tests and the routing evaluation. */
export const SAMPLE_EXPORT_FILES = {
  csv: require.resolve('../fixtures/sample-laporan-ringkas.csv'),
  xlsx: require.resolve('../fixtures/sample-laporan-ringkas.xlsx'),
};
