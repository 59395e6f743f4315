import { Injectable, type OnModuleInit } from '@nestjs/common';
import { UnitRegroupedV1, type UnitRegrouped } from '@bekasi/contracts';
import { EventConsumer, isEvent, schemaOfManager, type BatchContext, type ConsumedEvent } from '@bekasi/messaging';
import { AsdaDirectory } from './asda-directory';
import { latestRegroupings } from './latest-regroupings';

/**
 * Applies desk's `unit.regrouped` to this service's `unit_groups`, in the batch's transaction: per
 * unit the latest change of the batch, written only over an older one (so a redelivered or
 * out-of-order event changes nothing), then the in-memory directory is re-read after the commit.
 */
@Injectable()
export class UnitRegroupedHandler implements OnModuleInit {
  constructor(
    private readonly consumer: EventConsumer,
    private readonly directory: AsdaDirectory,
  ) {}

  onModuleInit(): void {
    this.consumer.onBatch({ name: 'unit-directory.unit-regrouped', events: [UnitRegroupedV1], handle: (events, ctx) => this.handle(events, ctx) });
  }

  async handle(events: readonly ConsumedEvent[], { tx, afterCommit }: BatchContext): Promise<void> {
    const regroupings = latestRegroupings(events.filter((e) => isEvent(e, UnitRegroupedV1)).map((e) => ({ id: e.envelope.id, data: e.data as UnitRegrouped })));
    if (regroupings.length === 0) return;
    await tx.query(
      `INSERT INTO "${schemaOfManager(tx)}"."unit_groups" AS g ("unit_code","asda_group","changed_at","changed_by","event_id")
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[])
       ON CONFLICT ("unit_code") DO UPDATE SET "asda_group" = EXCLUDED."asda_group", "changed_at" = EXCLUDED."changed_at",
         "changed_by" = EXCLUDED."changed_by", "event_id" = EXCLUDED."event_id"
       WHERE (g."changed_at", g."event_id") < (EXCLUDED."changed_at", EXCLUDED."event_id")`,
      [
        regroupings.map((r) => r.data.unitCode),
        regroupings.map((r) => r.data.asdaGroup),
        regroupings.map((r) => r.data.changedAt),
        regroupings.map((r) => r.data.changedBy),
        regroupings.map((r) => r.id),
      ],
    );
    afterCommit(() => this.directory.reload());
  }
}
