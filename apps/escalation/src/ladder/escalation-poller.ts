import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { LOGGER, SERVICE_CONFIG, type AppLogger } from '@bekasi/platform';
import { AlertDeliveries } from '../alerts/alert-deliveries';
import type { EscalationConfig } from '../escalation.config';
import { EscalationLadderWorkflow } from './escalation-ladder.workflow';

/**
 * Raises ladder levels as business time reaches them and sends pending deliveries. Levels are days
 * apart, so polling PostgreSQL (the only place they live) is precise enough and survives anything
 * Redis may lose.
 */
@Injectable()
export class EscalationPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly ladder: EscalationLadderWorkflow,
    private readonly deliveries: AlertDeliveries,
    @Inject(SERVICE_CONFIG) private readonly config: EscalationConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (!this.running) this.running = this.tick().finally(() => (this.running = undefined));
    }, this.config.ESCALATION_POLL_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async tick(): Promise<void> {
    try {
      await this.ladder.raiseDue();
      await this.deliveries.dispatch();
    } catch (err) {
      this.logger.error({ err: (err as Error).message }, 'escalation poll failed');
    }
  }
}
