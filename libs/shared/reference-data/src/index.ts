// Reference data of the regency the system serves. Kabupaten Bekasi's is copied from the project's
// shared/data into the repo so a deployed system never reads outside itself, and is the default;
// another regency's is loaded from a directory of files in the same format, named by the
// environment variable REGENCY_REFERENCE_DIR (see regency.ts). Every service reads units,
// kecamatan and desa from here, so they all follow the configured regency without edits of
// their own. Services seed their tables from here and let admins change them afterwards.
import holidaysFile from './data/holidays-id-2025-2026.json';
import slaPolicyFile from './data/sla-policy.json';
import escalationLadderFile from './data/escalation-ladder.json';
import { configuredRegency } from './regency';

export type AsdaGroup = 'I' | 'II' | 'III';
/**
 * 'pemerintah' is the regency government as a whole ("Pemerintah Kabupaten …"): a label exports
 * carry, not a unit that handles complaints itself.
 */
export type UnitKind = 'dinas' | 'badan' | 'satuan' | 'rsud' | 'bumd' | 'sekretariat' | 'kecamatan' | 'kelurahan' | 'desa' | 'pemerintah';

export interface UnitReference {
  code: string;
  name: string;
  abbr: string;
  kind: UnitKind;
  asda: AsdaGroup;
  topics: string[];
  /** Set for camat units: the kecamatan code they govern. */
  kecamatan?: string;
  /** Further spellings seen in exports (a matching aid, not an official list). */
  aliases?: string[];
  /** Learnt from an export's labels with a guessed kind: the admin has yet to confirm it. */
  provisional?: boolean;
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

/** The regency in force: Bekasi by default, REGENCY_REFERENCE_DIR's files when set. */
export const REGENCY = configuredRegency();

export const ASDA_TITLES: Record<AsdaGroup, string> = REGENCY.asdaTitles;

export const KECAMATAN: readonly KecamatanReference[] = REGENCY.kecamatan;

export const KELURAHAN: readonly KelurahanReference[] = REGENCY.kelurahan;

/** Desa the gazetteer knows out of the box (a configurable default, not the full list). */
export const DESA: readonly KelurahanReference[] = REGENCY.desa;

/** The regency's perangkat daerah plus one camat unit per kecamatan. */
export const UNITS: readonly UnitReference[] = REGENCY.units;

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

export type { RegencyReference } from './regency';
export { BEKASI_REGENCY, kecamatanUnitCode, loadRegencyFromDirectory, REGENCY_FIXTURES, regencyFromFiles } from './regency';

/** Paths of the synthetic sample export, for tests and the routing evaluation. */
export const SAMPLE_EXPORT_FILES = {
  csv: require.resolve('../fixtures/sample-laporan-ringkas.csv'),
  xlsx: require.resolve('../fixtures/sample-laporan-ringkas.xlsx'),
};
