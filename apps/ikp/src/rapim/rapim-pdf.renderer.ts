import PDFDocument from 'pdfkit';
import type { RapimPack } from './rapim-pack';
import { dateText, monthName, monthShort, pdfText, percentText, rankText, rupiahText, scoreText, ZONE_COLOURS, ZONE_NAMES } from './rapim-labels';

type Doc = InstanceType<typeof PDFDocument>;
interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

const MARGIN = 36;
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#cbd2d9';

/** The Rapim pack as a PDF (A4), charts drawn with the PDF's own vector graphics. */
export function renderRapimPdf(pack: RapimPack): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, info: { Title: `Paket Rapim IKP ${monthName(pack.period)}`, Author: 'Pemerintah Kabupaten Bekasi' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  header(doc, pack);
  boardSection(doc, pack);
  trendSection(doc, pack);
  instructionSection(doc, pack);
  negotiationSection(doc, pack);
  budgetSection(doc, pack);
  overdueSection(doc, pack);
  pageNumbers(doc, pack);
  doc.end();
  return done;
}

function header(doc: Doc, pack: RapimPack): void {
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(16).text('Paket Rapat Pimpinan (Rapim)', MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(11).text(`Evaluasi IKP Perangkat Daerah Kabupaten Bekasi - ${monthName(pack.period)}`);
  const status = pack.board.frozen ? `ditutup ${dateText(pack.board.closedAt!)}` : 'belum ditutup (angka sementara)';
  doc.fillColor(MUTED).fontSize(8).text(`Kebijakan IKP ${pack.board.policy.version}; bulan ${status}; dibuat ${dateText(pack.generatedAt)}.`);
  const z = pack.board.policy.zones;
  doc.text(`Zona: hijau ${z.hijau}-100, kuning ${z.kuning}-${(z.hijau - 0.01).toFixed(2).replace('.', ',')}, merah 0-${(z.kuning - 0.01).toFixed(2).replace('.', ',')}. Peringkat sama ditandai "seri"; indikator tanpa data tidak mengurangi nilai (bobot dinormalkan).`);
  doc.moveDown(0.6);
}

function sectionTitle(doc: Doc, title: string, needed = 60): void {
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage();
  doc.moveDown(0.4).fillColor(INK).font('Helvetica-Bold').fontSize(12).text(title, MARGIN);
  doc.moveDown(0.2);
}

function table(doc: Doc, columns: Column[], rows: string[][], options: { fontSize?: number; cellColour?: (row: number, col: number) => string | null } = {}): void {
  const size = options.fontSize ?? 7.5;
  const rowHeight = size + 5;
  const headerRow = () => {
    let x = MARGIN;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(size).fillColor(INK);
    for (const c of columns) {
      cell(doc, c.title, x + 2, y, c.width - 4, c.align);
      x += c.width;
    }
    doc.y = y + rowHeight;
    doc.moveTo(MARGIN, doc.y - 2).lineTo(MARGIN + columns.reduce((a, c) => a + c.width, 0), doc.y - 2).strokeColor(RULE).lineWidth(0.5).stroke();
  };
  headerRow();
  rows.forEach((row, r) => {
    if (doc.y + rowHeight > doc.page.height - MARGIN) {
      doc.addPage();
      headerRow();
    }
    let x = MARGIN;
    const y = doc.y;
    row.forEach((text, c) => {
      const colour = options.cellColour?.(r, c) ?? null;
      if (colour) {
        doc.roundedRect(x + 1, y - 1.5, columns[c].width - 2, rowHeight - 1, 2).fillColor(colour).fill();
        doc.fillColor('#ffffff').font('Helvetica-Bold');
      } else {
        doc.fillColor(INK).font('Helvetica');
      }
      doc.fontSize(size);
      cell(doc, text, x + 2, y, columns[c].width - 4, columns[c].align);
      x += columns[c].width;
    });
    doc.y = y + rowHeight;
  });
  doc.x = MARGIN;
}

/** Text shortened to its width with "..." (never wrapped: one row is one line). */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}...`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}...`;
}

/** One line of text in a box at (x, y), in the current font; the cursor is left where it was. */
function cell(doc: Doc, text: string, x: number, y: number, width: number, align: Column['align'] = 'left'): void {
  const shown = fit(doc, pdfText(text), width);
  const dx = align === 'right' ? width - doc.widthOfString(shown) : align === 'center' ? (width - doc.widthOfString(shown)) / 2 : 0;
  doc.text(shown, x + dx, y, { lineBreak: false });
}

function empty(doc: Doc, text: string): void {
  doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(8).text(text, MARGIN);
}

