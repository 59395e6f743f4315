// One test per finding of issue 9, each an attack from outside on the running services. How each was
// shown to fail before its fix is in docs/security.md ("Findings and their tests").
import { createHmac, randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { CLIENT_HEADER, vouchForClient } from '@bekasi/auth';
import { SyntheticLaporFeed } from '@bekasi/intake-domain';
import { testAccessToken, testAuth, testChannelHeaders, waitFor } from '@bekasi/testing';
import { deflatedZip } from '../../libs/intake/export-reader/src/testing/export-files';
import { startSystem, type RunningSystem } from './security-harness';

const DEMO_PASSWORD = 'bekasi-demo-2026';

describe('the attacks of issue 9, against the running services', () => {
  let system: RunningSystem;
  let lapor: Server;
  const laporPages: unknown[][] = [];

  beforeAll(async () => {
    // A LAPOR! API whose first page holds a record with NUL bytes in every text field, then a good one.
    const feed = new SyntheticLaporFeed(21);
    const poisoned: Record<string, unknown> = { ...(feed.next() as unknown as Record<string, unknown>), tracking_id: '8800001' };
    for (const [k, v] of Object.entries(poisoned)) if (typeof v === 'string' && k !== 'created_at') poisoned[k] = `${v}\u0000`;
    const good = { ...(feed.next() as unknown as Record<string, unknown>), tracking_id: '8800002' };
    laporPages.push([poisoned, good]);
    lapor = createServer((req, res) => {
      const cursor = new URL(req.url ?? '/', 'http://x').searchParams.get('cursor');
      const items = cursor ? [] : laporPages[0];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items, next_cursor: 'c1', has_more: false }));
    });
    await new Promise<void>((r) => lapor.listen(0, '127.0.0.1', r));
    system = await startSystem('secattack', {
      desk: { AUTH_ACCESS_TTL_SECONDS: '2', LOGIN_RATE_LIMIT: '5' },
      intake: { LAPOR_API_BASE_URL: `http://127.0.0.1:${(lapor.address() as AddressInfo).port}`, LAPOR_POLL_INTERVAL_MS: '200' },
    });
  }, 180_000);
  afterAll(async () => {
    await system?.stop();
    await new Promise((r) => lapor?.close(r));
  });

  const at = (service: keyof RunningSystem['urls'], path: string, init: RequestInit = {}) => fetch(system.urls[service] + path, init);
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signed = (channel: string, body: object) => {
    const text = JSON.stringify(body);
    return { method: 'POST', headers: testChannelHeaders(channel, text), body: text };
  };
  const complaint = (over: Record<string, unknown> = {}) => ({
    externalId: `x-${randomUUID().slice(0, 8)}`,
    text: 'Lampu penerangan jalan di Jalan Raya Tambun Selatan mati sejak seminggu, gelap dan rawan.',
    ...over,
  });

  it("routing and intake refuse a request without a token on their own ports (no gateway in front)", async () => {
    expect((await at('routing', '/api/v1/routing/rules')).status).toBe(401);
    const rule = { id: 'curang', kind: 'keyword', patterns: ['rahasia'], unitCode: 'DLH' };
    expect((await at('routing', '/api/v1/routing/rules', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(rule) })).status).toBe(401);
    expect((await at('intake', '/api/v1/intake/imports', { method: 'POST' })).status).toBe(401);
    // An officer's valid token is no admin's.
    expect((await at('routing', '/api/v1/routing/rules', { headers: bearer(testAccessToken({ role: 'officer', unitCode: 'DINSOS' })) })).status).toBe(403);
  });

  it('refuses an admin token signed with the old default JWT_SECRET (HS256) for a user that does not exist, in sla, escalation and ikp', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: randomUUID(), usr: 'x', role: 'admin', unit: null, asda: null, sv: 1, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
    const forged = `${unsigned}.${createHmac('sha256', 'dev-only-secret-change-me-in-production').update(unsigned).digest('base64url')}`;
    for (const [service, path] of [['sla', '/api/v1/sla/deadlines'], ['escalation', '/api/v1/escalations'], ['ikp', '/api/v1/ikp/scoreboard']] as const) {
      expect(`${service} ${(await at(service, path, { headers: bearer(forged) })).status}`).toBe(`${service} 401`);
      expect(`gateway ${service} ${(await at('gateway', path, { headers: bearer(forged) })).status}`).toBe(`gateway ${service} 401`);
    }
  });

  it("ends a deactivated user's access in every service within a minute: desk at once, the others when the short token ends; no refresh", async () => {
    const admin = (await (await at('desk', '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) })).json()) as { accessToken: string };
    const login = await at('desk', '/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'head.dlh', password: DEMO_PASSWORD }) });
    const session = (await login.json()) as { accessToken: string; refreshToken: string; expiresIn: number; user: { id: string } };
    expect(session.expiresIn).toBe(2);
    expect((await at('sla', '/api/v1/sla/deadlines', { headers: bearer(session.accessToken) })).status).toBe(200);
    expect((await at('desk', `/api/v1/users/${session.user.id}/deactivate`, { method: 'POST', headers: bearer(admin.accessToken) })).status).toBe(200);
    expect((await at('desk', '/api/v1/auth/me', { headers: bearer(session.accessToken) })).status).toBe(401);
    const refresh = await at('desk', '/api/v1/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
    expect(refresh.status).toBe(401);
    // ttl 2 s + 5 s leeway for clock differences between services.
    await waitFor('the access token to end in sla', async () => (await at('sla', '/api/v1/sla/deadlines', { headers: bearer(session.accessToken) })).status === 401, 15_000, 500);
    expect((await at('ikp', '/api/v1/ikp/scoreboard', { headers: bearer(session.accessToken) })).status).toBe(401);
  });

  it('takes complaints only from a registered channel with a valid signature within the replay window', async () => {
    const body = JSON.stringify(complaint());
    const post = (headers: Record<string, string>) => at('intake', '/api/v1/intake/complaints', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await post({})).status).toBe(401);
    const good = testChannelHeaders('web-form', body);
    expect((await post({ ...good, 'x-bekasi-signature': good['x-bekasi-signature'].replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).status).toBe(401);
    expect((await post({ ...good, 'x-bekasi-channel': 'tidak-terdaftar' })).status).toBe(401);
    expect((await post(testChannelHeaders('web-form', body, Date.now() - 10 * 60_000))).status).toBe(401); // replayed later
    expect((await post({ ...testChannelHeaders('web-form', body), authorization: `Bearer ${testAccessToken({ role: 'admin' })}` }).then((r) => r.status))).toBe(202);
    expect((await post(good)).status).toBe(202); // the same delivery again is a repeat, not an error
  });

  it('lets the channel, not the body, decide receivedAt, priority and the identity namespace, and tells nothing of other complaints', async () => {
    const backdated = await at('intake', '/api/v1/intake/complaints', signed('web-form', complaint({ receivedAt: '2026-01-05T08:00:00+07:00' })));
    expect(backdated.status).toBe(400);
    expect(JSON.stringify(await backdated.json())).toMatch(/receivedAt/);
    const future = await at('intake', '/api/v1/intake/complaints', signed('lapor-webhook', complaint({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() })));
    expect(future.status).toBe(400);
    expect((await at('intake', '/api/v1/intake/complaints', signed('web-form', complaint({ priority: 'high' })))).status).toBe(400);
    expect((await at('intake', '/api/v1/intake/complaints', signed('web-form', complaint({ channel: 'Lapor AA Bupati' })))).status).toBe(400);
    // Claiming LAPOR!'s namespace from another channel is refused; its ids are its own namespace.
    expect((await at('intake', '/api/v1/intake/complaints', signed('whatsapp', complaint({ source: 'lapor-webhook', externalId: '9900001' })))).status).toBe(400);
    const squatted = await at('intake', '/api/v1/intake/complaints', signed('whatsapp', complaint({ externalId: '9900002' })));
    const real = await at('intake', '/api/v1/intake/complaints', signed('lapor-webhook', complaint({ externalId: '9900002', receivedAt: new Date(Date.now() - 3_600_000).toISOString() })));
    expect([squatted.status, real.status]).toEqual([202, 202]);
    expect((await real.json()).duplicate).toBe(false);
    // A near-copy of another complaint: flagged for the admin, not told to the sender.
    const first = await (await at('intake', '/api/v1/intake/complaints', signed('web-form', complaint({ text: 'Sampah menumpuk di pasar Cikarang sudah tiga hari tidak diangkut petugas kebersihan.' })))).json();
    const copy = await (await at('intake', '/api/v1/intake/complaints', signed('call-centre', complaint({ text: 'Sampah menumpuk di pasar Cikarang sudah tiga hari tidak diangkut petugas kebersihan.' })))).json();
    expect(Object.keys(copy).sort()).toEqual(['complaintId', 'duplicate', 'reporterKey', 'trackingId']);
    expect(JSON.stringify(copy)).not.toContain(first.trackingId);
  });

  it("needs the complaint's own reporter key for reporter actions; a wrong key answers like an unknown ticket", async () => {
    const receipt = await (await at('intake', '/api/v1/intake/complaints', signed('whatsapp', complaint()))).json();
    expect(receipt.reporterKey).toMatch(/^rk1\.[A-Za-z0-9_-]{43}$/);
    const again = await (await at('intake', '/api/v1/intake/complaints', signed('whatsapp', complaint()))).json();
    const act = (trackingId: string, key: string | null) =>
      at('gateway', `/api/v1/reporter/tickets/${trackingId}/withdraw`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'x-reporter-key': key } : {}) }, body: JSON.stringify({ reason: 'uji' }) });
    // The ticket reaches desk through routing over Kafka; until then the right key also answers 404.
    const unknown = await act('BKS-2099-000001', receipt.reporterKey);
    expect(unknown.status).toBe(404);
    const unknownBody = await unknown.json();
    for (const key of [null, again.reporterKey, 'rk1.' + 'A'.repeat(43)]) {
      const res = await act(receipt.trackingId, key);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(unknownBody);
    }
    await waitFor('the reporter to withdraw with their key', async () => (await act(receipt.trackingId, receipt.reporterKey)).status === 200, 60_000, 500);
  });

  it('refuses hostile files with 413 within seconds and keeps answering; the same limits as the unit tests', async () => {
    const admin = bearer(testAccessToken({ role: 'admin' }));
    const upload = (name: string, content: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), name);
      // A fresh connection each: building the bomb takes longer than the server keeps an idle one open.
      return at('intake', '/api/v1/intake/imports', { method: 'POST', headers: { ...admin, connection: 'close' }, body: form });
    };
    // A zip whose sheet inflates to 300 MB of nothing.
    const bomb = deflatedZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(300 * 1024 * 1024, 0x20) }]);
    const commas = Buffer.from(`Tracking ID,Judul\n9100001${','.repeat(1_000_000)}\n`);
    const started = Date.now();
    expect((await upload('koma.csv', commas)).status).toBe(413);
    expect((await upload('bom.xlsx', bomb)).status).toBe(413);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect((await at('intake', '/health/live')).status).toBe(200);
  });

  it('moves on past a LAPOR! record with NUL bytes: both records stored, the NUL removed, the cursor moved', async () => {
    const db = system.apps.intake.get(DataSource);
    const schema = `${system.infra.schema}_intake`;
    const rows = await waitFor('both polled records', async () => {
      const r = await db.query(`SELECT external_id, text FROM "${schema}"."complaints" WHERE external_id IN ('8800001', '8800002') ORDER BY external_id`);
      return r.length === 2 ? r : null;
    }, 30_000, 200);
    expect(rows.map((r: { text: string }) => r.text.includes('\u0000'))).toEqual([false, false]);
    const [cursor] = await db.query(`SELECT cursor FROM "${schema}"."lapor_poll_cursor"`);
    expect(cursor.cursor).toBe('c1');
  });

  it('throttles login by username and the client address the gateway vouched for: guesses from elsewhere never lock out the real user', async () => {
    const hop = testAuth().hopSecret;
    const login = (password: string, ip: string | null, extra: Record<string, string> = {}) =>
      at('desk', '/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(ip ? { [CLIENT_HEADER]: vouchForClient(hop, ip, 'POST', '/api/v1/auth/login') } : {}), ...extra },
        body: JSON.stringify({ username: 'bupati', password }),
      });
    const attacker = [];
    for (let i = 0; i < 7; i++) attacker.push((await login('tebakan-salah', '203.0.113.66')).status);
    expect(attacker.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(attacker.slice(5)).toEqual([429, 429]);
    expect((await login(DEMO_PASSWORD, '198.51.100.7')).status).toBe(200); // the Bupati, elsewhere
    // Headers a client writes itself buy nothing: an unsigned vouch and X-Forwarded-For count as the peer.
    for (let i = 0; i < 5; i++) await login('tebakan-salah', null, { [CLIENT_HEADER]: `10.9.9.${i};${Date.now()};00`, 'x-forwarded-for': `10.8.8.${i}` });
    expect((await login(DEMO_PASSWORD, null, { 'x-forwarded-for': '10.7.7.7' })).status).toBe(429);
  });
});

