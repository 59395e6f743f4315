// Reads the synthetic "Laporan Ringkas" sample export for the routing specs (not exported from the
// library). The spec reads the file; this module only parses text, so it stays pure.

/** RFC 4180: quoted fields may hold commas, newlines and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field.length > 0 || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface SampleComplaint {
  trackingId: string;
  /** ISO date-time in Asia/Jakarta. */
  receivedAt: string;
  classification: string;
  category: string;
  title: string;
  text: string;
  /** "Instansi Terdisposisi" as exported; empty when the report was never dispatched. */
  dispatchedTo: string;
}

const MONTHS: Record<string, string> = {
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06',
  Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
};

function isoOf(date: string, time: string): string {
  const [day, month, year] = date.trim().split(/\s+/);
  return `${year}-${MONTHS[month]}-${day.padStart(2, '0')}T${time.trim()}+07:00`;
}

/** The complaint rows of the export: everything below the header row "Tracking ID, …". */
export function sampleComplaints(csvText: string): SampleComplaint[] {
  const rows = parseCsv(csvText);
  const header = rows.findIndex((r) => r[0] === 'Tracking ID');
  if (header < 0) throw new Error('No header row in the sample export');
  const col = (name: string) => rows[header].indexOf(name);
  return rows.slice(header + 1).map((r) => ({
    trackingId: r[col('Tracking ID')],
    receivedAt: isoOf(r[col('Tanggal Laporan Masuk')], r[col('Waktu Laporan Masuk')]),
    classification: r[col('Klasifikasi Laporan')],
    category: r[col('Kategori')],
    title: r[col('Judul Laporan')],
    text: r[col('Isi Laporan Awal')],
    dispatchedTo: r[col('Instansi Terdisposisi')],
  }));
}
