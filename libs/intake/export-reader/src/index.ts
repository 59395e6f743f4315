export * from './export-sheet-reader';
export * from './export-format';
export * from './export-file-error';
export * from './csv-sheet-reader';
export * from './xlsx-sheet-reader';
export * from './xlsx-cell-text';
export * from './csv-writer';
export * from './laporan-ringkas-csv-generator';
