import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { clientAddressOf } from './client-address';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LOGIN_ADDRESS_THROTTLER, LOGIN_THROTTLER, loginUsernameOf } from './login-throttler.guard';
import { DEFAULT_PASSWORD_HASH_COST, PasswordHasher, type PasswordHashCost } from './password-hasher';
import { AccessTokenVerifier, TokenIssuer, type TokenSettings } from './tokens/access-tokens';
import { secretOf, signingKeyFrom, verificationKeysFrom, type SignerKeySettings, type VerifierKeySettings } from './tokens/key-material';

/** The settings every service reads (ServiceConfig and GatewayConfig carry them). */
export interface AuthSettings extends TokenSettings, VerifierKeySettings {
  GATEWAY_HOP_SECRET?: string;
  GATEWAY_HOP_SECRET_FILE?: string;
}

/** The secret with which the gateway vouches for client addresses; undefined when none is configured. */
export const HOP_SECRET = Symbol('HOP_SECRET');

export function hopSecretOf(settings: AuthSettings): string | undefined {
  if (settings.GATEWAY_HOP_SECRET?.trim()) return settings.GATEWAY_HOP_SECRET.trim();
  if (!settings.GATEWAY_HOP_SECRET_FILE || !existsSync(resolve(settings.GATEWAY_HOP_SECRET_FILE))) return undefined;
  return secretOf(undefined, settings.GATEWAY_HOP_SECRET_FILE, 'GATEWAY_HOP_SECRET', 'GATEWAY_HOP_SECRET_FILE');
}

export interface AuthModuleOptions {
  config: AuthSettings & Partial<SignerKeySettings>;
  /** Desk only: sign access and refresh tokens with AUTH_SIGNING_KEY. */
  issue?: { accessTtlSeconds: number; refreshTtlSeconds: number };
  /** Desk only: login attempts per (username, client address) per window; ten times as many per address. */
  login?: { limit: number; windowMs?: number };
  passwordHashCost?: PasswordHashCost;
  /** Extra providers, e.g. `{ provide: PRINCIPAL_VALIDATOR, useClass: ... }`. */
  providers?: Provider[];
}

/**
 * Access tokens verified with desk's public keys (ES256, iss/aud/exp checked), the global guard
 * (every route needs a token unless @Public()), argon2id password hashing and the login limits.
 * Every service imports it with its configuration; desk also issues tokens.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const keys = verificationKeysFrom(options.config);
    const verifier = new AccessTokenVerifier(keys, options.config);
    const hopSecret = hopSecretOf(options.config);
    const issuer: Provider[] = options.issue
      ? [{ provide: TokenIssuer, useValue: new TokenIssuer(signingKeyFrom(options.config), { ...options.config, ...options.issue }, keys) }]
      : [];
    const address = (req: Record<string, any>) => clientAddressOf(req as never, hopSecret);
    const throttling = options.login
      ? [
          ThrottlerModule.forRoot([
            { name: LOGIN_THROTTLER, ttl: options.login.windowMs ?? 60_000, limit: options.login.limit, getTracker: (req) => `${loginUsernameOf(req.body)}|${address(req)}` },
            { name: LOGIN_ADDRESS_THROTTLER, ttl: options.login.windowMs ?? 60_000, limit: options.login.limit * 10, getTracker: (req) => address(req) },
          ]),
        ]
      : [];
    return {
      module: AuthModule,
      global: true,
      imports: throttling,
      providers: [
        { provide: PasswordHasher, useValue: new PasswordHasher(options.passwordHashCost ?? DEFAULT_PASSWORD_HASH_COST) },
        { provide: AccessTokenVerifier, useValue: verifier },
        { provide: HOP_SECRET, useValue: hopSecret },
        ...issuer,
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        ...(options.providers ?? []),
      ],
      exports: [PasswordHasher, AccessTokenVerifier, HOP_SECRET, ...throttling, ...issuer, ...(options.providers ?? [])],
    };
  }
}
