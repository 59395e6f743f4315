// IKP scoring of a unit for a period: indicators measured from its tickets, compared with the
// unit's targets, weighted into one 0-100 score with the Ombudsman's colour zones. Every number
// here is policy (configuration), not law: the regency sets weights, targets and zones.
import { jakartaDate } from '@bekasi/calendar';

export const IKP_INDICATORS = ['first_response_on_time', 'resolution_on_time', 'follow_up_rate', 'satisfaction', 'escalation_free', 'instructions_on_time'] as const;
export type IkpIndicator = (typeof IKP_INDICATORS)[number];
export type Zone = 'hijau' | 'kuning' | 'merah';

export interface IndicatorPolicy {
  weight: number;
  /** Default target in percent; a unit's negotiated target replaces it. */
  target: number;
  label: { id: string; en: string };
}

export interface IkpPolicy {
  indicators: Record<IkpIndicator, IndicatorPolicy>;
  /** Lowest score of each zone (hijau 81-100, kuning 51-80.99, merah below). */
  zones: { hijau: number; kuning: number };
}

export const DEFAULT_IKP_POLICY: IkpPolicy = {
  indicators: {
    first_response_on_time: { weight: 0.3, target: 90, label: { id: 'Tanggapan tepat waktu', en: 'First response on time' } },
    resolution_on_time: { weight: 0.25, target: 80, label: { id: 'Penyelesaian tepat waktu', en: 'Resolution on time' } },
    follow_up_rate: { weight: 0.2, target: 90, label: { id: 'Laporan ditindaklanjuti', en: 'Complaints followed up' } },
    satisfaction: { weight: 0.15, target: 80, label: { id: 'Kepuasan pelapor', en: 'Reporter satisfaction' } },
    escalation_free: { weight: 0.1, target: 95, label: { id: 'Tanpa eskalasi ke pimpinan', en: 'Without escalation to leaders' } },
    // Counted only in months where an instruction of the leadership fell due.
    instructions_on_time: { weight: 0.25, target: 100, label: { id: 'Instruksi pimpinan tuntas tepat waktu', en: 'Leadership instructions done on time' } },
  },
  zones: { hijau: 81, kuning: 51 },
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
  /** Leadership instructions due in the period whose outcome is known, and those done by their date. */
  instructionsDue: number;
  instructionsOnTime: number;
}

export const EMPTY_TALLY: UnitPeriodTally = {
  assigned: 0, answered: 0, firstResponseDeadlines: 0, firstResponseOnTime: 0, resolutionDeadlines: 0, resolutionOnTime: 0, ratings: 0, ratingSum: 0, escalatedBeyondUnit: 0, instructionsDue: 0, instructionsOnTime: 0,
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
    instructions_on_time: percent(t.instructionsOnTime, t.instructionsDue),
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
  return { score, zone: score === null ? null : zoneOf(score, policy), components, values, targets: effective };
}

export interface RankedUnit<T> {
  rank: number;
  item: T;
}

/** Highest score first; equal scores share a rank (1, 2, 2, 4); unmeasured units come last, unranked. */
export function rankByScore<T extends { unitCode: string; score: number | null }>(items: readonly T[]): Array<RankedUnit<T> | { rank: null; item: T }> {
  const measured = items.filter((i) => i.score !== null).sort((a, b) => b.score! - a.score! || a.unitCode.localeCompare(b.unitCode));
  const ranked: Array<RankedUnit<T> | { rank: null; item: T }> = measured.map((item, index) => ({
    rank: index > 0 && measured[index - 1].score === item.score ? -1 : index + 1,
    item,
  }));
  for (let i = 1; i < ranked.length; i++) if (ranked[i].rank === -1) ranked[i].rank = ranked[i - 1].rank;
  const unmeasured = items.filter((i) => i.score === null).sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  return [...ranked, ...unmeasured.map((item) => ({ rank: null, item }))];
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
