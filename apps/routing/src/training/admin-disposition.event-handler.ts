import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TicketAssignedV1 } from '@bekasi/contracts';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EventConsumer, isEvent, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { ComplaintRepository } from '../persistence/complaint.repository';
import type { ComplaintRow } from '../persistence/routing.entities';
import { adminExampleOf, TrainingExamples, type TrainingExampleInput } from './training-examples';

/**
 * The LAPOR admin disposed a complaint in desk (triage): the admin's choice is the best label the
 * router can get, so it becomes a training example. Automatic assignments teach nothing new.
 *
 * A batch is applied as a whole: the complaints it names are read and locked with one query, folded
 * in event order in memory (an admin who disposes one complaint twice in a batch: the last wins, as
 * one by one would), and the examples and complaints are written with one statement each.
 */
@Injectable()
export class AdminDispositionHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly trainingExamples: TrainingExamples,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.consumer.onBatch({
      name: 'routing.admin-disposition',
      events: [TicketAssignedV1],
      handle: (events, ctx) => this.handleBatch(events, ctx),
    });
  }

  async handleBatch(events: readonly ConsumedEvent[], { tx }: BatchContext): Promise<void> {
    const byAdmin = events.flatMap((e) => (isEvent(e, TicketAssignedV1) && e.data.routedBy === 'admin' && e.data.unitCode ? [e.data] : []));
    if (byAdmin.length === 0) return;
    const repo = new ComplaintRepository(tx);
    const complaints = await repo.findMany([...new Set(byAdmin.map((d) => d.ticketId))], true);
    const now = this.clock.now();
    const examples: TrainingExampleInput[] = [];
    const changed = new Map<string, ComplaintRow>();
    for (const data of byAdmin) {
      const complaint = changed.get(data.ticketId) ?? complaints.get(data.ticketId);
      if (!complaint || complaint.historical) continue;
      const unitCode = data.unitCode!;
      examples.push(adminExampleOf(complaint, unitCode));
      changed.set(complaint.complaintId, { ...complaint, status: 'routed', unitCode, kecamatanCode: data.kecamatanCode ?? complaint.kecamatanCode, updatedAt: now });
    }
    await this.trainingExamples.recordMany(tx, examples, this.clock);
    await repo.updateMany([...changed.values()]);
  }
}
