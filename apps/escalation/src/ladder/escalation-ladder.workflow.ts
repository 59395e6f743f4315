import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { EscalationRaisedV1, type EventEnvelope, type SlaBreached } from '@bekasi/contracts';
import { WorkingDayCalendar } from '@bekasi/calendar';
import { CLOCK, type Clock } from '@bekasi/clock';
import { audienceOf, escalationLadder, escalationSteps, mailboxKey, type CaseClosing, type EscalationLadder, type LadderRole } from '@bekasi/escalation-domain';
import { OutboxRelay, OutboxWriter } from '@bekasi/messaging';
import { counter, LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { ESCALATION_LADDER_DEFAULT } from '@bekasi/reference-data';
import type { EscalationConfig } from '../escalation.config';
import { alertPayload } from '../alerts/alert-payload';
import { EscalationCaseRepository, type StepRow } from '../persistence/escalation-case.repository';
import { RegistryUnitGroups } from '../units/unit-groups';

const raised = counter({ name: 'escalations_raised_total', help: 'Escalation alerts raised, by ladder level and role', labelNames: ['level', 'role'] });

/**
 * Opens a case for every breached deadline, raises its ladder levels as they fall due (level 1 at
 * once), and closes the case when the deadline is met or the ticket ends. Every change and its
 * escalation.raised event commit together (outbox).
 */
@Injectable()
export class EscalationLadderWorkflow {
  readonly ladder: EscalationLadder = escalationLadder(ESCALATION_LADDER_DEFAULT);
  private readonly calendar = new WorkingDayCalendar();
  private readonly mailboxes: Record<string, string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly groups: RegistryUnitGroups,
    @Inject(SERVICE_CONFIG) private readonly config: EscalationConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    this.mailboxes = config.ESCALATION_EMAIL_DIRECTORY ? (JSON.parse(config.ESCALATION_EMAIL_DIRECTORY) as Record<string, string>) : {};
  }

  async openCase(tx: EntityManager, breach: SlaBreached, cause: EventEnvelope): Promise<void> {
    const steps = escalationSteps(this.ladder, new Date(breach.breachedAt), this.calendar).map((step) => ({
      ...step,
      audience: audienceOf(step.role, breach.unitCode, (u) => this.groups.asdaOf(u)),
    }));
    const caseId = await new EscalationCaseRepository(tx).open(breach, steps);
    if (caseId) await this.raiseDueIn(tx, this.clock.now(), { caseId, cause });
  }

  /** Ends open cases (and their pending levels) of a ticket as the domain's closing says. */
  closeCases(tx: EntityManager, closings: ReadonlyArray<{ ticketId: string; closing: CaseClosing }>): Promise<number> {
    return new EscalationCaseRepository(tx).close(closings, this.clock.now());
  }

  /** Raises every level that has fallen due; the poller calls it, in its own transaction. */
  async raiseDue(): Promise<number> {
    const count = await this.dataSource.transaction((tx) => this.raiseDueIn(tx, this.clock.now(), {}));
    if (count > 0) this.relay.nudge();
    return count;
  }

  private async raiseDueIn(tx: EntityManager, now: Date, scope: { caseId?: string; cause?: EventEnvelope }): Promise<number> {
    const repo = new EscalationCaseRepository(tx);
    const due = await repo.lockDue(now, scope.caseId);
    await repo.markRaised(due.map((s) => s.id), now);
    for (const step of due) {
      await this.outbox.append(
        tx,
        EscalationRaisedV1,
        {
          escalationId: step.id,
          ticketId: step.ticketId,
          unitCode: step.unitCode,
          level: step.level,
          role: step.role,
          deadlineKind: step.deadlineKind as SlaBreached['deadlineKind'],
          deadlineAt: new Date(step.deadlineAt).toISOString(),
          at: now.toISOString(),
        },
        { subject: step.ticketId, causedBy: scope.cause, time: now },
      );
      await repo.addDeliveries(this.deliveriesOf(step, now));
      raised.inc({ level: String(step.level), role: step.role });
      this.logger.info({ ticketId: step.ticketId, level: step.level, role: step.role, unitCode: step.unitCode }, 'escalation raised');
    }
    return due.length;
  }

  /** The channels outside the app an alert goes to: the webhook, and the mailbox of the position alerted. */
  private deliveriesOf(planned: StepRow, now: Date): Array<{ stepId: string; channel: 'webhook' | 'email'; payload: object }> {
    // Addressed by the unit's Asda group of now: a unit regrouped since the breach alerts its new Asda.
    const audience = audienceOf(planned.role as LadderRole, planned.unitCode, (u) => this.groups.asdaOf(u));
    const step = { ...planned, audienceUnitCode: audience.unitCode, audienceAsdaGroup: audience.asdaGroup };
    const payload = alertPayload(step, now);
    const out: Array<{ stepId: string; channel: 'webhook' | 'email'; payload: object }> = [];
    if (this.config.ESCALATION_WEBHOOK_URL) out.push({ stepId: step.id, channel: 'webhook', payload });
    const to = this.mailboxes[mailboxKey({ role: step.role as LadderRole, unitCode: step.audienceUnitCode, asdaGroup: step.audienceAsdaGroup })];
    if (this.config.ESCALATION_SMTP_URL && to) out.push({ stepId: step.id, channel: 'email', payload: { ...payload, to } });
    return out;
  }
}
