import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '@bekasi/platform';
import { signingKeyFromPem, verificationKeysOf, type SigningKey, type VerificationKey } from './es256-jwt';

/**
 * A secret given inline (Kubernetes Secret as env) or as a file (mounted Secret, or the development
 * keys `node tools/dev-keys.js` writes into .run/keys/). Inline wins; a missing file names both variables.
 */
export function secretOf(inline: string | undefined, file: string | undefined, inlineName: string, fileName: string): string {
  if (inline && inline.trim()) return inline.trim();
  if (!file) throw new ConfigError([`${inlineName} or ${fileName} must be set`]);
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new ConfigError([`${fileName}=${JSON.stringify(file)}: file not found (set ${inlineName}, or run "node tools/dev-keys.js" for development keys)`]);
  }
  return readFileSync(path, 'utf8').trim();
}

export interface VerifierKeySettings {
  AUTH_PUBLIC_JWKS?: string;
  AUTH_PUBLIC_JWKS_FILE?: string;
}

export interface SignerKeySettings {
  AUTH_SIGNING_KEY?: string;
  AUTH_SIGNING_KEY_FILE?: string;
}

/** The public keys that verify access tokens (the current one and, during a rotation, the previous). */
export function verificationKeysFrom(settings: VerifierKeySettings): VerificationKey[] {
  const text = secretOf(settings.AUTH_PUBLIC_JWKS, settings.AUTH_PUBLIC_JWKS_FILE, 'AUTH_PUBLIC_JWKS', 'AUTH_PUBLIC_JWKS_FILE');
  let keys: VerificationKey[];
  try {
    keys = verificationKeysOf(JSON.parse(text));
  } catch (err) {
    throw new ConfigError([`AUTH_PUBLIC_JWKS: not a JWKS document of EC P-256 keys (${(err as Error).message})`]);
  }
  if (keys.length === 0) throw new ConfigError(['AUTH_PUBLIC_JWKS: holds no EC P-256 key']);
  return keys;
}

/** Desk's private key (PEM, EC P-256): only desk holds it. */
export function signingKeyFrom(settings: SignerKeySettings): SigningKey {
  const pem = secretOf(settings.AUTH_SIGNING_KEY, settings.AUTH_SIGNING_KEY_FILE, 'AUTH_SIGNING_KEY', 'AUTH_SIGNING_KEY_FILE');
  try {
    return signingKeyFromPem(pem.replace(/\\n/g, '\n'));
  } catch (err) {
    throw new ConfigError([`AUTH_SIGNING_KEY: not an EC P-256 private key in PEM (${(err as Error).message})`]);
  }
}

/** Comma-separated secrets: the first one signs, every one verifies (rotation without a flag day). */
export function secretListOf(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}
