// IKP scoring of a unit for a period: indicators measured from its tickets, compared with the
// unit's targets, weighted into one 0-100 score with the Ombudsman's colour zones. Every number
// here is policy (configuration), not law: the regency sets weights, targets and zones.
import { jakartaDate, jakartaInstant } from '@bekasi/calendar';

export const IKP_INDICATORS = [
  'first_response_on_time',
  'resolution_on_time',
  'follow_up_rate',
  'satisfaction',
  'escalation_free',
  'instructions_achieved',
  'budget_absorption',
] as const;
export type IkpIndicator = (typeof IKP_INDICATORS)[number];
export type Zone = 'hijau' | 'kuning' | 'merah';

export interface IndicatorPolicy {
  weight: number;
  /** Default target in percent; a unit's negotiated target replaces it. */
  target: number;
  label: { id: string; en: string };
}

export interface IkpPolicy {
  /** Versions are published by the Sekda and apply from a month on; a closed month keeps its version. */
  version: string;
  effectiveFrom: string;
  indicators: Record<IkpIndicator, IndicatorPolicy>;
  /** Lowest score of each zone (hijau 81-100, kuning 51-80.99, merah below). */
  zones: { hijau: number; kuning: number };
  /** Budget absorption the plan must reach by year end, in percent of the pagu (e.g. 90). */
  budget: { yearEndTarget: number };
}

export const DEFAULT_IKP_POLICY: IkpPolicy = {
  version: 'ikp-default-2026',
  effectiveFrom: '2026-01',
  indicators: {
    first_response_on_time: { weight: 0.3, target: 90, label: { id: 'Tanggapan tepat waktu', en: 'First response on time' } },
    resolution_on_time: { weight: 0.25, target: 80, label: { id: 'Penyelesaian tepat waktu', en: 'Resolution on time' } },
    follow_up_rate: { weight: 0.2, target: 90, label: { id: 'Laporan ditindaklanjuti', en: 'Complaints followed up' } },
    satisfaction: { weight: 0.15, target: 80, label: { id: 'Kepuasan pelapor', en: 'Reporter satisfaction' } },
    escalation_free: { weight: 0.1, target: 95, label: { id: 'Tanpa eskalasi ke pimpinan', en: 'Without escalation to leaders' } },
    // Counted only in months where a target of a leadership instruction fell due: the verified
    // realisation against the (negotiated) target, 100 meaning every target met.
    instructions_achieved: { weight: 0.25, target: 100, label: { id: 'Capaian instruksi pimpinan', en: 'Leadership instruction targets achieved' } },
    // Realisation against the plan curve (anggaran kas), lifted to the year-end target.
    budget_absorption: { weight: 0.2, target: 100, label: { id: 'Penyerapan anggaran', en: 'Budget absorption' } },
  },
  zones: { hijau: 81, kuning: 51 },
  budget: { yearEndTarget: 90 },
};

/** What a unit did in a period, counted by the IKP service from the event stream. */
export interface UnitPeriodTally {
  /** Tickets the unit received by disposisi (and did not refuse as "bukan kewenangan"). */
  assigned: number;
  /** Of those, answered (tindak lanjut posted). */
  answered: number;
  firstResponseDeadlines: number;
  firstResponseOnTime: number;
  resolutionDeadlines: number;
  resolutionOnTime: number;
  ratings: number;
  ratingSum: number;
  /** Tickets whose breach climbed beyond the unit head (to the Asda or higher). */
  escalatedBeyondUnit: number;
  /** Targets of leadership instructions of the period whose outcome is known, and the sum of their achievements (0-100 each). */
  instructionTargetsDue: number;
  instructionAchievementSum: number;
  /** Budget absorption of the month against the plan, in percent (null: no finance data for the unit). */
  budgetAchievement: number | null;
}

export const EMPTY_TALLY: UnitPeriodTally = {
  assigned: 0, answered: 0, firstResponseDeadlines: 0, firstResponseOnTime: 0, resolutionDeadlines: 0, resolutionOnTime: 0, ratings: 0, ratingSum: 0, escalatedBeyondUnit: 0, instructionTargetsDue: 0, instructionAchievementSum: 0, budgetAchievement: null,
};

const percent = (part: number, whole: number): number | null => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

/** Indicator values in percent; null where the period gives nothing to measure. */
export function indicatorValues(t: UnitPeriodTally): Record<IkpIndicator, number | null> {
  return {
    first_response_on_time: percent(t.firstResponseOnTime, t.firstResponseDeadlines),
    resolution_on_time: percent(t.resolutionOnTime, t.resolutionDeadlines),
    follow_up_rate: percent(Math.min(t.answered, t.assigned), t.assigned),
    satisfaction: t.ratings > 0 ? Math.round((1000 * t.ratingSum) / (5 * t.ratings)) / 10 : null,
    escalation_free: t.assigned > 0 ? Math.max(0, percent(t.assigned - Math.min(t.escalatedBeyondUnit, t.assigned), t.assigned)!) : null,
    instructions_achieved: t.instructionTargetsDue > 0 ? Math.round((10 * t.instructionAchievementSum) / t.instructionTargetsDue) / 10 : null,
    budget_absorption: t.budgetAchievement === null ? null : Math.round(10 * t.budgetAchievement) / 10,
  };
}

