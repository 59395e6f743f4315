import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxWriter } from '@bekasi/messaging';
import { UserRepository } from '../persistence/user.repository';
import { unitRegroupedItem } from './user-directory.service';

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
      const regroupings = await new UserRepository(tx).takeUnannouncedRegroupings(this.clock.now());
      await this.outbox.appendMany(tx, regroupings.map((r) => unitRegroupedItem(r, 'system')));
      return regroupings.length;
    });
  }
}