function boardSection(doc: Doc, pack: RapimPack): void {
  sectionTitle(doc, `1. Papan IKP ${monthName(pack.period)}`);
  const items = pack.board.items;
  table(
    doc,
    [
      { title: 'Peringkat', width: 48 },
      { title: 'Perangkat daerah', width: 200 },
      { title: 'Nilai IKP', width: 45, align: 'right' },
      { title: 'Zona', width: 45, align: 'center' },
      { title: 'Serapan anggaran', width: 70, align: 'right' },
      { title: 'Catatan', width: 115 },
    ],
    items.map((i) => [
      rankText(i.rank, i.tied),
      i.unitName,
      scoreText(i.score),
      i.zone ? ZONE_NAMES[i.zone] : '-',
      i.values.budget_absorption === null ? '-' : percentText(i.values.budget_absorption),
      i.score === null ? 'Belum ada data' : i.unmeasured.length > 0 ? `Tanpa data: ${i.unmeasured.length} indikator` : '',
    ]),
    { fontSize: 7, cellColour: (r, c) => (c === 3 && items[r].zone ? ZONE_COLOURS[items[r].zone!] : null) },
  );
  const counts = { hijau: 0, kuning: 0, merah: 0 };
  for (const i of items) if (i.zone) counts[i.zone]++;
  doc.moveDown(0.3).fillColor(MUTED).font('Helvetica').fontSize(8).text(`Zona hijau ${counts.hijau} unit, kuning ${counts.kuning}, merah ${counts.merah}, belum dinilai ${items.filter((i) => i.zone === null).length}.`, MARGIN);
}

