// An XLSX cell as the admin sees it in the spreadsheet, so a date typed into a real date cell reads
// the same as the text LAPOR! writes. Covers the number formats exports and re-saved exports use
// (dates, times, fixed decimals, thousands, percent); anything more exotic falls back to General.

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * Built-in formats 14 and 22 are shown in the reader's own short-date style, which a file cannot
 * tell us; ISO is the one rendering every parser downstream reads without ambiguity. (ExcelJS
 * spells built-in 22 with a quoted "h".)
 */
const LOCALE_DEPENDENT_FORMATS: Readonly<Record<string, string>> = {
  'mm-dd-yy': 'yyyy-mm-dd',
  'm/d/yy "h":mm': 'yyyy-mm-dd hh:mm',
  'm/d/yy h:mm': 'yyyy-mm-dd hh:mm',
};

type CellValue = unknown;

/** Display text of an ExcelJS cell value under the cell's number format. */
export function cellDisplayText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return decodeExcelEscapes(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    return isDateFormat(numFmt) ? formatDate(serialToDate(value), numFmt!) : formatNumber(value, numFmt);
  }
  if (value instanceof Date) return formatDate(value, isDateFormat(numFmt) ? numFmt! : 'yyyy-mm-dd hh:mm:ss');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.richText)) {
      return decodeExcelEscapes(record.richText.map((run: { text?: string }) => run.text ?? '').join(''));
    }
    if ('result' in record || 'formula' in record || 'sharedFormula' in record) {
      return cellDisplayText(record.result, numFmt);
    }
    if ('text' in record) return cellDisplayText(record.text, numFmt);
    if ('error' in record) return String(record.error);
  }
  return String(value);
}

/** Excel writes control characters in strings as `_xHHHH_` (a carriage return is `_x000D_`). */
function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * DAY_MS));
}

/** The section of a format that applies to positive values, without colours, conditions or locales. */
function positiveSection(numFmt: string): string {
  return splitSections(numFmt)[0].replace(/\[(?:[$][^\]]*|[A-Za-z]+\d*|[<>=][^\]]*)\]/g, (bracket) =>
    /^\[(?:h+|m+|s+)\]$/i.test(bracket) ? bracket : '',
  );
}

function splitSections(numFmt: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of numFmt) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  sections.push(current);
  return sections;
}

function withoutLiterals(numFmt: string): string {
  return numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
}

export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt || numFmt === 'General') return false;
  return /[ymdhs]/i.test(withoutLiterals(splitSections(numFmt)[0]).replace(/General/gi, ''));
}

