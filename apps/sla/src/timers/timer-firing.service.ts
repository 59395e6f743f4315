import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SlaBreachedV1, SlaReminderV1 } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxRelay, OutboxWriter } from '@bekasi/messaging';
import { counter, histogram } from '@bekasi/platform';
import type { DeadlineKind } from '@bekasi/sla-domain';
import { SlaStore } from '../clocks/sla-store';

export type FiringOutcome = 'fired' | 'already-done' | 'missing' | 'not-yet-due';

const fired = counter({ name: 'sla_timers_fired_total', help: 'SLA timers fired, by what and by who noticed (queue or sweep)', labelNames: ['what', 'via'] });
const lateness = histogram({
  name: 'sla_timer_lateness_business_seconds',
  help: 'Business time between when a timer was due and when it fired',
  buckets: [1, 60, 600, 3600, 6 * 3600, 24 * 3600, 3 * 24 * 3600],
});

/**
 * Fires one timer, exactly once however many times it is asked (BullMQ job, retry, sweep): the row
 * is locked, a timer that is no longer pending is left alone, and the event joins the outbox in
 * the same transaction as the state change.
 */
@Injectable()
export class TimerFiring {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async fire(timerId: string, via: 'queue' | 'sweep'): Promise<FiringOutcome> {
    const outcome = await this.dataSource.transaction(async (tx): Promise<FiringOutcome> => {
      const store = new SlaStore(tx);
      const timer = await store.lockTimer(timerId);
      if (!timer) return 'missing';
      if (timer.state !== 'pending') return 'already-done';
      const now = this.clock.now();
      if (timer.fireAt.getTime() > now.getTime()) return 'not-yet-due';
      await store.markFired(timer.id, now);
      const ref = {
        ticketId: timer.ticketId,
        unitCode: timer.unitCode,
        deadlineKind: timer.kind as DeadlineKind,
        deadlineAt: timer.deadlineAt.toISOString(),
        policyVersion: timer.policyVersion,
      };
      if (timer.what === 'reminder') {
        await this.outbox.append(tx, SlaReminderV1, { ...ref, fraction: timer.fraction ?? 0.5, remindRoles: timer.roles, at: now.toISOString() }, { subject: timer.ticketId, time: now });
      } else {
        await store.markBreached(timer.ticketId, timer.kind, now);
        await this.outbox.append(tx, SlaBreachedV1, { ...ref, breachedAt: now.toISOString() }, { subject: timer.ticketId, time: now });
      }
      fired.inc({ what: timer.what, via });
      lateness.observe(Math.max(0, (now.getTime() - timer.fireAt.getTime()) / 1000));
      return 'fired';
    });
    if (outcome === 'fired') this.relay.nudge();
    return outcome;
  }
}
