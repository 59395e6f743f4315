// The deadlines that apply to a ticket, read from its SLA policy and the working-day calendar.
// Each deadline is an exclusive instant (late when now >= dueAt), see working-day-calendar.ts.
//
// Where each clock starts:
// - verification: the admin's, from receipt;
// - firstResponse: the unit's, from disposition (absent until disposed); the regency override
//   applies when disposition happens on or after its `since` date;
// - resolution: from receipt, because the public-service tiers promise the reporter an answer
//   within n working days of complaining, however long the regency took to dispatch;
// - autoClose: from the final answer (absent until answered).
// Pauses (ticket waiting for the reporter) stop every clock that is running at the time.
import { DEFAULT_REGENCY, firstResponseRule, resolutionRule, type SlaPolicy, type SlaPolicyVersion } from './sla-policy';
import type { SlaPause } from './sla-pause';
import type { WorkingDayCalendar } from './working-day-calendar';

export interface SlaDeadline {
  startsAt: Date;
  workingDays: number;
  /** Exclusive: late when now >= dueAt. Null while a running pause holds the clock. */
  dueAt: Date | null;
}

export interface FirstResponseDeadline extends SlaDeadline {
  /** The regency whose override set `workingDays`, or null for the procedure default. */
  regencyOverride: string | null;
}

export interface ResolutionDeadline extends SlaDeadline {
  /** The policy's classification that set `workingDays`, or null for the unclassified rule. */
  classification: string | null;
}

export interface SlaDeadlines {
  /** Set when the policy is a version, so the ticket can record which one it follows. */
  policyVersion: string | null;
  verification: SlaDeadline;
  firstResponse: FirstResponseDeadline | null;
  resolution: ResolutionDeadline;
  autoClose: SlaDeadline | null;
  /** Years without holiday data that the deadlines touch: only weekdays were skipped there. */
  uncoveredYears: number[];
}

export interface DeadlineQuery {
  policy: SlaPolicy | SlaPolicyVersion;
  calendar: WorkingDayCalendar;
  receivedAt: Date;
  disposedAt?: Date | null;
  /** "Klasifikasi Laporan"; empty or unknown means unclassified. */
  classification?: string | null;
  /** The final answer to the reporter, which starts the auto-close clock. */
  answeredAt?: Date | null;
  pauses?: readonly SlaPause[];
  /** Whose first-response override applies; null for none. Defaults to Kabupaten Bekasi. */
  regency?: string | null;
}

export function deadlinesFor(query: DeadlineQuery): SlaDeadlines {
  const { policy, calendar, receivedAt, disposedAt, answeredAt, pauses = [] } = query;
  const regency = query.regency === undefined ? DEFAULT_REGENCY : query.regency;
  const deadline = (startsAt: Date, workingDays: number): SlaDeadline => ({
    startsAt,
    workingDays,
    dueAt: calendar.deadlineWithPauses(startsAt, workingDays, pauses),
  });

  const verification = deadline(receivedAt, policy.verificationAndDisposition.workingDays);

  let firstResponse: FirstResponseDeadline | null = null;
  if (disposedAt) {
    const rule = firstResponseRule(policy, disposedAt, regency);
    firstResponse = { ...deadline(disposedAt, rule.workingDays), regencyOverride: rule.regencyOverride };
  }

  const resolutionBy = resolutionRule(policy, query.classification);
  const resolution: ResolutionDeadline = {
    ...deadline(receivedAt, resolutionBy.workingDays),
    classification: resolutionBy.classification,
  };

  const autoClose = answeredAt ? deadline(answeredAt, policy.autoClose.workingDaysAfterFinalAnswer) : null;

  // A deadline is exclusive, so its last counted moment is 1 ms before it.
  const lastCounted = Math.max(
    ...[verification, firstResponse, resolution, autoClose].flatMap((clock) =>
      clock === null ? [] : [clock.startsAt.getTime(), (clock.dueAt?.getTime() ?? 0) - 1],
    ),
  );

  return {
    policyVersion: 'version' in policy ? policy.version : null,
    verification,
    firstResponse,
    resolution,
    autoClose,
    uncoveredYears: calendar.uncoveredYearsBetween(receivedAt, new Date(lastCounted)),
  };
}
