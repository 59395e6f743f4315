import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { previousPeriod } from '@bekasi/ikp-domain';
import { LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import type { IkpConfig } from '../ikp.config';
import { MonthSnapshotRepository } from '../persistence/month-snapshot.repository';
import { IkpBoard } from './ikp-board';
import { MonthCloseWorkflow } from './month-close.workflow';

/**
 * Closes the last month once it is over, if nobody has yet: the monthly, data-based evaluation the
 * leadership asked for, without anyone having to press the button.
 */
@Injectable()
export class MonthlyIkpPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly close: MonthCloseWorkflow,
    private readonly board: IkpBoard,
    @Inject(SERVICE_CONFIG) private readonly config: IkpConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick().catch((err) => this.logger.error({ err: (err as Error).message }, 'monthly IKP close failed')), this.config.IKP_PUBLISH_CHECK_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns the period closed, or null when there was nothing to do (closed already, or nothing measured). */
  async tick(): Promise<string | null> {
    const period = previousPeriod(this.clock.now());
    if (await new MonthSnapshotRepository(this.dataSource.manager).find(period)) return null;
    // A month nobody worked in (a fresh installation) is not frozen empty.
    if (!(await this.board.live(period)).items.some((i) => i.score !== null)) return null;
    const result = await this.close.close(period, 'sistem');
    this.logger.info({ period, published: result.published }, 'IKP month closed');
    return result.published > 0 ? period : null;
  }
}
