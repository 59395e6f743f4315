import { Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';

/** Name of the throttler whose limits apply to login attempts. */
export const LOGIN_THROTTLER = 'login';

/**
 * Counts login attempts per (username, client IP), so guessing one account's password is slowed
 * without locking out everyone behind the same NAT.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const username = typeof req.body?.username === 'string' ? req.body.username.trim().toLowerCase() : '';
    return `${username}|${req.ip ?? req.socket?.remoteAddress ?? ''}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Terlalu banyak percobaan masuk. Coba lagi dalam satu menit.');
  }
}
