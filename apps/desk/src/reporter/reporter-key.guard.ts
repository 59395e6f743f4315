import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { isReporterKeyOf, secretListOf, secretOf } from '@bekasi/auth';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { DeskConfig } from '../desk.config';
import { DeskRefusal } from '../tickets/desk-refusal';

/** The header carrying the reporter key intake returned (once) to the channel with the tracking id. */
export const REPORTER_KEY_HEADER = 'x-reporter-key';

/**
 * Citizens do not sign in: each complaint's reporter key is the capability to act on it. Every
 * tracking id has its own key (HMAC of the id under intake's and desk's reporter-key secret).
 */
@Injectable()
export class ReporterKeyGuard implements CanActivate {
  private readonly secrets: string[];

  constructor(@Inject(SERVICE_CONFIG) config: DeskConfig) {
    this.secrets = secretListOf(secretOf(config.REPORTER_KEY_SECRET, config.REPORTER_KEY_SECRET_FILE, 'REPORTER_KEY_SECRET', 'REPORTER_KEY_SECRET_FILE'));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const trackingId = request.params?.trackingId;
    if (typeof trackingId === 'string' && isReporterKeyOf(request.headers[REPORTER_KEY_HEADER], trackingId, this.secrets)) return true;
    // An unknown ticket, a missing key and a wrong key answer alike: nothing to learn by probing.
    throw DeskRefusal.notFound();
  }
}