function trendSection(doc: Doc, pack: RapimPack): void {
  const units = pack.trends.units.filter((u) => u.scores.some((s) => s !== null));
  sectionTitle(doc, '2. Tren nilai IKP enam bulan terakhir', 120);
  if (units.length === 0) return empty(doc, 'Belum ada unit yang dinilai dalam enam bulan terakhir.');
  const cols = 4;
  const gap = 8;
  const width = (doc.page.width - 2 * MARGIN - (cols - 1) * gap) / cols;
  const height = 62;
  const z = pack.board.policy.zones;
  units.forEach((u, index) => {
    const col = index % cols;
    if (col === 0 && index > 0) doc.y += height + gap;
    if (col === 0 && doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const x = MARGIN + col * (width + gap);
    const y = doc.y;
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(6.5);
    cell(doc, u.unitName, x, y, width - 30);
    const plot = { x: x + 14, y: y + 10, w: width - 18, h: height - 22 };
    // Zone bands behind the line: where the unit stood each month is read at a glance.
    const yOf = (score: number) => plot.y + plot.h - (plot.h * score) / 100;
    doc.rect(plot.x, yOf(100), plot.w, yOf(z.hijau) - yOf(100)).fillColor('#e8f5e9').fill();
    doc.rect(plot.x, yOf(z.hijau), plot.w, yOf(z.kuning) - yOf(z.hijau)).fillColor('#fff8e1').fill();
    doc.rect(plot.x, yOf(z.kuning), plot.w, yOf(0) - yOf(z.kuning)).fillColor('#ffebee').fill();
    doc.fillColor(MUTED).font('Helvetica').fontSize(5);
    for (const tick of [0, 50, 100]) cell(doc, String(tick), x, yOf(tick) - 2, 12, 'right');
    const step = plot.w / (u.scores.length - 1);
    pack.trends.periods.forEach((p, i) => cell(doc, monthShort(p), plot.x + i * step - 8, plot.y + plot.h + 1, 16, 'center'));
    let drawing = false;
    u.scores.forEach((s, i) => {
      if (s === null) return void (drawing = false);
      const px = plot.x + i * step;
      if (drawing) doc.lineTo(px, yOf(s));
      else doc.moveTo(px, yOf(s));
      drawing = true;
    });
    doc.strokeColor('#1565c0').lineWidth(1).stroke();
    u.scores.forEach((s, i) => {
      if (s !== null) doc.circle(plot.x + i * step, yOf(s), 1.3).fillColor('#1565c0').fill();
    });
    const last = u.scores[u.scores.length - 1];
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(6);
    cell(doc, scoreText(last), x + width - 30, y, 30, 'right');
  });
  doc.y += height + gap;
  doc.x = MARGIN;
  const none = pack.trends.units.length - units.length;
  if (none > 0) empty(doc, `${none} unit belum pernah dinilai dalam enam bulan terakhir (tidak digambar).`);
}

function instructionSection(doc: Doc, pack: RapimPack): void {
  const columns: Column[] = [
    { title: 'Perangkat daerah', width: 100 },
    { title: 'Instruksi / indikator', width: 170 },
    { title: 'Target', width: 60, align: 'right' },
    { title: 'Terverifikasi', width: 70, align: 'right' },
    { title: 'Capaian', width: 45, align: 'right' },
    { title: 'Batas waktu', width: 78 },
  ];
  const rows = (lines: RapimPack['instructions']['overdue']) =>
    lines.map((l) => [
      l.unitName,
      `${l.title}: ${l.indicator}`,
      `${l.target} ${l.unitOfMeasure}${l.target !== l.originalTarget ? ` (awal ${l.originalTarget})` : ''}`,
      `${l.verifiedRealisation} ${l.unitOfMeasure}`,
      percentText(l.achievement),
      dateText(l.dueAt),
    ]);
  sectionTitle(doc, '3. Instruksi Khusus Pimpinan: lewat batas waktu');
  if (pack.instructions.overdue.length === 0) empty(doc, 'Tidak ada target instruksi bulan ini yang lewat batas waktu.');
  else table(doc, columns, rows(pack.instructions.overdue));
  sectionTitle(doc, '4. Instruksi Khusus Pimpinan: tercapai (realisasi terverifikasi)');
  if (pack.instructions.achieved.length === 0) empty(doc, 'Belum ada target instruksi bulan ini yang tercapai dengan realisasi terverifikasi.');
  else table(doc, columns, rows(pack.instructions.achieved));
}

function negotiationSection(doc: Doc, pack: RapimPack): void {
  sectionTitle(doc, '5. Dialog kinerja: usulan target yang diputuskan');
  if (pack.negotiations.length === 0) return empty(doc, 'Tidak ada usulan target yang diputuskan bulan ini.');
  table(
    doc,
    [
      { title: 'Perangkat daerah', width: 110 },
      { title: 'Indikator', width: 150 },
      { title: 'Target awal', width: 45, align: 'right' },
      { title: 'Usulan', width: 40, align: 'right' },
      { title: 'Keputusan', width: 90 },
      { title: 'Alasan unit', width: 88 },
    ],
    pack.negotiations.map((n) => [n.unitName, n.indicator, String(n.currentTarget), String(n.proposedTarget), `${n.stateLabel}${n.decidedBy ? ` (${n.decidedBy})` : ''}`, n.reason]),
  );
}

function budgetSection(doc: Doc, pack: RapimPack): void {
  sectionTitle(doc, `6. Penyerapan anggaran terhadap rencana (target akhir tahun ${pack.board.policy.budget.yearEndTarget} %)`, 80);
  if (pack.budget.length === 0) return empty(doc, 'Belum ada data realisasi anggaran untuk bulan ini.');
  const labelWidth = 150;
  const barWidth = doc.page.width - 2 * MARGIN - labelWidth - 110;
  doc.fillColor(MUTED).font('Helvetica').fontSize(6.5).text('Batang abu-abu: rencana kumulatif (anggaran kas); batang biru: realisasi; garis merah: yang diharapkan bulan ini.', MARGIN);
  doc.moveDown(0.3);
  for (const b of pack.budget) {
    if (doc.y + 14 > doc.page.height - MARGIN) doc.addPage();
    const y = doc.y;
    doc.fillColor(INK).font('Helvetica').fontSize(7);
    cell(doc, b.unitName, MARGIN, y, labelWidth - 4);
    const x0 = MARGIN + labelWidth;
    doc.rect(x0, y, barWidth, 8).fillColor('#f0f4f8').fill();
    doc.rect(x0, y, (barWidth * b.planPercent) / 100, 8).fillColor('#9aa5b1').fill();
    doc.rect(x0, y + 2, (barWidth * b.realisationPercent) / 100, 4).fillColor('#1565c0').fill();
    const ex = x0 + (barWidth * b.expectedPercent) / 100;
    doc.moveTo(ex, y - 1).lineTo(ex, y + 9).strokeColor('#c62828').lineWidth(1).stroke();
    doc.fillColor(INK).fontSize(6.5);
    cell(doc, `${percentText(b.realisationPercent)} / ${percentText(b.planPercent)} - capaian ${percentText(b.achievement)}`, x0 + barWidth + 4, y, 106);
    doc.y = y + 12;
  }
  doc.moveDown(0.4);
  table(
    doc,
    [
      { title: 'Perangkat daerah', width: 150 },
      { title: 'Pagu', width: 95, align: 'right' },
      { title: 'Rencana kumulatif', width: 95, align: 'right' },
      { title: 'Realisasi kumulatif', width: 95, align: 'right' },
      { title: 'Capaian thd rencana', width: 88, align: 'right' },
    ],
    pack.budget.map((b) => [b.unitName, rupiahText(b.pagu), rupiahText(b.rencana), rupiahText(b.realisasi), percentText(b.achievement)]),
  );
}

function overdueSection(doc: Doc, pack: RapimPack): void {
  sectionTitle(doc, '7. Pengaduan terlambat terlama per perangkat daerah');
  if (pack.overdueComplaints.length === 0) return empty(doc, 'Tidak ada pengaduan yang terlambat dan belum ditindaklanjuti.');
  table(
    doc,
    [
      { title: 'Perangkat daerah', width: 170 },
      { title: 'Nomor pengaduan', width: 110 },
      { title: 'Tenggat', width: 90 },
      { title: 'Jatuh tempo', width: 80 },
      { title: 'Terlambat (hari)', width: 73, align: 'right' },
    ],
    pack.overdueComplaints.map((o) => [o.unitName, o.trackingId ?? '-', o.deadlineLabel, dateText(o.deadlineAt), String(o.daysOverdue)]),
  );
}

function pageNumbers(doc: Doc, pack: RapimPack): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a page for it.
    doc.page.margins.bottom = 0;
    doc.fillColor(MUTED).font('Helvetica').fontSize(7).text(`Paket Rapim IKP ${monthName(pack.period)} - halaman ${i + 1} dari ${range.count}`, MARGIN, doc.page.height - MARGIN + 10, {
      width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false,
    });
  }
}
