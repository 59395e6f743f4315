export * from './lapor-vocabulary';
export * from './laporan-ringkas/lapor-date-time';
export * from './laporan-ringkas/laporan-ringkas-columns';
export * from './laporan-ringkas/laporan-ringkas-sheet';
export * from './laporan-ringkas/synthetic-laporan-ringkas';
export * from './duplicate-likelihood';
export * from './complaint-draft';
export * from './public-complaint';
export * from './complaint-identity';
export * from './complaint-received';
export * from './lapor-api/lapor-api-record';
export * from './lapor-api/text-hygiene';
export * from './lapor-api/synthetic-lapor-reports';
export * from './lapor-integration/lapor-outbound';
// Indonesian text (unit names, masking, kecamatan finder) lives in @bekasi/indonesian-text; these
// names stay importable from intake for its callers.
export { kecamatanMentionedIn, UnitNameMatcher, maskPersonalData, detectPersonalData, PERSONAL_DATA_PLACEHOLDERS } from '@bekasi/indonesian-text';
export type { PersonalDataKind, PersonalDataMatch } from '@bekasi/indonesian-text';
export * from './reporter-notices/reporter-notice';
