// The gateway over real HTTP: each API path reaches the service that owns it with the body and
// headers intact, tokens are checked per route, a service that is down answers 502, the web UI is served.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { CLIENT_HEADER, clientAddressOf } from '@bekasi/auth';
import { configureApp, loadConfig, registerInProcessServer, unregisterInProcessServer } from '@bekasi/platform';
import { testAccessToken, testAuth } from '@bekasi/testing';
import { GatewayModule } from '../src/app.module';
import { mountGateway, upstreamsOf } from '../src/gateway';
import { GatewayConfig } from '../src/gateway.config';

interface Seen {
  service: string;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('gateway', () => {
  const seen: Seen[] = [];
  const servers: Server[] = [];
  let app: NestExpressApplication;

  async function fakeService(name: string): Promise<string> {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ service: name, method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(201, { 'content-type': 'application/json', 'x-served-by': name }).end(JSON.stringify({ service: name }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    const env: Record<string, string> = { ...testAuth().env, WEB_ROOT: 'apps/web', LOG_LEVEL: 'silent', GATEWAY_UPSTREAM_TIMEOUT_MS: '2000' };
    for (const name of ['desk', 'intake', 'routing', 'sla', 'escalation']) env[`GATEWAY_${name.toUpperCase()}_URL`] = await fakeService(name);
    env.GATEWAY_IKP_URL = 'http://127.0.0.1:1'; // nothing listens there
    const config = loadConfig(GatewayConfig, env);
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forRoot(upstreamsOf(config))] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'gateway', title: 'gateway', beforeBodyParsers: (a) => mountGateway(a, config) });
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  const token = async (role: string, options: { expired?: boolean } = {}) => testAccessToken({ userId: 'u1', username: 'u', role: role as never }, options);

  it('streams a request to its service with body, query, version and correlation headers, and the answer back', async () => {
    const officer = await token('officer');
    const res = await request(app.getHttpServer())
      .post('/api/v1/tickets/abc/answers?x=1')
      .set('authorization', `Bearer ${officer}`)
      .set('if-match', '3')
      .set('x-correlation-id', 'korelasi-1')
      .send({ answer: 'Jalan sudah diperbaiki' })
      .expect(201);
    expect(res.headers['x-served-by']).toBe('desk');
    const hit = seen.at(-1)!;
    expect(hit).toMatchObject({ service: 'desk', method: 'POST', url: '/api/v1/tickets/abc/answers?x=1' });
    expect(JSON.parse(hit.body)).toEqual({ answer: 'Jalan sudah diperbaiki' });
    expect(hit.headers).toMatchObject({ 'if-match': '3', 'x-correlation-id': 'korelasi-1', authorization: `Bearer ${officer}` });
    // The gateway vouches for the client's address with the hop secret; the service can check it.
    const served = { headers: hit.headers as Record<string, string>, method: hit.method, originalUrl: hit.url, socket: { remoteAddress: '10.0.0.9' } };
    expect(clientAddressOf(served, testAuth().hopSecret)).toBe('127.0.0.1');
    expect(clientAddressOf(served, 'another-hop-secret-0123456789-0123456789')).toBe('10.0.0.9');
  });

  it('drops a client address header a client sends, so nobody but the gateway can choose the address a service throttles by', async () => {
    const officer = await token('officer');
    await request(app.getHttpServer()).get('/api/v1/tickets').set('authorization', `Bearer ${officer}`).set(CLIENT_HEADER, '203.0.113.7;1;forged').expect(201);
    expect(String(seen.at(-1)!.headers[CLIENT_HEADER])).toMatch(/^127\.0\.0\.1;\d+;[0-9a-f]{64}$/);
  });

  it('routes every service by its prefix', async () => {
    const admin = await token('admin');
    for (const [path, service] of [['/api/v1/sla/deadlines', 'sla'], ['/api/v1/escalations/inbox', 'escalation'], ['/api/v1/routing/rules', 'routing'], ['/api/v1/intake/imports', 'intake']]) {
      const res = await request(app.getHttpServer()).get(path).set('authorization', `Bearer ${admin}`);
      expect(`${path} ${res.headers['x-served-by']}`).toBe(`${path} ${service}`);
    }
  });

  it('checks tokens per route: public routes pass, others need a valid, unexpired token, admin APIs the admin', async () => {
    await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'a', password: 'b' }).expect(201);
    await request(app.getHttpServer()).post('/api/v1/intake/complaints').send({}).expect(201);
    const before = seen.length;
    expect((await request(app.getHttpServer()).get('/api/v1/tickets').expect(401)).body.error).toBe('UNAUTHENTICATED');
    const expired = await token('officer', { expired: true });
    expect((await request(app.getHttpServer()).get('/api/v1/tickets').set('authorization', `Bearer ${expired}`).expect(401)).body.error).toBe('TOKEN_EXPIRED');
    const forged = testAccessToken({ role: 'admin' }, { foreignKey: true });
    expect((await request(app.getHttpServer()).get('/api/v1/routing/rules').set('authorization', `Bearer ${forged}`).expect(401)).body.error).toBe('INVALID_TOKEN');
    const officer = await token('officer');
    expect((await request(app.getHttpServer()).get('/api/v1/routing/rules').set('authorization', `Bearer ${officer}`).expect(403)).body.message).toMatch(/tidak berwenang/);
    await request(app.getHttpServer()).post('/api/v1/intake/imports').set('authorization', `Bearer ${officer}`).expect(403);
    expect(seen.length).toBe(before); // nothing refused reached a service
  });