function formatNumber(value: number, numFmt: string | undefined): string {
  const general = () => String(Number(value.toPrecision(15)));
  if (!numFmt || /^general$/i.test(numFmt) || numFmt === '@') return general();
  const sections = splitSections(numFmt);
  const negativeSection = value < 0 && sections.length > 1;
  const pattern = (negativeSection ? sections[1] : sections[0]).replace(/\[[^\]]*\]/g, '');
  // Placeholders inside quoted or escaped literals are text, not digits.
  const masked = pattern.replace(/"[^"]*"|\\./g, (literal) => ' '.repeat(literal.length));
  const core = /[#0?][#0?,.]*/.exec(masked);
  if (!core || masked.includes('/')) return general();
  const [integerPattern, decimalsPattern = ''] = core[0].split('.');
  const decimals = (decimalsPattern.match(/[0#?]/g) ?? []).length;
  const after = pattern.slice(core.index + core[0].length);
  const sign = value < 0 && !negativeSection ? '-' : '';
  if (/^E[+-]/i.test(after)) {
    const [mantissa, exponent] = Math.abs(value).toExponential(decimals).split('e');
    const exponentDigits = String(Math.abs(Number(exponent))).padStart(2, '0');
    return `${literalText(pattern.slice(0, core.index))}${sign}${mantissa}E${Number(exponent) < 0 ? '-' : '+'}${exponentDigits}`;
  }
  const magnitude = Math.abs(value) * (masked.includes('%') ? 100 : 1);
  const [integer, fraction] = magnitude.toFixed(decimals).split('.');
  const integerText = integerPattern.includes(',') ? integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : integer;
  const numberText = fraction ? `${integerText}.${fraction}` : integerText;
  return `${literalText(pattern.slice(0, core.index))}${sign}${numberText}${literalText(after)}`;
}

/** Quoted text and escaped characters kept, padding (`_x`, `*x`) dropped. */
function literalText(part: string): string {
  return part.replace(/_./g, '').replace(/\*./g, '').replace(/"([^"]*)"/g, '$1').replace(/\\(.)/g, '$1');
}

type DateToken = { kind: 'literal'; text: string } | { kind: 'field'; code: string };

function tokeniseDateFormat(numFmt: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < numFmt.length) {
    const ch = numFmt[i];
    if (ch === '"') {
      const end = numFmt.indexOf('"', i + 1);
      const stop = end < 0 ? numFmt.length : end;
      tokens.push({ kind: 'literal', text: numFmt.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: numFmt[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = numFmt.indexOf(']', i);
      const inner = numFmt.slice(i + 1, end < 0 ? numFmt.length : end);
      if (/^(?:h+|m+|s+)$/i.test(inner)) tokens.push({ kind: 'field', code: `[${inner.toLowerCase()}]` });
      i = end < 0 ? numFmt.length : end + 1;
    } else if (/^(?:AM\/PM|A\/P)/i.test(numFmt.slice(i))) {
      const code = /^AM\/PM/i.test(numFmt.slice(i)) ? 'AM/PM' : 'A/P';
      tokens.push({ kind: 'field', code });
      i += code.length;
    } else if (/[ymdhs]/i.test(ch)) {
      let j = i;
      while (j < numFmt.length && numFmt[j].toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'field', code: numFmt.slice(i, j).toLowerCase() });
      i = j;
    } else if (ch === '_' || ch === '*') {
      i += 2;
    } else {
      tokens.push({ kind: 'literal', text: ch });
      i++;
    }
  }
  return tokens;
}

function formatDate(date: Date, numFmt: string): string {
  const format = LOCALE_DEPENDENT_FORMATS[numFmt] ?? positiveSection(numFmt);
  // ExcelJS hands dates over as UTC instants of the sheet's wall-clock time; round to whole seconds
  // as Excel's display does.
  const t = new Date(Math.round(date.getTime() / 1000) * 1000);
  const tokens = tokeniseDateFormat(format);
  const twelveHour = tokens.some((tok) => tok.kind === 'field' && (tok.code === 'AM/PM' || tok.code === 'A/P'));
  const fields = tokens.filter((tok): tok is Extract<DateToken, { kind: 'field' }> => tok.kind === 'field');
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours24 = t.getUTCHours();
  const hours = twelveHour ? hours24 % 12 || 12 : hours24;

  return tokens
    .map((token) => {
      if (token.kind === 'literal') return token.text;
      const index = fields.indexOf(token);
      const previous = fields[index - 1]?.code ?? '';
      const next = fields[index + 1]?.code ?? '';
      switch (token.code) {
        case 'yyyy': case 'yyy': case 'yyyyy': return String(t.getUTCFullYear());
        case 'yy': case 'y': return pad(t.getUTCFullYear() % 100);
        case 'd': return String(t.getUTCDate());
        case 'dd': return pad(t.getUTCDate());
        case 'ddd': return DAY_NAMES[t.getUTCDay()].slice(0, 3);
        case 'dddd': return DAY_NAMES[t.getUTCDay()];
        case 'h': return String(hours);
        case 'hh': return pad(hours);
        case 's': return String(t.getUTCSeconds());
        case 'ss': return pad(t.getUTCSeconds());
        case '[h]': case '[hh]': return String(Math.floor((t.getTime() - EXCEL_EPOCH_MS) / 3_600_000));
        case '[m]': case '[mm]': return String(Math.floor((t.getTime() - EXCEL_EPOCH_MS) / 60_000));
        case '[s]': case '[ss]': return String(Math.floor((t.getTime() - EXCEL_EPOCH_MS) / 1000));
        case 'AM/PM': return hours24 < 12 ? 'AM' : 'PM';
        case 'A/P': return hours24 < 12 ? 'A' : 'P';
        case 'm': case 'mm': {
          // "m" is minutes right after an hour or right before seconds, otherwise the month.
          const minutes = /^\[?h/.test(previous) || /^\[?s/.test(next);
          if (minutes) return token.code === 'm' ? String(t.getUTCMinutes()) : pad(t.getUTCMinutes());
          return token.code === 'm' ? String(t.getUTCMonth() + 1) : pad(t.getUTCMonth() + 1);
        }
        case 'mmm': return MONTH_NAMES[t.getUTCMonth()].slice(0, 3);
        case 'mmmm': return MONTH_NAMES[t.getUTCMonth()];
        case 'mmmmm': return MONTH_NAMES[t.getUTCMonth()][0];
        default: return token.code.startsWith('d') ? DAY_NAMES[t.getUTCDay()] : '';
      }
    })
    .join('');
}
