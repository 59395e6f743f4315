import { cellDisplayText, isDateFormat } from './xlsx-cell-text';

/** ExcelJS's representation of a sheet's wall-clock time: a UTC instant. */
const wallClock = (iso: string) => new Date(`${iso}Z`);
const EXCEL_SERIAL_7_OCT_2026_10_20_35 = 46302 + (10 * 3600 + 20 * 60 + 35) / 86400;

describe('cellDisplayText', () => {
  it.each<[string, unknown, string | undefined, string]>([
    ['empty', null, undefined, ''],
    ['undefined', undefined, 'General', ''],
    ['text', '9100001', undefined, '9100001'],
    ['text with an Excel escape', 'baris satu_x000D_\nbaris dua', undefined, 'baris satu\r\nbaris dua'],
    ['a boolean', true, undefined, 'TRUE'],
    ['an integer in General', 9100001, 'General', '9100001'],
    ['a float without binary noise', 0.1 + 0.2, undefined, '0.3'],
    ['a fixed-decimal number', 1234.5, '0.00', '1234.50'],
    ['a grouped number', 1234567.891, '#,##0.00', '1,234,567.89'],
    ['a grouped integer', 5000, '#,##0', '5,000'],
    ['a percentage', 0.256, '0.0%', '25.6%'],
    ['a currency with a quoted prefix', 5000, '"Rp"#,##0', 'Rp5,000'],
    ['a negative number', -12.5, '0.0', '-12.5'],
    ['a negative number with its own section', -12.5, '0.0;(0.0)', '(12.5)'],
    ['a scientific number', 12345, '0.00E+00', '1.23E+04'],
    ['a fraction format (unsupported, shown as General)', 1.5, '# ?/?', '1.5'],
    ['a LAPOR-style date', wallClock('2026-10-07T00:00:00'), 'd mmm yyyy', '7 Oct 2026'],
    ['a time', wallClock('1899-12-30T10:20:35'), 'hh:mm:ss', '10:20:35'],
    ['a time a millisecond short of the second', wallClock('1899-12-30T10:20:34.999'), 'h:mm:ss', '10:20:35'],
    ['a 12-hour time', wallClock('1899-12-30T22:05:00'), 'h:mm AM/PM', '10:05 PM'],
    ['the locale short date (built-in 14) as ISO', wallClock('2026-10-07T00:00:00'), 'mm-dd-yy', '2026-10-07'],
    ['an ISO date format', wallClock('2026-10-07T10:20:35'), 'yyyy-mm-dd hh:mm:ss', '2026-10-07 10:20:35'],
    ['a long date with a locale tag', wallClock('2026-10-07T00:00:00'), '[$-421]dddd, dd mmmm yyyy', 'Wednesday, 07 October 2026'],
    ['a date serial that ExcelJS left as a number', EXCEL_SERIAL_7_OCT_2026_10_20_35, 'd mmm yyyy hh:mm:ss', '7 Oct 2026 10:20:35'],
    ['a date without a date format', wallClock('2026-10-07T10:20:35'), undefined, '2026-10-07 10:20:35'],
    ['rich text', { richText: [{ text: 'Dinas ' }, { text: 'Sosial', font: { bold: true } }] }, undefined, 'Dinas Sosial'],
    ['a formula result', { formula: 'A1&B1', result: 'Kab. Bekasi' }, undefined, 'Kab. Bekasi'],
    ['a numeric formula result', { formula: 'A1*2', result: 2500 }, '#,##0', '2,500'],
    ['a formula without a cached result', { formula: 'NOW()' }, undefined, ''],
    ['a hyperlink', { text: 'lapor.go.id', hyperlink: 'https://lapor.go.id' }, undefined, 'lapor.go.id'],
    ['an error', { error: '#N/A' }, undefined, '#N/A'],
  ])('shows %s', (_label, value, numFmt, expected) => {
    expect(cellDisplayText(value, numFmt)).toBe(expected);
  });
});

describe('isDateFormat', () => {
  it.each(['d mmm yyyy', 'hh:mm:ss', 'mm-dd-yy', '[h]:mm', '[$-421]dd mmmm yyyy'])('sees %p as a date format', (format) => {
    expect(isDateFormat(format)).toBe(true);
  });

  it.each([undefined, 'General', '0.00', '#,##0', '"Rp"#,##0', '0.00"hari"', '@'])('sees %p as not a date format', (format) => {
    expect(isDateFormat(format)).toBe(false);
  });
});
