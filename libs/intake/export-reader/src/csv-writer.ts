// RFC 4180 CSV in the shape of a LAPOR! CSV export: UTF-8 without BOM, LF line endings, fields
// quoted only when they must be.

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function serialiseCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + (rows.length > 0 ? '\n' : '');
}
