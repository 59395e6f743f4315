#!/usr/bin/env node
// Development keys, made once per checkout into the git-ignored .run/keys/ (npm start and npm test
// call this): desk's token signing key and its public JWKS, the registered channels' secrets, the
// reporter-key secret and the gateway hop secret. Production refuses these files (docs/security.md).
const { createHash, generateKeyPairSync, randomBytes, createPublicKey } = require('node:crypto');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const dir = resolve(process.argv[2] || join(__dirname, '..', '.run', 'keys'));
mkdirSync(dir, { recursive: true, mode: 0o700 });
const secret = () => randomBytes(32).toString('base64url');
const write = (name, content) => {
  const path = join(dir, name);
  if (existsSync(path)) return false;
  writeFileSync(path, content, { mode: 0o600 });
  return true;
};

const signingPath = join(dir, 'desk-signing-key.pem');
if (!existsSync(signingPath)) {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  write('desk-signing-key.pem', pem);
  const jwk = createPublicKey(pem).export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y })).digest('base64url');
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] }, null, 2) + '\n', { mode: 0o644 });
}
const channel = (id, source, honourReceivedAt, maySetPriority) => ({ id, source, secrets: [secret()], honourReceivedAt, maySetPriority });
write(
  'channels.json',
  JSON.stringify(
    {
      channels: [
        channel('lapor-webhook', 'lapor-webhook', true, true),
        channel('whatsapp', 'whatsapp', false, true),
        channel('web-form', 'web-form', false, false),
        channel('call-centre', 'call-centre', false, false),
      ],
    },
    null,
    2,
  ) + '\n',
);
write('reporter-key.secret', secret() + '\n');
write('gateway-hop.secret', secret() + '\n');
