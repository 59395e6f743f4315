import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_SLA_POLICY_BOOK, WorkingDayCalendar, type SlaPolicyBook, type SlaPolicyVersion } from '@bekasi/calendar';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { ESCALATION_LADDER_DEFAULT } from '@bekasi/reference-data';
import { reminderRulesOf, type ReminderRule, type SlaContext } from '@bekasi/sla-domain';
import type { SlaConfig } from '../sla.config';

/** The policy versions, the working-day calendar and the reminder rules the clocks are computed with. */
@Injectable()
export class SlaPolicyContext {
  readonly book: SlaPolicyBook = DEFAULT_SLA_POLICY_BOOK;
  readonly reminders: readonly ReminderRule[] = reminderRulesOf(ESCALATION_LADDER_DEFAULT);
  private readonly calendars = new Map<string, WorkingDayCalendar>();

  constructor(@Inject(SERVICE_CONFIG) private readonly config: SlaConfig) {}

  /** A ticket keeps the policy version in force when it was received, even after a newer one starts. */
  policyFor(receivedAt: Date, storedVersion?: string): SlaPolicyVersion {
    return (storedVersion && this.book.byVersion(storedVersion)) || this.book.inForceAt(receivedAt);
  }

  contextOf(policy: SlaPolicyVersion): SlaContext {
    let calendar = this.calendars.get(policy.version);
    if (!calendar) {
      calendar = policy.workingDays ? WorkingDayCalendar.fromSettings(policy.workingDays) : new WorkingDayCalendar();
      this.calendars.set(policy.version, calendar);
    }
    return { policy, calendar, adminUnitCode: this.config.SLA_ADMIN_UNIT_CODE };
  }
}
