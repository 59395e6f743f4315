// Dates, numbers and deadlines as people read them: always in Asia/Jakarta, in the UI's language.
// Pure functions (no DOM), unit-tested in format.spec.ts.
export const TIME_ZONE = 'Asia/Jakarta';
export type Lang = 'id' | 'en';
const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(LOCALE[lang], { timeZone: TIME_ZONE, day: 'numeric', month: 'short' }).format(new Date(iso));
}

export function formatNumber(n: number | null | undefined, lang: Lang, maximumFractionDigits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits }).format(n);
}

export function formatPercent(fraction: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** How pressing a deadline is: overdue, under a day left, under three days, or calm. */
export type Urgency = 'overdue' | 'critical' | 'soon' | 'calm';

export function urgencyOf(dueAt: string, now: Date): Urgency {
  const left = new Date(dueAt).getTime() - now.getTime();
  if (left <= 0) return 'overdue';
  if (left < 24 * 3600_000) return 'critical';
  if (left < 3 * 24 * 3600_000) return 'soon';
  return 'calm';
}

/** "in 2 days" / "3 hours ago" in the UI's language, the largest whole unit that fits. */
export function countdown(dueAt: string, now: Date, lang: Lang): string {
  const seconds = Math.round((new Date(dueAt).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(LOCALE[lang], { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs >= 86_400) return rtf.format(Math.trunc(seconds / 86_400), 'day');
  if (abs >= 3_600) return rtf.format(Math.trunc(seconds / 3_600), 'hour');
  return rtf.format(Math.trunc(seconds / 60), 'minute');
}

/** Monday (Jakarta time) of the week an instant falls in, as YYYY-MM-DD. */
export function weekOf(iso: string): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3600_000);
  const day = (local.getUTCDay() + 6) % 7;
  local.setUTCDate(local.getUTCDate() - day);
  return local.toISOString().slice(0, 10);
}