describe('production refuses defaults', () => {
  const run = (entry: string, env: Record<string, string>) =>
    spawnSync(process.execPath, ['tools/run.js', entry], { env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'fatal', PORT: String(40_000 + Math.floor(Math.random() * 20_000)), ...env }, encoding: 'utf8', timeout: 60_000 });

  it('desk will not start with DEMO_SEED, the development key files or an example secret, and says which', () => {
    const desk = run('apps/desk/src/main.ts', { DEMO_SEED: 'true', REPORTER_KEY_SECRET: 'CHANGE-ME-0123456789-0123456789-0123' });
    expect(desk.status).toBe(78);
    const said = desk.stderr + desk.stdout;
    expect(said).toMatch(/DEMO_SEED/);
    expect(said).toMatch(/AUTH_SIGNING_KEY/);
    expect(said).toMatch(/REPORTER_KEY_SECRET: an example/);
  });

  it('the gateway will not start on the development key files', () => {
    const gateway = run('apps/gateway/src/main.ts', {});
    expect(gateway.status).toBe(78);
    expect(gateway.stderr + gateway.stdout).toMatch(/AUTH_PUBLIC_JWKS/);
  });

  it('compose publishes only the gateway and, like the k8s manifests, carries no usable secret', () => {
    const compose = readFileSync('docker-compose.yml', 'utf8');
    const published = [...compose.matchAll(/ports:\s*\[([^\]]*)\]/g)].map((m) => m[1].trim());
    expect(published).toEqual(['"3000:3000"']);
    for (const file of ['docker-compose.yml', ...readdirSync('k8s').map((f) => `k8s/${f}`)]) {
      const text = readFileSync(file, 'utf8');
      expect(`${file}: ${/JWT_SECRET|REPORTER_CHANNEL_TOKEN|DEMO_SEED:\s*"?true|dev-only|bekasi-demo-2026/.test(text)}`).toBe(`${file}: false`);
      expect(`${file}: ${/BEGIN (EC )?PRIVATE KEY/.test(text)}`).toBe(`${file}: false`);
    }
  });
});
