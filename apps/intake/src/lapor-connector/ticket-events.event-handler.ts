import { Injectable, type OnModuleInit } from '@nestjs/common';
import { eventDefinitionOf, TICKET_LIFECYCLE_EVENTS, type EventDefinition } from '@bekasi/contracts';
import { EventConsumer, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { idempotencyKeyOf, outboundActionOf, type TicketEventFacts } from '@bekasi/intake-domain';
import { LaporOutboundRepository, type LaporTicketRow } from './lapor-outbound.repository';
import { LaporSender } from './lapor-sender';
import { LaporIntegrationClient } from './lapor-integration.client';

interface LifecycleData extends TicketEventFacts {
  ticketId: string;
  trackingId: string;
  to: string;
  version: number;
  at: string;
  unitCode: string | null;
  archivedBy?: string;
}

/**
 * Ticket events of tickets that came from LAPOR! become actions in the send queue, in the batch's
 * transaction: the consumer's ledger applies each event once, and the event id names the action,
 * so the queue holds one action per event however often Kafka delivers it. The state each event
 * leaves the ticket in is kept too, for the drift check.
 */
@Injectable()
export class TicketEventsHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly sender: LaporSender,
    private readonly client: LaporIntegrationClient,
  ) {}

  onModuleInit() {
    if (!this.client.enabled) return;
    this.consumer.onBatch({
      name: 'intake.lapor-connector',
      events: TICKET_LIFECYCLE_EVENTS as readonly EventDefinition[],
      handle: (events, ctx) => this.handle(events, ctx),
    });
  }

  async handle(events: readonly ConsumedEvent[], { tx, afterCommit }: BatchContext): Promise<void> {
    const repo = new LaporOutboundRepository(tx);
    const origins = await repo.laporOrigins([...new Set(events.map((e) => (e.data as LifecycleData).ticketId))]);
    const latest = new Map<string, LaporTicketRow & { at: Date }>();
    let queued = 0;
    for (const event of events) {
      const data = event.data as LifecycleData;
      const laporTrackingId = origins.get(data.ticketId);
      if (!laporTrackingId) continue;
      const before = latest.get(data.ticketId);
      // A batch may hold several events of a ticket, in order: the state after the last one is kept.
      latest.set(data.ticketId, {
        ticketId: data.ticketId,
        laporTrackingId,
        trackingId: data.trackingId,
        status: data.to,
        closedBy: data.closedBy ?? before?.closedBy ?? null,
        archivedBy: data.archivedBy ?? before?.archivedBy ?? null,
        unitCode: data.unitCode,
        version: data.version,
        at: new Date(data.at),
      });
      const action = outboundActionOf(eventDefinitionOf(event.type)?.name ?? event.type, data);
      if (!action) continue;
      await repo.enqueue({
        eventId: event.envelope.id,
        idempotencyKey: idempotencyKeyOf(event.envelope.id),
        ticketId: data.ticketId,
        laporTrackingId,
        kind: action.kind,
        payload: action.payload,
        eventAt: new Date(data.at),
      });
      queued++;
    }
    for (const state of latest.values()) await repo.recordTicket(state);
    if (queued > 0) afterCommit(() => this.sender.nudge());
  }
}
