import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { JwtAuthGuard } from './jwt-auth.guard';
import { LOGIN_THROTTLER } from './login-throttler.guard';
import { DEFAULT_PASSWORD_HASH_COST, PasswordHasher, type PasswordHashCost } from './password-hasher';

export interface AuthModuleOptions {
  secret: string;
  /** Lifetime of an access token in seconds. */
  tokenTtlSeconds?: number;
  /** Login attempts per (username, IP) in `loginWindowMs`. */
  loginLimit?: number;
  loginWindowMs?: number;
  passwordHashCost?: PasswordHashCost;
  /** Extra providers, e.g. `{ provide: PRINCIPAL_VALIDATOR, useClass: ... }`. */
  providers?: Provider[];
}

/**
 * JWT sessions, the global auth guard (every route needs a token unless @Public()), argon2id
 * password hashing and the login rate limit. Services and the gateway import it with their secret.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        JwtModule.register({ secret: options.secret, signOptions: { expiresIn: options.tokenTtlSeconds ?? 8 * 3600 } }),
        ThrottlerModule.forRoot([{ name: LOGIN_THROTTLER, ttl: options.loginWindowMs ?? 60_000, limit: options.loginLimit ?? 5 }]),
      ],
      providers: [
        { provide: PasswordHasher, useValue: new PasswordHasher(options.passwordHashCost ?? DEFAULT_PASSWORD_HASH_COST) },
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        ...(options.providers ?? []),
      ],
      exports: [JwtModule, PasswordHasher, ThrottlerModule, ...(options.providers ?? [])],
    };
  }
}
