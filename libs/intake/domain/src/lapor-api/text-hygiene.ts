// Text from outside (LAPOR!'s API, a channel's webhook) is cleaned before anything stores it:
// PostgreSQL refuses NUL in text and JSONB, so one such byte used to fail a whole poll page, every time.
import { maskPersonalData } from '@bekasi/indonesian-text';

// NUL and the other C0/C1 controls except tab, newline, carriage return; and UTF-16 halves
// without their partner (invalid Unicode: what a broken encoder leaves).
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without control characters and invalid Unicode (removed, not replaced: nothing to read there). */
export function cleanText(value: string): string {
  return value.replace(UNWANTED, '');
}

/** Whether `value` held anything cleanText removes. */
export function hasUnwantedCharacters(value: string): boolean {
  UNWANTED.lastIndex = 0;
  const found = UNWANTED.test(value);
  UNWANTED.lastIndex = 0;
  return found;
}

/** How long a rejected poll record is kept for the admin to look at before it is deleted. */
export const REJECTED_RECORD_RETENTION_DAYS = 30;

/**
 * A rejected record as the admin may see it: every string cleaned and masked (NIK, phone numbers,
 * e-mail addresses), reporter identity fields blanked; structure kept so the fault can be found.
 */
export function recordForAdmin(record: unknown, depth = 0): unknown {
  if (depth > 8) return null;
  if (typeof record === 'string') return maskPersonalData(cleanText(record)).slice(0, 2_000);
  if (Array.isArray(record)) return record.slice(0, 100).map((v) => recordForAdmin(v, depth + 1));
  if (record && typeof record === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record).slice(0, 100)) {
      const name = cleanText(key);
      out[name] = /^(nik|ktp|phone|telepon|hp|email|name|nama)$/i.test(name) && value !== null ? '[disamarkan]' : recordForAdmin(value, depth + 1);
    }
    return out;
  }
  return typeof record === 'number' || typeof record === 'boolean' || record === null ? record : null;
}
