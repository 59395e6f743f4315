import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LaporUpdateReceivedV1, type EventEnvelope, type LaporUpdateReceived } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, PermanentEventError, TransientEventError, type ConsumedEvent } from '@bekasi/messaging';
import { LOGGER, type AppLogger } from '@bekasi/platform';
import { decide, type Actor, type TicketCommand } from '@bekasi/tickets-domain';
import { TicketRepository } from '../persistence/ticket.repository';
import { TicketEventPublisher } from '../tickets/ticket-event.publisher';
import { TicketWait } from './ticket-wait';

/** How long an update waits for its ticket to be opened by routing's decision. */
const TICKET_WAIT_MS = 5 * 60_000;

const REPORTER_ON_LAPOR: Actor = { role: 'reporter', userId: 'lapor-reporter' };
/** LAPOR!'s own admin changed the status there: desk records it as a note from the LAPOR! side, it does not act on it. */
const LAPOR_ADMIN: Actor = { role: 'admin', userId: 'lapor-admin', unitCodes: [] };

/** What a LAPOR! update asks of the ticket. */
function commandOf(update: LaporUpdateReceived): { command: TicketCommand; actor: Actor } {
  switch (update.kind) {
    case 'reply':
      return { command: { type: 'reporter_reply', message: update.message ?? '' }, actor: REPORTER_ON_LAPOR };
    case 'rating':
      return { command: { type: 'rate', rating: update.rating ?? 0 }, actor: REPORTER_ON_LAPOR };
    case 'status':
      return {
        command: { type: 'add_note', note: `Status di SP4N-LAPOR! diubah oleh admin LAPOR! menjadi "${update.laporStatus}".${update.message ? ` ${update.message}` : ''}` },
        actor: LAPOR_ADMIN,
      };
  }
}

/**
 * The LAPOR! side of a ticket, as intake reads it back: a reply or rating the reporter made on
 * LAPOR! is applied as theirs, a status change by LAPOR!'s admin is noted in the history. The
 * consumer's ledger applies each update once (intake announces each LAPOR! update id once).
 */
@Injectable()
export class LaporLoopEventsHandler implements OnModuleInit {
  /** How long each update has waited for its ticket. */
  private readonly ticketWait = new TicketWait(TICKET_WAIT_MS);

  constructor(
    private readonly consumer: EventConsumer,
    private readonly publisher: TicketEventPublisher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onModuleInit() {
    this.consumer.onBatch({
      name: 'desk.lapor-loop',
      events: [LaporUpdateReceivedV1],
      handle: (events, { tx }) => this.handle(tx, events),
    });
  }

  async handle(tx: EntityManager, events: readonly ConsumedEvent[]): Promise<void> {
    for (const e of events) if (isEvent(e, LaporUpdateReceivedV1)) await this.apply(tx, e.data, e.envelope);
  }

  private async apply(tx: EntityManager, update: LaporUpdateReceived, envelope: EventEnvelope): Promise<void> {
    const repo = new TicketRepository(tx);
    const record = await repo.find(update.complaintId, undefined, true);
    if (!record) {
      // Routing may not have opened the ticket yet (the update came right after its report): wait a little for it,
      // then give up to the dead-letter topic (a complaint that never becomes a ticket must not stop the partition).
      const why = `LAPOR! update ${update.updateId} for ticket ${update.complaintId}, which desk does not have`;
      if (this.ticketWait.verdict(envelope.id, Date.now()) === 'wait') throw new TransientEventError(`${why} yet`);
      throw new PermanentEventError(`${why}: replay it once the ticket exists`);
    }
    this.ticketWait.done(envelope.id);
    const { command, actor } = commandOf(update);
    const result = decide(record.snapshot, command, actor, this.clock.now());
    if (!result.ok) {
      // E.g. a rating of a ticket not answered yet: LAPOR! allowed what our rules do not; the admin sees it in intake's updates.
      this.logger.warn({ ticketId: record.snapshot.id, updateId: update.updateId, kind: update.kind, refusal: result.error.code }, 'LAPOR! update not applicable to the ticket');
      return;
    }
    const decision = result.value;
    if (!(await repo.update(decision.ticket, record.snapshot.version))) throw new Error('ticket changed while a LAPOR! update was applied; retrying');
    await repo.appendAudit(decision.audit);
    await this.publisher.publish(tx, decision.events, { complaint: record.complaint, receivedAt: record.snapshot.receivedAt, reason: decision.audit.reason, causedBy: envelope });
  }
}
