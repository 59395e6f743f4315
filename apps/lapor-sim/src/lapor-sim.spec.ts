import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { configureApp, loadConfig } from '@bekasi/platform';
import { LaporSimModule } from './app.module';
import { LaporSimConfig } from './lapor-sim.config';

async function aSimulator(env: Record<string, string> = {}) {
  const config = loadConfig(LaporSimConfig, { LAPOR_SIM_RATE: '0', LAPOR_SIM_INITIAL_REPORTS: '120', ...env });
  const moduleRef = await Test.createTestingModule({ imports: [LaporSimModule.forRoot(config)] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  await configureApp(app, { service: 'lapor-sim', title: 'lapor-sim' });
  return app;
}

describe('lapor-sim', () => {
  const apps: NestExpressApplication[] = [];
  const sim = async (env: Record<string, string> = {}) => {
    const app = await aSimulator(env);
    apps.push(app);
    return request(app.getHttpServer());
  };
  afterAll(async () => Promise.all(apps.map((a) => a.close())));

  it('answers health without any database', async () => {
    const http = await sim();
    await http.get('/health/live').expect(200);
    await http.get('/health/ready').expect(200);
  });

  it('pages by cursor through the same reports for the same seed', async () => {
    const quiet = { LAPOR_SIM_DUPLICATE_RATE: '0', LAPOR_SIM_MALFORMED_RATE: '0' };
    const a = await sim({ ...quiet, LAPOR_SIM_SEED: '9' });
    const b = await sim({ ...quiet, LAPOR_SIM_SEED: '9' });
    const first = await a.get('/api/v1/reports').query({ limit: 50 }).expect(200);
    expect(first.body).toMatchObject({ next_cursor: '50', has_more: true, remaining: 70 });
    const second = await a.get('/api/v1/reports').query({ cursor: first.body.next_cursor, limit: 100 }).expect(200);
    expect(second.body).toMatchObject({ next_cursor: '120', has_more: false, remaining: 0 });
    expect(second.body.items).toHaveLength(70);
    expect((await b.get('/api/v1/reports').query({ limit: 50 })).body.items).toEqual(first.body.items);
    expect(first.body.items[0]).toMatchObject({ tracking_id: '5000001', content: expect.any(String), location: { kecamatan: expect.any(String) } });
  });

  it('injects 5xx, duplicates and malformed records on request, and generates more reports', async () => {
    const http = await sim({ LAPOR_SIM_DUPLICATE_RATE: '0', LAPOR_SIM_MALFORMED_RATE: '0' });
    await http.put('/admin/faults').send({ errorRate: 1 }).expect(200);
    await http.get('/api/v1/reports').expect(503);
    await http.put('/admin/faults').send({ errorRate: 0, duplicateRate: 1, malformedRate: 1 }).expect(200);
    const page = await http.get('/api/v1/reports').query({ cursor: '10', limit: 5 }).expect(200);
    expect(page.body.items).toHaveLength(6);
    expect(Number(page.body.items[5].tracking_id)).toBeLessThan(5000011);
    const state = await http.post('/admin/reports').send({ count: 10 }).expect(200);
    expect(state.body.reports).toBe(130);
    const fresh = await http.get('/api/v1/reports').query({ cursor: '120', limit: 10 }).expect(200);
    expect(fresh.body.items.slice(0, 10).every((r: Record<string, unknown>) => !r.tracking_id || r.created_at === 'kemarin sore' || r.content === '' || r.is_secret === 'mungkin')).toBe(true);
    await http.put('/admin/faults').send({ errorRate: 2 }).expect(400);
  });

  it('requires the bearer token when one is configured', async () => {
    const http = await sim({ LAPOR_SIM_TOKEN: 'rahasia-dev' });
    await http.get('/api/v1/reports').expect(401);
    await http.get('/api/v1/reports').set('authorization', 'Bearer rahasia-dev').expect(200);
  });
});
