import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { UnitRegroupedV1 } from '@bekasi/contracts';
import { OutboxWriter, schemaOfManager } from '@bekasi/messaging';

/**
 * At boot, announces every unit whose Asda group differs from the one last announced (a regrouping
 * made before `unit.regrouped` existed, or written past the API), so the other services' copies
 * agree with desk's units table. Rows are locked: of several desk instances one announces.
 */
@Injectable()
export class UnitGroupsAnnouncement implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): Promise<number> {
    return this.announce();
  }

  async announce(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const s = schemaOfManager(tx);
      const rows: Array<{ code: string; asda_group: 'I' | 'II' | 'III'; asda_announced: 'I' | 'II' | 'III' | null }> = await tx.query(
        `SELECT "code", "asda_group", "asda_announced" FROM "${s}"."units" WHERE "asda_group" IS DISTINCT FROM "asda_announced" ORDER BY "code" FOR UPDATE`,
      );
      if (rows.length === 0) return 0;
      const changedAt = this.clock.now();
      await this.outbox.appendMany(
        tx,
        rows.map((r) => ({
          definition: UnitRegroupedV1,
          data: { unitCode: r.code, asdaGroup: r.asda_group, previousAsdaGroup: r.asda_announced ?? r.asda_group, changedAt: changedAt.toISOString(), changedBy: 'system' },
          options: { subject: r.code, time: changedAt },
        })),
      );
      await tx.query(`UPDATE "${s}"."units" SET "asda_announced" = "asda_group" WHERE "code" = ANY($1::text[])`, [rows.map((r) => r.code)]);
      return rows.length;
    });
  }
}
