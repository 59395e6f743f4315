import { createHash, createPrivateKey, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/** The only algorithm accepted: what the header says is checked against it, never trusted. */
export const TOKEN_ALGORITHM = 'ES256';

export interface VerificationKey {
  kid: string;
  key: KeyObject;
}

export interface SigningKey extends VerificationKey {
  /** The private key; `key` of a SigningKey is the private key object. */
  publicJwk: JsonWebKey & { kid: string; alg: string; use: string };
}

export type TokenFailure = 'malformed' | 'algorithm' | 'unknown-key' | 'signature' | 'expired' | 'not-yet-valid' | 'issuer' | 'audience';

export class TokenError extends Error {
  constructor(readonly reason: TokenFailure) {
    super(`token rejected: ${reason}`);
    this.name = 'TokenError';
  }
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/** RFC 7638 thumbprint of an EC public key: a key id nobody has to choose or keep unique by hand. */
export function thumbprintOf(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A P-256 private key (PEM) as a signing key with its public JWK. */
export function signingKeyFromPem(pem: string): SigningKey {
  const publicKey = createPublicKey(pem);
  const jwk = publicKey.export({ format: 'jwk' });
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error('the signing key must be an EC P-256 private key');
  const kid = thumbprintOf(jwk);
  return { kid, key: createPrivateKey(pem), publicJwk: { ...jwk, kid, alg: TOKEN_ALGORITHM, use: 'sig' } };
}

/** The keys of a JWKS document that can verify ES256 tokens (others are ignored). */
export function verificationKeysOf(jwks: unknown): VerificationKey[] {
  const keys = (jwks as { keys?: unknown })?.keys;
  if (!Array.isArray(keys)) throw new Error('a JWKS document must be {"keys":[...]}');
  return keys
    .filter((k): k is JsonWebKey & { kid?: string } => !!k && typeof k === 'object' && (k as JsonWebKey).kty === 'EC' && (k as JsonWebKey).crv === 'P-256')
    .map((jwk) => {
      const { d: _private, ...publicPart } = jwk as JsonWebKey & { d?: string };
      const kid = typeof jwk.kid === 'string' ? jwk.kid : thumbprintOf(publicPart);
      return { kid, key: createPublicKey({ key: publicPart, format: 'jwk' }) };
    });
}

/** Signs `claims` (iat/exp added) with ES256, the key id in the header. */
export function signToken(claims: Record<string, unknown>, key: SigningKey, options: { ttlSeconds: number; nowMs?: number }): string {
  const iat = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const header = b64url(JSON.stringify({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: key.kid }));
  const payload = b64url(JSON.stringify({ ...claims, iat, exp: iat + options.ttlSeconds }));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: key.key, dsaEncoding: 'ieee-p1363' });
  return `${header}.${payload}.${b64url(signature)}`;
}

export interface VerifyOptions {
  issuer: string;
  audience: string;
  /** Seconds of clock difference between services tolerated on exp/nbf. */
  leewaySeconds?: number;
  nowMs?: number;
}

/** Verifies an ES256 token against the key its kid names; returns its claims or throws TokenError. */
export function verifyToken(token: string, keys: readonly VerificationKey[], options: VerifyOptions): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) throw new TokenError('malformed');
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new TokenError('malformed');
  }
  if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object' || Array.isArray(claims)) throw new TokenError('malformed');
  if (header.alg !== TOKEN_ALGORITHM) throw new TokenError('algorithm');
  const key = keys.find((k) => k.kid === header.kid);
  if (!key) throw new TokenError('unknown-key');
  const signature = Buffer.from(parts[2], 'base64url');
  if (signature.length !== 64 || !verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), { key: key.key, dsaEncoding: 'ieee-p1363' }, signature)) {
    throw new TokenError('signature');
  }
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const leeway = options.leewaySeconds ?? 5;
  if (typeof claims.exp !== 'number' || now > claims.exp + leeway) throw new TokenError('expired');
  if (typeof claims.nbf === 'number' && now + leeway < claims.nbf) throw new TokenError('not-yet-valid');
  if (claims.iss !== options.issuer) throw new TokenError('issuer');
  const aud = claims.aud;
  if (!(aud === options.audience || (Array.isArray(aud) && aud.includes(options.audience)))) throw new TokenError('audience');
  return claims;
}
