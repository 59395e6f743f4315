import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { previousPeriod } from '@bekasi/ikp-domain';
import { schemaOfManager } from '@bekasi/messaging';
import { LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import type { IkpConfig } from '../ikp.config';
import { IkpScoringService } from './ikp-scoring.service';

/**
 * Publishes the last month's IKP scores once the month is over, if nobody has yet: the monthly,
 * data-based evaluation the leadership asked for, without anyone having to press the button.
 */
@Injectable()
export class MonthlyIkpPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: IkpScoringService,
    @Inject(SERVICE_CONFIG) private readonly config: IkpConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick().catch((err) => this.logger.error({ err: (err as Error).message }, 'monthly IKP publication failed')), this.config.IKP_PUBLISH_CHECK_INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Returns the period published, or null when there was nothing to do (or another replica does it). */
  async tick(): Promise<string | null> {
    const period = previousPeriod(this.clock.now());
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', ['bekasi:ikp:monthly-publication']);
      if (!locked) return null;
      try {
        const [{ n }] = await runner.query(`SELECT count(*)::int AS n FROM "${schemaOfManager(this.dataSource.manager)}"."published_scores" WHERE period = $1`, [period]);
        if (n > 0) return null;
        const result = await this.scoring.publish(period);
        this.logger.info({ period, published: result.published }, 'IKP scores of the month published');
        return result.published > 0 ? period : null;
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', ['bekasi:ikp:monthly-publication']);
      }
    } finally {
      await runner.release();
    }
  }
}
