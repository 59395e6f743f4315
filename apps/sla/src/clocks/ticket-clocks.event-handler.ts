import { Inject, Injectable } from '@nestjs/common';
import { SlaMetV1, TICKET_LIFECYCLE_EVENTS, type EventDefinition, type EventEnvelope } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, OutboxWriter, type BatchContext, type ConsumedEvent, type OutboxItem } from '@bekasi/messaging';
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
  type StoredTicketClockFacts,
  type TicketClockFacts,
  type TicketFactEvent,
} from '@bekasi/sla-domain';
import { SlaTimerQueue } from '../timers/sla-timer-queue';
import { SlaPolicyContext } from './sla-policy-context';
import { SlaStore, type DeadlineRow } from './sla-store';

const deadlinesMet = counter({ name: 'sla_deadlines_met_total', help: 'Deadlines met, by kind and whether on time', labelNames: ['kind', 'on_time'] });

/** One ticket's clocks while a batch is folded into them. */
interface ClockState {
  facts: TicketClockFacts | null;
  policyVersion: string | undefined;
  deadlines: Map<string, DeadlineRow>;
  changed: boolean;
}

const NAME_OF_TYPE = new Map<string, string>(TICKET_LIFECYCLE_EVENTS.map((d) => [d.type, d.name]));

/**
 * Folds every ticket.* event into the ticket's clock facts, recomputes its deadlines, plans their
 * timers in PostgreSQL (the source of truth) and hands them to BullMQ after the commit. A met
 * deadline is announced as sla.met through the outbox, in the same transaction. A batch is folded
 * in memory, ticket by ticket in event order, and written with one multi-row statement per table.
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
    consumer.onBatch({
      name: 'sla.ticket-clocks',
      events: TICKET_LIFECYCLE_EVENTS as readonly EventDefinition[],
      handle: (events, ctx) => this.apply(events, ctx),
    });
  }

  async apply(events: readonly ConsumedEvent[], { tx, afterCommit }: BatchContext): Promise<void> {
    const store = new SlaStore(tx);
    const now = this.clock.now();
    const ids = [...new Set(events.map((e) => (e.data as { ticketId: string }).ticketId))];
    const stored = await store.lockFactsMany(ids);
    const deadlines = await store.deadlinesOfMany(ids);
    const states = new Map<string, ClockState>(
      ids.map((id) => {
        const s = stored.get(id);
        return [id, { facts: s ? loadFacts(s.facts) : null, policyVersion: s?.policyVersion, deadlines: new Map((deadlines.get(id) ?? []).map((d) => [d.kind, d])), changed: false }];
      }),
    );
    const changedDeadlines = new Map<string, DeadlineRow>();
    const timerClocks = new Map<string, { ticketId: string; kind: string; planned: PlannedTimer[]; policyVersion: string }>();
    const announcements: OutboxItem[] = [];

    for (const e of events) {
      const event = { name: NAME_OF_TYPE.get(e.type)!, data: e.data } as TicketFactEvent;
      const state = states.get(event.data.ticketId)!;
      const before = state.facts;
      const facts = applyTicketEvent(before, event);
      if (before !== null && facts === before) continue; // older than what is applied: a replay
      const policy = await this.policies.policyFor(tx, facts.receivedAt, state.policyVersion);
      const ctx = this.policies.contextOf(policy);
      const previous = new Map(state.deadlines);
      for (const clock of slaClocks(facts, ctx)) {
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
        state.deadlines.set(clock.kind, row);
        changedDeadlines.set(`${row.ticketId}/${row.kind}`, row);
        if (record.newlyMet) {
          deadlinesMet.inc({ kind: row.kind, on_time: String(row.onTime) });
          announcements.push(this.metAnnouncement(row, clock.workingDaysTaken ?? 0, e.envelope));
        }
        const planned = record.state === 'running' ? plannedTimers(facts.ticketId, clock, this.policies.reminders, ctx.calendar, facts.pauses) : [];
        timerClocks.set(`${facts.ticketId}/${clock.kind}`, { ticketId: facts.ticketId, kind: clock.kind, planned, policyVersion: policy.version });
      }
      for (const prev of previous.values()) {
        const retired = retiredDeadlineState(prev);
        if (retired !== prev.state) {
          const row = { ...prev, state: retired };
          state.deadlines.set(prev.kind, row);
          changedDeadlines.set(`${row.ticketId}/${row.kind}`, row);
        }
        timerClocks.set(`${facts.ticketId}/${prev.kind}`, { ticketId: facts.ticketId, kind: prev.kind, planned: [], policyVersion: policy.version });
      }
      state.facts = facts;
      state.policyVersion = policy.version;
      state.changed = true;
    }

    const factsRows: Array<{ ticketId: string; facts: StoredTicketClockFacts; policyVersion: string }> = [];
    for (const [ticketId, state] of states) if (state.changed) factsRows.push({ ticketId, facts: storeFacts(state.facts!), policyVersion: state.policyVersion! });
    await store.saveDeadlines([...changedDeadlines.values()], now);
    const moved = await store.syncTimers([...timerClocks.values()]);
    await store.saveFactsMany(factsRows, now);
    await this.outbox.appendMany(tx, announcements);
    // BullMQ only after the commit: a job must never find its timer not yet committed.
    const toSchedule = [...timerClocks.values()].flatMap((c) => c.planned);
    if (toSchedule.length > 0) afterCommit(() => this.queue.schedule(toSchedule, moved));
  }

  private metAnnouncement(row: DeadlineRow, workingDaysTaken: number, cause: EventEnvelope): OutboxItem {
    return {
      definition: SlaMetV1,
      data: {
        ticketId: row.ticketId,
        unitCode: row.unitCode,
        deadlineKind: row.kind as 'verification',
        deadlineAt: (row.dueAt ?? row.metAt!).toISOString(),
        policyVersion: row.policyVersion,
        metAt: row.metAt!.toISOString(),
        onTime: row.onTime ?? false,
        workingDaysTaken,
      },
      options: { subject: row.ticketId, causedBy: cause },
    };
  }
}
