import { Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';

/** Attempts per (username, client address): slows guessing one account's password from one place. */
export const LOGIN_THROTTLER = 'login';
/** Attempts per client address over every username: slows one place trying many accounts. */
export const LOGIN_ADDRESS_THROTTLER = 'login-address';

/** The username of a login body, as the user store compares it. */
export function loginUsernameOf(body: unknown): string {
  const username = (body as { username?: unknown })?.username;
  return typeof username === 'string' ? username.trim().toLowerCase() : '';
}

/**
 * Login throttling that cannot be turned against a real user: counters are keyed by the client
 * address the gateway vouched for (see clientAddressOf), never by the username alone, so guesses
 * from elsewhere never lock the owner out. The trackers are set per throttler in AuthModule.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Terlalu banyak percobaan masuk. Coba lagi dalam satu menit.');
  }
}
