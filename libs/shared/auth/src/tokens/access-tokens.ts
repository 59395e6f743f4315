import { claimsOf, principalOf, type AuthPrincipal } from '../principal';
import { signToken, TokenError, verifyToken, type SigningKey, type VerificationKey } from './es256-jwt';

/** Audience of refresh tokens: only desk's refresh endpoint accepts them, no service takes them as access. */
export const REFRESH_AUDIENCE = 'bekasi-desk-refresh';
/** Short enough that a deactivated or demoted user is out of every service within a minute (with the leeway). */
export const MAX_ACCESS_TTL_SECONDS = 55;
export const TOKEN_LEEWAY_SECONDS = 5;

export interface TokenSettings {
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
}

/** What every service holds: the public keys, the expected issuer and audience. */
export class AccessTokenVerifier {
  constructor(
    private readonly keys: readonly VerificationKey[],
    private readonly settings: TokenSettings,
  ) {}

  /** The principal of a valid access token; TokenError otherwise. */
  verify(token: string, nowMs?: number): AuthPrincipal {
    const claims = verifyToken(token, this.keys, { issuer: this.settings.AUTH_ISSUER, audience: this.settings.AUTH_AUDIENCE, leewaySeconds: TOKEN_LEEWAY_SECONDS, nowMs });
    if (claims.typ !== undefined && claims.typ !== 'access') throw new TokenError('audience');
    const principal = principalOf(claims);
    if (!principal) throw new TokenError('malformed');
    return principal;
  }
}

export interface RefreshClaims {
  userId: string;
  sessionVersion: number;
  /** Unix seconds: the session's absolute end, carried over by every refresh. */
  sessionEnd: number;
}

/** Desk only: signs access and refresh tokens with its private key. */
export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly settings: TokenSettings & { accessTtlSeconds: number; refreshTtlSeconds: number },
    private readonly keys: readonly VerificationKey[],
  ) {}

  get accessTtlSeconds(): number {
    return this.settings.accessTtlSeconds;
  }

  issueAccess(principal: AuthPrincipal, nowMs = Date.now()): string {
    return signToken({ ...claimsOf(principal), iss: this.settings.AUTH_ISSUER, aud: this.settings.AUTH_AUDIENCE, typ: 'access' }, this.key, { ttlSeconds: this.settings.accessTtlSeconds, nowMs });
  }

  /** A refresh token ending at `sessionEnd` (a new session: now + the refresh lifetime). */
  issueRefresh(principal: AuthPrincipal, sessionEnd?: number, nowMs = Date.now()): { token: string; expiresIn: number } {
    const now = Math.floor(nowMs / 1000);
    const end = sessionEnd ?? now + this.settings.refreshTtlSeconds;
    const ttl = Math.max(1, end - now);
    const token = signToken({ sub: principal.userId, sv: principal.sessionVersion, iss: this.settings.AUTH_ISSUER, aud: REFRESH_AUDIENCE, typ: 'refresh' }, this.key, { ttlSeconds: ttl, nowMs });
    return { token, expiresIn: ttl };
  }

  verifyRefresh(token: string, nowMs?: number): RefreshClaims {
    const claims = verifyToken(token, this.keys, { issuer: this.settings.AUTH_ISSUER, audience: REFRESH_AUDIENCE, leewaySeconds: 0, nowMs });
    if (claims.typ !== 'refresh' || typeof claims.sub !== 'string' || typeof claims.sv !== 'number') throw new TokenError('malformed');
    return { userId: claims.sub, sessionVersion: claims.sv, sessionEnd: claims.exp as number };
  }

  /** Every verification key (the current one and any still honoured during a rotation) for GET /api/v1/auth/jwks. */
  jwks(): { keys: object[] } {
    const keys = new Map<string, object>([[this.key.kid, this.key.publicJwk]]);
    for (const k of this.keys) if (!keys.has(k.kid)) keys.set(k.kid, { ...k.key.export({ format: 'jwk' }), kid: k.kid, alg: 'ES256', use: 'sig' });
    return { keys: [...keys.values()] };
  }
}
