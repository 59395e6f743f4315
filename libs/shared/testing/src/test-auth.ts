import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import {
  claimsOf, signChannelRequest, signingKeyFromPem, signToken, reporterKeyFor, type AuthPrincipal, type RegisteredChannel, type SigningKey,
} from '@bekasi/auth';

const pem = () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** One key pair, channel registry and secrets per test process; every TestInfra config carries them. */
class TestAuthMaterial {
  readonly signingPem = pem();
  readonly signingKey: SigningKey = signingKeyFromPem(this.signingPem);
  /** A key of nobody this system trusts: what a forger signs with. */
  readonly foreignKey: SigningKey = signingKeyFromPem(pem());
  readonly reporterKeySecret = randomBytes(32).toString('base64url');
  readonly hopSecret = randomBytes(32).toString('base64url');
  readonly channels: RegisteredChannel[] = [
    { id: 'lapor-webhook', source: 'lapor-webhook', honourReceivedAt: true, maySetPriority: true },
    { id: 'whatsapp', source: 'whatsapp', honourReceivedAt: false, maySetPriority: true },
    { id: 'web-form', source: 'web-form', honourReceivedAt: false, maySetPriority: false },
    { id: 'call-centre', source: 'call-centre', honourReceivedAt: false, maySetPriority: false },
  ].map((c) => ({ ...c, secrets: [randomBytes(32).toString('base64url')] }));

  get env(): Record<string, string> {
    return {
      AUTH_SIGNING_KEY: this.signingPem,
      AUTH_PUBLIC_JWKS: JSON.stringify({ keys: [this.signingKey.publicJwk] }),
      REPORTER_KEY_SECRET: this.reporterKeySecret,
      GATEWAY_HOP_SECRET: this.hopSecret,
      INTAKE_CHANNELS: JSON.stringify({ channels: this.channels }),
    };
  }
}

let material: TestAuthMaterial | undefined;
export const testAuth = (): TestAuthMaterial => (material ??= new TestAuthMaterial());

export interface TestTokenOptions {
  /** Expired a minute ago. */
  expired?: boolean;
  ttlSeconds?: number;
  /** Signed with a key nobody trusts. */
  foreignKey?: boolean;
  issuer?: string;
  audience?: string;
}

/** An access token as desk would issue it for `principal` (defaults: an officer of no unit, a random id). */
export function testAccessToken(principal: Partial<AuthPrincipal> = {}, options: TestTokenOptions = {}): string {
  const full: AuthPrincipal = { userId: randomUUID(), username: 'pengguna', role: 'officer', unitCode: null, asdaGroup: null, sessionVersion: 1, ...principal };
  const key = options.foreignKey ? testAuth().foreignKey : testAuth().signingKey;
  const nowMs = options.expired ? Date.now() - 3_600_000 : Date.now();
  return signToken(
    { ...claimsOf(full), iss: options.issuer ?? 'bekasi-desk', aud: options.audience ?? 'bekasi-lapor', typ: 'access' },
    key,
    { ttlSeconds: options.ttlSeconds ?? 55, nowMs },
  );
}

/** Headers of a request signed by the registered test channel `channelId`. */
export function testChannelHeaders(channelId: string, body: string, nowMs?: number): Record<string, string> {
  const channel = testAuth().channels.find((c) => c.id === channelId);
  if (!channel) throw new Error(`no test channel ${channelId}`);
  return { 'content-type': 'application/json', ...signChannelRequest({ channelId, secret: channel.secrets[0], body, nowMs }) };
}

/** The reporter key intake would have returned for `trackingId`. */
export const testReporterKey = (trackingId: string): string => reporterKeyFor(testAuth().reporterKeySecret, trackingId);