  it('answers 502 in Bahasa Indonesia when the service is down, and 404 for an unknown API path', async () => {
    const sekda = await token('sekda');
    const down = await request(app.getHttpServer()).get('/api/v1/ikp/scoreboard').set('authorization', `Bearer ${sekda}`).expect(502);
    expect(down.body).toMatchObject({ error: 'UPSTREAM_UNAVAILABLE', message: expect.stringMatching(/tidak dapat dihubungi/) });
    await request(app.getHttpServer()).get('/api/v1/nothing-here').set('authorization', `Bearer ${sekda}`).expect(404);
  });

  it('serves the web UI and its texts, and its own health', async () => {
    const page = await request(app.getHttpServer()).get('/').expect(200);
    expect(page.text).toContain('LAPOR!');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    // The live stream opens only with a stream ticket a signed-in page obtained.
    expect((await request(app.getHttpServer()).get('/live/stream?ticket=forged').expect(401)).body.error).toBe('INVALID_TICKET');
    await request(app.getHttpServer()).get('/health/live').expect(200);
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(ready.body.details.ikp.status).toBe('down');
  });
});

describe('gateway with a service in its own process (LAYOUT=small)', () => {
  let app: NestExpressApplication;
  const seen: Seen[] = [];
  // Nothing listens on this port: only the hand-over in the process can answer there.
  const port = 1;
  const neighbour = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ service: 'intake', method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(202, { 'content-type': 'application/json', 'x-served-by': 'intake-in-process' }).end(JSON.stringify({ accepted: true }));
    });
  };

  beforeAll(async () => {
    registerInProcessServer(port, neighbour);
    const env: Record<string, string> = { ...testAuth().env, WEB_ROOT: 'apps/web', LOG_LEVEL: 'silent', GATEWAY_UPSTREAM_TIMEOUT_MS: '2000', GATEWAY_INTAKE_URL: `http://127.0.0.1:${port}` };
    const config = loadConfig(GatewayConfig, env);
    const moduleRef = await Test.createTestingModule({ imports: [GatewayModule.forRoot(upstreamsOf(config))] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'gateway', title: 'gateway', beforeBodyParsers: (a) => mountGateway(a, config) });
  });

  afterAll(async () => {
    unregisterInProcessServer(port, neighbour);
    await app?.close();
  });

  it('hands the request to the neighbour with its whole path, body and correlation id, drops a forged client address, and returns its answer', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/intake/complaints?x=1')
      .set('x-correlation-id', 'korelasi-2')
      .set(CLIENT_HEADER, `10.9.9.9;${Date.now()};forged`)
      .send({ text: 'Jalan rusak di Tambun' })
      .expect(202);
    expect(res.headers['x-served-by']).toBe('intake-in-process');
    expect(res.body).toEqual({ accepted: true });
    const hit = seen.at(-1)!;
    expect(hit).toMatchObject({ method: 'POST', url: '/api/v1/intake/complaints?x=1' });
    expect(JSON.parse(hit.body)).toEqual({ text: 'Jalan rusak di Tambun' });
    expect(hit.headers['x-correlation-id']).toBe('korelasi-2');
    expect(hit.headers[CLIENT_HEADER]).toBeUndefined();
    expect(hit.headers['x-forwarded-for']).toMatch(/127\.0\.0\.1/);
  });

  it('still checks the route\'s access first: an admin route without a token never reaches the neighbour', async () => {
    const before = seen.length;
    await request(app.getHttpServer()).get('/api/v1/intake/imports').expect(401);
    expect(seen.length).toBe(before);
  });
});
