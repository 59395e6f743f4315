import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { configureApp, loadConfig } from '@bekasi/platform';
import { LaporSimModule } from './app.module';
import { LaporSimConfig } from './lapor-sim.config';

describe('lapor-sim integration API', () => {
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  const report = '5000001';
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

  beforeAll(async () => {
    const config = loadConfig(LaporSimConfig, { LAPOR_SIM_RATE: '0', LAPOR_SIM_INITIAL_REPORTS: '5', LAPOR_SIM_MALFORMED_RATE: '0', LAPOR_SIM_KNOWN_REPORTS_ONLY: 'true' });
    const moduleRef = await Test.createTestingModule({ imports: [LaporSimModule.forRoot(config)] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    await configureApp(app, { service: 'lapor-sim', title: 'lapor-sim' });
    await app.listen(0, '127.0.0.1');
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());
  beforeEach(async () => {
    await http.post('/admin/integration/reset').expect(200);
  });

  it('stores each action once per idempotency key, in arrival order, and shows them on the report', async () => {
    await http.post(`/api/v1/reports/${report}/dispositions`).set('idempotency-key', 'key-disp-1').send({ instansi_id: 'INS-9' }).expect(201);
    const first = await http.post(`/api/v1/reports/${report}/follow-ups`).set('idempotency-key', 'key-fu-0001')
      .send({ content: 'Jalan sudah diperbaiki', attachments: [{ file_name: 'foto.png', content_type: 'image/png', content_base64: png }] }).expect(201);
    const again = await http.post(`/api/v1/reports/${report}/follow-ups`).set('idempotency-key', 'key-fu-0001').send({ content: 'Jalan sudah diperbaiki' }).expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, duplicate: true });
    await http.post(`/api/v1/reports/${report}/closure`).set('idempotency-key', 'key-close-1').send({}).expect(201);
    const listed = await http.get(`/admin/reports/${report}/follow-ups`).expect(200);
    expect(listed.body.map((a: { type: string }) => a.type)).toEqual(['disposition', 'follow_up', 'closure']);
    expect(listed.body[1].attachments).toEqual([expect.objectContaining({ fileName: 'foto.png', sizeBytes: 16 })]);
    const shown = await http.get(`/api/v1/reports/${report}`).expect(200);
    expect(shown.body).toMatchObject({ tracking_id: report, status: 'Ditutup oleh Admin', follow_ups: expect.any(Array) });
  });

  it('refuses a missing key, an unknown report and a disposisi without instansi, with LAPOR!\'s message', async () => {
    await http.post(`/api/v1/reports/${report}/follow-ups`).send({ content: 'x' }).expect(400);
    const unknown = await http.post('/api/v1/reports/999/follow-ups').set('idempotency-key', 'key-unknown').send({ content: 'x' }).expect(404);
    expect(unknown.body.message).toMatch(/tidak ditemukan/);
    await http.post(`/api/v1/reports/${report}/dispositions`).set('idempotency-key', 'key-noinst').send({}).expect(422);
  });

  it('fails, loses answers and receives duplicates on request, and the key still stores once', async () => {
    await http.put('/admin/integration-faults').send({ failNext: 1 }).expect(200);
    await http.post(`/api/v1/reports/${report}/follow-ups`).set('idempotency-key', 'key-storm').send({ content: 'a' }).expect(503);
    await http.put('/admin/integration-faults').send({ loseNext: 1, duplicateSubmissionRate: 1 }).expect(200);
    await expect(http.post(`/api/v1/reports/${report}/follow-ups`).set('idempotency-key', 'key-storm').send({ content: 'a' })).rejects.toThrow();
    await http.post(`/api/v1/reports/${report}/follow-ups`).set('idempotency-key', 'key-storm').send({ content: 'a' }).expect(200);
    await http.put('/admin/integration-faults').send({ duplicateSubmissionRate: 0 }).expect(200);
    expect((await http.get(`/admin/reports/${report}/follow-ups`)).body).toHaveLength(1);
    expect((await http.get('/admin/integration')).body.duplicateSubmissions).toBeGreaterThan(0);
  });

  it('feeds replies, ratings and status changes made on the LAPOR! side by cursor', async () => {
    await http.post(`/admin/reports/${report}/replies`).send({ message: 'Terima kasih, tapi belum selesai' }).expect(201);
    await http.post(`/admin/reports/${report}/ratings`).send({ rating: 4 }).expect(201);
    await http.post(`/admin/reports/${report}/status`).send({ status: 'Diarsipkan oleh Admin' }).expect(201);
    await http.post('/admin/reports/999/replies').send({ message: 'x' }).expect(404);
    const page = await http.get('/api/v1/report-updates').query({ limit: 2 }).expect(200);
    expect(page.body).toMatchObject({ next_cursor: '2', has_more: true });
    expect(page.body.items.map((u: { type: string }) => u.type)).toEqual(['reply', 'rating']);
    const rest = await http.get('/api/v1/report-updates').query({ cursor: '2' }).expect(200);
    expect(rest.body.items).toEqual([expect.objectContaining({ type: 'status', status: 'Diarsipkan oleh Admin', tracking_id: report })]);
    expect((await http.get(`/api/v1/reports/${report}`)).body.status).toBe('Diarsipkan oleh Admin');
  });
});
