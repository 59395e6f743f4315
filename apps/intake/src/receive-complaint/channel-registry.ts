import { Inject, Injectable } from '@nestjs/common';
import { parseChannelRegistry, reporterKeyFor, secretListOf, secretOf, type RegisteredChannel } from '@bekasi/auth';
import { ConfigError, SERVICE_CONFIG } from '@bekasi/platform';
import type { IntakeConfig } from '../intake.config';

/** The channels the admin registered (each with its own secrets) and the reporter-key secret. */
@Injectable()
export class ChannelRegistry {
  readonly channels: readonly RegisteredChannel[];
  private readonly reporterKeySecret: string;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    const text = secretOf(config.INTAKE_CHANNELS, config.INTAKE_CHANNELS_FILE, 'INTAKE_CHANNELS', 'INTAKE_CHANNELS_FILE');
    try {
      this.channels = parseChannelRegistry(text);
    } catch (err) {
      throw new ConfigError([`INTAKE_CHANNELS: ${(err as Error).message}`]);
    }
    this.reporterKeySecret = secretListOf(secretOf(config.REPORTER_KEY_SECRET, config.REPORTER_KEY_SECRET_FILE, 'REPORTER_KEY_SECRET', 'REPORTER_KEY_SECRET_FILE'))[0];
  }

  /** The reporter's capability for one complaint, handed once to the channel that brought it. */
  reporterKeyOf(trackingId: string): string {
    return reporterKeyFor(this.reporterKeySecret, trackingId);
  }
}
