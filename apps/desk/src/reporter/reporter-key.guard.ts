import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { DeskConfig } from '../desk.config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Citizens do not sign in to desk: intake's channels prove themselves with the reporter channel token. */
@Injectable()
export class ReporterChannelGuard implements CanActivate {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: DeskConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const given = context.switchToHttp().getRequest().headers['x-reporter-channel-token'];
    if (typeof given === 'string' && timingSafeEqual(digest(given), digest(this.config.REPORTER_CHANNEL_TOKEN))) return true;
    throw new UnauthorizedException({ statusCode: 401, error: 'INVALID_CHANNEL_TOKEN', message: 'Token kanal pelapor tidak sah.' });
  }
}
