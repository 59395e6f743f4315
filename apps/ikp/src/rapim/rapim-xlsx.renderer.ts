import ExcelJS from 'exceljs';
import type { RapimPack } from './rapim-pack';
import { monthName, rankText, ZONE_COLOURS, ZONE_NAMES } from './rapim-labels';

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/** The Rapim pack as a workbook: one sheet per section, numbers as numbers (for the staff's own analysis). */
export async function renderRapimXlsx(pack: RapimPack): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pemerintah Kabupaten Bekasi - IKP';
  wb.created = new Date(pack.generatedAt);

  const board = wb.addWorksheet('Papan IKP');
  board.addRow([`Papan IKP ${monthName(pack.period)} (kebijakan ${pack.board.policy.version}${pack.board.frozen ? ', bulan ditutup' : ', angka sementara'})`]).font = { bold: true, size: 13 };
  const indicators = pack.board.indicators;
  const head = board.addRow(['Peringkat', 'Seri', 'Kode', 'Perangkat daerah', 'Asisten', 'Nilai IKP', 'Zona', ...indicators.map((i) => i.label.id), 'Catatan']);
  head.font = { bold: true };
  for (const i of pack.board.items) {
    const row = board.addRow([
      i.rank, i.tied ? 'seri' : '', i.unitCode, i.unitName, i.asda, i.score, i.zone ? ZONE_NAMES[i.zone] : '', ...indicators.map((ind) => i.values[ind.code]), i.unmeasuredNote?.id ?? '',
    ]);
    if (i.zone) row.getCell(7).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(ZONE_COLOURS[i.zone]) } };
    row.getCell(1).note = rankText(i.rank, i.tied);
  }
  board.columns.forEach((c, index) => (c.width = index === 3 ? 44 : index === 7 + indicators.length ? 60 : 14));
  const last = board.rowCount;
  board.addConditionalFormatting({ ref: `F3:F${last}`, rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 100 }], color: { argb: 'FF1565C0' } } as never] });

  const trend = wb.addWorksheet('Tren 6 bulan');
  trend.addRow(['Kode', 'Perangkat daerah', ...pack.trends.periods.map(monthName)]).font = { bold: true };
  for (const u of pack.trends.units) trend.addRow([u.unitCode, u.unitName, ...u.scores]);
  trend.getColumn(2).width = 44;

  const instr = wb.addWorksheet('Instruksi');
  instr.addRow(['Status', 'Kode', 'Perangkat daerah', 'Instruksi', 'Indikator', 'Satuan', 'Target awal', 'Target berlaku', 'Realisasi terverifikasi', 'Capaian (%)', 'Batas waktu']).font = { bold: true };
  for (const [status, lines] of [['Lewat batas waktu', pack.instructions.overdue], ['Tercapai', pack.instructions.achieved]] as const) {
    for (const l of lines) instr.addRow([status, l.unitCode, l.unitName, l.title, l.indicator, l.unitOfMeasure, l.originalTarget, l.target, l.verifiedRealisation, l.achievement, new Date(l.dueAt)]);
  }

  const nego = wb.addWorksheet('Dialog kinerja');
  nego.addRow(['Kode', 'Perangkat daerah', 'Instruksi', 'Indikator', 'Target awal', 'Target usulan', 'Keputusan', 'Diputuskan oleh', 'Tanggal keputusan', 'Alasan unit']).font = { bold: true };
  for (const n of pack.negotiations) nego.addRow([n.unitCode, n.unitName, n.instruction, n.indicator, n.currentTarget, n.proposedTarget, n.stateLabel, n.decidedBy ?? '', n.decidedAt ? new Date(n.decidedAt) : '', n.reason]);

  const budget = wb.addWorksheet('Penyerapan anggaran');
  budget.addRow(['Kode', 'Perangkat daerah', 'Pagu', 'Rencana kumulatif', 'Realisasi kumulatif', 'Rencana (%)', 'Realisasi (%)', 'Diharapkan (%)', 'Capaian thd rencana (%)']).font = { bold: true };
  for (const b of pack.budget) budget.addRow([b.unitCode, b.unitName, b.pagu, b.rencana, b.realisasi, b.planPercent, b.realisationPercent, b.expectedPercent, b.achievement]);
  for (const c of [3, 4, 5]) budget.getColumn(c).numFmt = '#,##0';

  const overdue = wb.addWorksheet('Pengaduan terlambat');
  overdue.addRow(['Kode', 'Perangkat daerah', 'Nomor pengaduan', 'Tenggat', 'Jatuh tempo', 'Terlambat (hari)']).font = { bold: true };
  for (const o of pack.overdueComplaints) overdue.addRow([o.unitCode, o.unitName, o.trackingId ?? '', o.deadlineLabel, new Date(o.deadlineAt), o.daysOverdue]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