export interface IkpScore {
  /** Null when no indicator could be measured. */
  score: number | null;
  zone: Zone | null;
  /** Achievement per measured indicator, 0-100 (value against target, capped at 100). */
  components: Partial<Record<IkpIndicator, number>>;
  values: Record<IkpIndicator, number | null>;
  targets: Record<IkpIndicator, number>;
  /** Indicators without data this period: left out of the score (the weights renormalise), and said so. */
  unmeasured: IkpIndicator[];
}

export function zoneOf(score: number, policy: IkpPolicy = DEFAULT_IKP_POLICY): Zone {
  return score >= policy.zones.hijau ? 'hijau' : score >= policy.zones.kuning ? 'kuning' : 'merah';
}

/**
 * Score = weighted mean of achievements over the indicators that could be measured (weights
 * renormalised), so a unit with no ratings yet is neither punished nor rewarded for it.
 */
export function ikpScore(tally: UnitPeriodTally, targets: Partial<Record<IkpIndicator, number>> = {}, policy: IkpPolicy = DEFAULT_IKP_POLICY): IkpScore {
  const values = indicatorValues(tally);
  const effective = Object.fromEntries(IKP_INDICATORS.map((i) => [i, targets[i] ?? policy.indicators[i].target])) as Record<IkpIndicator, number>;
  const components: Partial<Record<IkpIndicator, number>> = {};
  let weighted = 0;
  let weights = 0;
  for (const indicator of IKP_INDICATORS) {
    const value = values[indicator];
    if (value === null) continue;
    const target = effective[indicator];
    const achievement = target <= 0 ? 100 : Math.min(100, (100 * value) / target);
    components[indicator] = Math.round(achievement * 10) / 10;
    weighted += policy.indicators[indicator].weight * achievement;
    weights += policy.indicators[indicator].weight;
  }
  const score = weights > 0 ? Math.round((10 * weighted) / weights) / 10 : null;
  const unmeasured = IKP_INDICATORS.filter((i) => values[i] === null);
  return { score, zone: score === null ? null : zoneOf(score, policy), components, values, targets: effective, unmeasured };
}

export interface RankedUnit<T> {
  /** Competition ranking (1, 1, 3): equal scores share the rank, the next rank skips. Null: unmeasured. */
  rank: number | null;
  /** True when another unit has the same rank: the board shows it as a tie, not an order. */
  tied: boolean;
  item: T;
}

/** Highest score first; equal scores share a rank (1, 1, 3); unmeasured units come last, unranked. */
export function rankByScore<T extends { unitCode: string; score: number | null }>(items: readonly T[]): Array<RankedUnit<T>> {
  const measured = items.filter((i) => i.score !== null).sort((a, b) => b.score! - a.score! || a.unitCode.localeCompare(b.unitCode));
  const count = new Map<number, number>();
  for (const m of measured) count.set(m.score!, (count.get(m.score!) ?? 0) + 1);
  const ranked = measured.map((item) => ({ rank: 1 + measured.filter((m) => m.score! > item.score!).length, tied: count.get(item.score!)! > 1, item }));
  const unmeasured = items.filter((i) => i.score === null).sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  return [...ranked, ...unmeasured.map((item) => ({ rank: null, tied: false, item }))];
}

/** YYYY-MM of an instant in Asia/Jakarta. */
export function periodOf(instant: Date): string {
  return jakartaDate(instant).slice(0, 7);
}

/** The month before the one `instant` falls in (Asia/Jakarta). */
export function previousPeriod(instant: Date): string {
  const [year, month] = periodOf(instant).split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

export function isPeriod(text: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}

/** The month after `period`. */
export function nextPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The `count` months ending with `period`, oldest first. */
export function periodsEndingWith(period: string, count: number): string[] {
  const out = [period];
  while (out.length < count) {
    const [year, month] = out[0].split('-').map(Number);
    out.unshift(month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`);
  }
  return out;
}

/** The instants a month spans in Asia/Jakarta: [from, until). */
export function periodBounds(period: string): { from: Date; until: Date } {
  return { from: jakartaInstant(`${period}-01T00:00:00`), until: jakartaInstant(`${nextPeriod(period)}-01T00:00:00`) };
}

/**
 * A month may be closed once it has begun: the service closes a month by itself once it is over,
 * and the Sekda may close the running month early by hand (what is frozen is what was known).
 */
export function mayClose(period: string, now: Date): boolean {
  return isPeriod(period) && period <= periodOf(now);
}
