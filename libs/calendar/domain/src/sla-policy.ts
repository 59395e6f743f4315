// The SLA policy: how many working days each actor has, as configuration a regency can change.
// Its shape is the shape of sla-policy.json (SLA_POLICY_DEFAULT), so a policy edited by an admin
// can be stored and loaded as the same JSON; notes, bases and sources may ride along unread.
import { SLA_POLICY_DEFAULT } from '@bekasi/reference-data';
import { dayNumberOfDate, startOfJakartaDay } from './jakarta-time';
import type { WorkingDaysSettings } from './working-day-calendar';

export interface RegencyOverride {
  workingDays: number;
  /** WIB calendar date (YYYY-MM-DD) from which the override applies. */
  since: string;
}

export interface SlaPolicy {
  workingDays?: WorkingDaysSettings;
  /** Admin verifies and dispatches (disposisi), counted from receipt. */
  verificationAndDisposition: { workingDays: number };
  /** The unit's first response (tanggapan / tindak lanjut awal), counted from disposition. */
  firstResponse: { workingDays: number; regencyOverrides?: Record<string, RegencyOverride> };
  /** Resolution by "Klasifikasi Laporan". */
  resolution: ReadonlyArray<{ classification: string; workingDays: number }>;
  resolutionWhenUnclassified: { workingDays: number };
  /** "Ditutup oleh Sistem" when the reporter does not reply to the final answer. */
  autoClose: { workingDaysAfterFinalAnswer: number };
  pause: { whileStatus: readonly string[] };
}

export interface SlaPolicyVersion extends SlaPolicy {
  version: string;
  /** Tickets that start at or after this instant follow this version (see SlaPolicyBook). */
  effectiveFrom: Date;
}

/** The regency this system serves, whose overrides apply unless a caller names another. */
export const DEFAULT_REGENCY = 'kabupaten-bekasi';

/** Validates a policy and stamps it with a version; throws listing every problem found. */
export function slaPolicyVersion(version: string, effectiveFrom: Date, policy: SlaPolicy): SlaPolicyVersion {
  const problems = slaPolicyProblems(policy);
  if (version.trim() === '') problems.push('version must not be empty');
  if (Number.isNaN(effectiveFrom.getTime())) problems.push('effectiveFrom is an invalid date');
  if (problems.length > 0) throw new Error(`Invalid SLA policy "${version}": ${problems.join('; ')}`);
  return { ...policy, version, effectiveFrom: new Date(effectiveFrom.getTime()) };
}

/** The LAPOR! procedure defaults with Kabupaten Bekasi's override, in force for all history. */
export const DEFAULT_SLA_POLICY_VERSION: SlaPolicyVersion = slaPolicyVersion(
  'lapor-default-2025',
  startOfJakartaDay('2025-01-01'),
  SLA_POLICY_DEFAULT,
);

export function slaPolicyProblems(policy: SlaPolicy): string[] {
  const problems: string[] = [];
  const checkDays = (value: unknown, path: string) => {
    if (!Number.isInteger(value) || (value as number) < 0) problems.push(`${path} must be a non-negative integer, got ${String(value)}`);
  };

  checkDays(policy.verificationAndDisposition?.workingDays, 'verificationAndDisposition.workingDays');
  checkDays(policy.firstResponse?.workingDays, 'firstResponse.workingDays');
  for (const [regency, override] of Object.entries(policy.firstResponse?.regencyOverrides ?? {})) {
    checkDays(override.workingDays, `firstResponse.regencyOverrides.${regency}.workingDays`);
    try {
      dayNumberOfDate(override.since);
    } catch {
      problems.push(`firstResponse.regencyOverrides.${regency}.since must be a date YYYY-MM-DD, got "${override.since}"`);
    }
  }

  const seen = new Set<string>();
  if (!Array.isArray(policy.resolution)) problems.push('resolution must be a list');
  (Array.isArray(policy.resolution) ? policy.resolution : []).forEach((rule, index) => {
    checkDays(rule.workingDays, `resolution[${index}].workingDays`);
    const key = classificationKey(rule.classification ?? '');
    if (key === '') problems.push(`resolution[${index}].classification must not be empty`);
    else if (seen.has(key)) problems.push(`resolution lists "${rule.classification}" twice`);
    seen.add(key);
  });

  checkDays(policy.resolutionWhenUnclassified?.workingDays, 'resolutionWhenUnclassified.workingDays');
  checkDays(policy.autoClose?.workingDaysAfterFinalAnswer, 'autoClose.workingDaysAfterFinalAnswer');
  if (!Array.isArray(policy.pause?.whileStatus)) problems.push('pause.whileStatus must be a list of statuses');
  return problems;
}

/**
 * Working days the unit has for its first response, given when its clock starts: the regency's
 * override once in force, otherwise the procedure default. Pass `regency: null` for no override.
 */
export function firstResponseRule(
  policy: SlaPolicy,
  startsAt: Date,
  regency: string | null = DEFAULT_REGENCY,
): { workingDays: number; regencyOverride: string | null } {
  const override = regency === null ? undefined : policy.firstResponse.regencyOverrides?.[regency];
  if (override && startsAt.getTime() >= startOfJakartaDay(override.since).getTime()) {
    return { workingDays: override.workingDays, regencyOverride: regency };
  }
  return { workingDays: policy.firstResponse.workingDays, regencyOverride: null };
}

/**
 * Working days to resolve a report of a classification. Classifications are matched ignoring case
 * and spacing, as exports are typed by hand; an empty or unknown one gets the unclassified rule,
 * reported as `classification: null`.
 */
export function resolutionRule(
  policy: SlaPolicy,
  classification: string | null | undefined,
): { workingDays: number; classification: string | null } {
  const key = classificationKey(classification ?? '');
  const rule = key === '' ? undefined : policy.resolution.find((candidate) => classificationKey(candidate.classification) === key);
  return rule
    ? { workingDays: rule.workingDays, classification: rule.classification }
    : { workingDays: policy.resolutionWhenUnclassified.workingDays, classification: null };
}

/** Whether a ticket status stops the SLA clocks (e.g. "Menunggu Kelengkapan Informasi"). */
export function isPausingStatus(policy: SlaPolicy, status: string): boolean {
  const key = classificationKey(status);
  return policy.pause.whileStatus.some((candidate) => classificationKey(candidate) === key);
}

function classificationKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
