import { generateSyntheticLaporanRingkas } from '@bekasi/intake-domain';
import { serialiseCsv } from './csv-writer';

/** A synthetic CSV export of `count` complaints, reproducible for a seed; for tests and benchmarks. */
export function generateLaporanRingkasCsv(count: number, seed: number): string {
  return serialiseCsv(generateSyntheticLaporanRingkas(count, seed));
}
