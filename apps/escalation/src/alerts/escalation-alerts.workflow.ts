import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EscalationAcknowledgedV1 } from '@bekasi/contracts';
import { alertScopeOf, decideAcknowledgement, inboxOf, type AlertReader, type LadderRole } from '@bekasi/escalation-domain';
import { OutboxRelay, OutboxWriter } from '@bekasi/messaging';
import { DeadlineReminders } from './deadline-reminders';
import { EscalationCaseRepository, type StepFilter, type StepRow } from '../persistence/escalation-case.repository';
import { RegistryUnitGroups } from '../units/unit-groups';

const readerOf = (user: AuthPrincipal): AlertReader & { username: string } => ({ role: user.role, unitCode: user.unitCode, asdaGroup: user.asdaGroup, username: user.username });
const notFound = () => new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Eskalasi tidak ditemukan.' });

/** Reading escalations within the caller's scope, and the addressee's acknowledgement (load → decide → store with its event). */
@Injectable()
export class EscalationAlertsWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly groups: RegistryUnitGroups,
    private readonly deadlineReminders: DeadlineReminders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(user: AuthPrincipal, filter: StepFilter) {
    return new EscalationCaseRepository(this.dataSource.manager).page(alertScopeOf(readerOf(user), this.groups), filter);
  }

  async inbox(user: AuthPrincipal): Promise<StepRow[]> {
    const filter = inboxOf(readerOf(user), this.groups);
    return filter ? new EscalationCaseRepository(this.dataSource.manager).inbox(filter) : [];
  }

  /** Deadline reminders (50 %, 80 %) naming the caller's role, within the caller's scope. */
  reminders(user: AuthPrincipal) {
    return this.deadlineReminders.openFor(this.dataSource.manager, user.role, alertScopeOf(readerOf(user), this.groups));
  }

  async acknowledge(id: string, user: AuthPrincipal): Promise<StepRow> {
    const result = await this.dataSource.transaction(async (tx) => {
      const repo = new EscalationCaseRepository(tx);
      const step = await repo.findStep(id, true);
      const decision = decideAcknowledgement(step && { ...step, role: step.role as LadderRole }, readerOf(user), this.groups, this.clock.now());
      switch (decision.outcome) {
        case 'not_found':
          throw notFound();
        case 'forbidden':
          throw new ForbiddenException({ statusCode: 403, error: 'FORBIDDEN', message: decision.message });
        case 'already_acknowledged':
          return step!;
        case 'acknowledged':
          await repo.markAcknowledged(id, decision.at, decision.by);
          await this.outbox.append(
            tx,
            EscalationAcknowledgedV1,
            { escalationId: id, ticketId: step!.ticketId, level: step!.level, acknowledgedBy: decision.by, at: decision.at.toISOString() },
            { subject: step!.ticketId, time: decision.at },
          );
          return { ...step!, acknowledgedAt: decision.at, acknowledgedBy: decision.by };
      }
    });
    this.relay.nudge();
    return result;
  }
}
