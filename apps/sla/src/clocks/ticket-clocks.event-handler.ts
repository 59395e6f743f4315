import { Inject, Injectable } from '@nestjs/common';
import { SlaMetV1, TICKET_LIFECYCLE_EVENTS, type EventEnvelope } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, OutboxWriter, type EventContext } from '@bekasi/messaging';
import { counter } from '@bekasi/platform';
import {
  applyTicketEvent,
  loadFacts,
  nextDeadlineRecord,
  plannedTimers,
  retiredDeadlineState,
  slaClocks,
  storeFacts,
  type PlannedTimer,
  type TicketFactEvent,
} from '@bekasi/sla-domain';
import { SlaTimerQueue } from '../timers/sla-timer-queue';
import { SlaPolicyContext } from './sla-policy-context';
import { SlaStore, type DeadlineRow } from './sla-store';

const deadlinesMet = counter({ name: 'sla_deadlines_met_total', help: 'Deadlines met, by kind and whether on time', labelNames: ['kind', 'on_time'] });

/**
 * Folds every ticket.* event into the ticket's clock facts, recomputes its deadlines, plans their
 * timers in PostgreSQL (the source of truth) and hands them to BullMQ. A met deadline is announced
 * as sla.met through the outbox, in the same transaction.
 */
@Injectable()
export class TicketClocksHandler {
  constructor(
    consumer: EventConsumer,
    private readonly outbox: OutboxWriter,
    private readonly policies: SlaPolicyContext,
    private readonly queue: SlaTimerQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    for (const definition of TICKET_LIFECYCLE_EVENTS) {
      consumer.on(definition, (data, ctx) => this.apply({ name: definition.name, data: data as TicketFactEvent['data'] }, ctx));
    }
  }

  async apply(event: TicketFactEvent, { tx, envelope }: EventContext): Promise<void> {
    const store = new SlaStore(tx);
    const now = this.clock.now();
    const stored = await store.lockFacts(event.data.ticketId);
    const before = stored ? loadFacts(stored.facts) : null;
    const facts = applyTicketEvent(before, event);
    if (before !== null && facts === before) return; // older than what is applied: a replay
    const policy = await this.policies.policyFor(tx, facts.receivedAt, stored?.policyVersion);
    const ctx = this.policies.contextOf(policy);
    const clocks = slaClocks(facts, ctx);
    const previous = new Map((await store.deadlinesOf(facts.ticketId)).map((d) => [d.kind, d]));
    const toSchedule: PlannedTimer[] = [];

    for (const clock of clocks) {
      const prev = previous.get(clock.kind);
      previous.delete(clock.kind);
      const record = nextDeadlineRecord(prev, clock);
      const row: DeadlineRow = {
        ticketId: facts.ticketId,
        kind: clock.kind,
        unitCode: clock.unitCode,
        startsAt: clock.startsAt,
        workingDays: clock.workingDays,
        dueAt: clock.dueAt,
        state: record.state,
        metAt: clock.metAt,
        onTime: record.onTime,
        breachedAt: record.breachedAt,
        policyVersion: policy.version,
      };
      await store.saveDeadline(row, now);
      if (record.newlyMet) await this.announceMet(tx, row, clock.workingDaysTaken ?? 0, envelope);
      const timers = record.state === 'running' ? plannedTimers(facts.ticketId, clock, this.policies.reminders, ctx.calendar, facts.pauses) : [];
      await store.syncTimers(facts.ticketId, clock.kind, timers, policy.version);
      toSchedule.push(...timers);
    }
    for (const prev of previous.values()) {
      const state = retiredDeadlineState(prev);
      if (state !== prev.state) await store.saveDeadline({ ...prev, state }, now);
      await store.syncTimers(facts.ticketId, prev.kind, [], policy.version);
    }
    await store.saveFacts(facts.ticketId, storeFacts(facts), policy.version, now);
    // Scheduling before the commit is safe: a job that runs first finds no pending timer yet and is
    // retried; a transaction that rolls back leaves jobs that find nothing to fire.
    await this.queue.schedule(toSchedule);
  }

  private async announceMet(tx: EventContext['tx'], row: DeadlineRow, workingDaysTaken: number, cause: EventEnvelope): Promise<void> {
    deadlinesMet.inc({ kind: row.kind, on_time: String(row.onTime) });
    await this.outbox.append(
      tx,
      SlaMetV1,
      {
        ticketId: row.ticketId,
        unitCode: row.unitCode,
        deadlineKind: row.kind as 'verification',
        deadlineAt: (row.dueAt ?? row.metAt!).toISOString(),
        policyVersion: row.policyVersion,
        metAt: row.metAt!.toISOString(),
        onTime: row.onTime ?? false,
        workingDaysTaken,
      },
      { subject: row.ticketId, causedBy: cause },
    );
  }
}
