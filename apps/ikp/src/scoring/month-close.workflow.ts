import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { IkpScorePublishedV1 } from '@bekasi/contracts';
import { mayClose } from '@bekasi/ikp-domain';
import { OutboxRelay, OutboxWriter } from '@bekasi/messaging';
import { invalid } from '../http/ikp-refusal';
import { MonthSnapshotRepository } from '../persistence/month-snapshot.repository';
import { IkpBoard, type Board } from './ikp-board';

/**
 * Closes a month: its board is computed once more from the projections and frozen into a snapshot,
 * every measured unit's score is published (ikp.score-published) through the outbox in the same
 * transaction. Closing again answers the first snapshot unchanged.
 */
@Injectable()
export class MonthCloseWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly board: IkpBoard,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async close(period: string, by: string): Promise<Board & { published: number }> {
    if (!mayClose(period, this.clock.now())) throw invalid('period', 'bulan yang belum dimulai tidak dapat ditutup');
    const result = await this.dataSource.transaction(async (tx) => {
      const snapshots = new MonthSnapshotRepository(tx);
      // One closer at a time per month; the loser reads the winner's snapshot.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`ikp:close:${period}`]);
      const existing = await snapshots.find<Board>(period);
      if (existing) return { ...existing.board, published: 0 };
      const now = this.clock.now();
      const live = await this.board.live(period, tx);
      const frozen: Board = { ...live, frozen: true, closedAt: now.toISOString() };
      await snapshots.insert({ period, policyVersion: live.policy.version, board: frozen, closedBy: by, closedAt: now });
      const measured = frozen.items.filter((i) => i.score !== null && i.zone !== null);
      await snapshots.recordPublishedScores(period, measured.map((i) => ({ unitCode: i.unitCode, score: i.score!, zone: i.zone!, components: i.components })), now);
      for (const item of measured) {
        await this.outbox.append(
          tx,
          IkpScorePublishedV1,
          { unitCode: item.unitCode, period, score: item.score!, zone: item.zone!, components: item.components as Record<string, number>, computedAt: now.toISOString() },
          { subject: item.unitCode, time: now },
        );
      }
      return { ...frozen, published: measured.length };
    });
    if (result.published > 0) this.relay.nudge();
    return result;
  }
}
