// npm run routing:generate -- OUT.{xlsx,csv} [--regency bekasi|cimanggala] [--rows 2400] [--seed 1]
// Writes a HARD generated "Laporan Ringkas" export (see libs/routing/domain/src/testing/
// hard-laporan-ringkas.ts) for developing and demonstrating the router without real history.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { serialiseCsv } from '@bekasi/intake-export-reader';
import { BEKASI_REGENCY, loadRegencyFromDirectory, REGENCY_FIXTURES } from '@bekasi/reference-data';
import { BEKASI_ROLES, CIMANGGALA_ROLES, generateHardExport } from '@bekasi/routing-domain';

const USAGE = 'usage: npm run routing:generate -- OUT.xlsx|OUT.csv [--regency bekasi|cimanggala] [--rows 2400] [--seed 1]';

async function main() {
  const argv = process.argv.slice(2);
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!out || !/\.(xlsx|csv)$/.test(out)) throw new Error(USAGE);
  const which = flag('regency') ?? 'bekasi';
  if (which !== 'bekasi' && which !== 'cimanggala') throw new Error(USAGE);
  const rows = Number(flag('rows') ?? 2400);
  const seed = Number(flag('seed') ?? 1);
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(seed)) throw new Error(USAGE);
  const { sheet, truth } = generateHardExport({
    regency: which === 'bekasi' ? BEKASI_REGENCY : loadRegencyFromDirectory(REGENCY_FIXTURES.cimanggala),
    roles: which === 'bekasi' ? BEKASI_ROLES : CIMANGGALA_ROLES,
    rows,
    seed,
  });
  if (out.endsWith('.csv')) {
    writeFileSync(out, serialiseCsv(sheet));
  } else {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Laporan Ringkas');
    for (const row of sheet) ws.addRow(row);
    await workbook.xlsx.writeFile(out);
  }
  console.log(`${out}: ${rows} reports (${truth.size} dispositioned) of ${which}, seed ${seed}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
