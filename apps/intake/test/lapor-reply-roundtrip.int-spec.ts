// The loop with SP4N-LAPOR! across the services: an officer's answer with a photo uploaded in desk reaches
// LAPOR! with the photo, and a reply the reporter makes on LAPOR! reaches the ticket in desk once. lapor-sim
// (its own process, repeating its feed), intake in-process, desk as its own process (apps never import apps),
// one file store directory, on the real broker and database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CLOUDEVENTS_SPEC_VERSION, TicketRoutedV1, toKafkaRecord, type TicketRouted } from '@bekasi/contracts';
import { ensureDatabaseAndSchema } from '@bekasi/platform';
import { jpegWithGps } from '@bekasi/file-store';
import { TEST_DATABASE_URL, TestInfra, testAuth, waitFor } from '@bekasi/testing';
import { freePort, startIntake, startLaporSim } from './intake-harness';

describe('the loop with LAPOR! across intake and desk', () => {
  let infra: TestInfra;
  let sim: Awaited<ReturnType<typeof startLaporSim>>;
  let intake: NestExpressApplication;
  let desk: ChildProcess;
  let deskUrl: string;
  let producer: Producer;
  let filesDir: string;
  const deskSchema = () => `${infra.schema}_desk`;

  beforeAll(async () => {
    infra = await TestInfra.create('roundtrip');
    sim = await startLaporSim({ LAPOR_SIM_INITIAL_REPORTS: '1' });
    await ensureDatabaseAndSchema(TEST_DATABASE_URL, deskSchema());
    filesDir = await mkdtemp(join(tmpdir(), 'roundtrip-files-'));
    const port = await freePort();
    deskUrl = `http://127.0.0.1:${port}`;
    desk = spawn(process.execPath, ['tools/run.js', 'apps/desk/src/main.ts'], {
      cwd: resolve(__dirname, '../../..'),
      env: {
        ...process.env, ...testAuth().env, PORT: String(port), DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: deskSchema(),
        KAFKA_TOPIC_PREFIX: infra.topicPrefix, REDIS_PREFIX: `${infra.redisPrefix}desk:`, DEMO_SEED: 'true', LOG_LEVEL: 'silent', CONSUMER_RETRY_BASE_MS: '50', FILE_STORE_URL: filesDir,
      },
      stdio: 'ignore',
    });
    ({ app: intake } = await startIntake(infra, { LAPOR_API_BASE_URL: sim.baseUrl, LAPOR_POLL_INTERVAL_MS: '100', LAPOR_CONNECTOR_BASE_URL: sim.baseUrl, LAPOR_CONNECTOR_INTERVAL_MS: '100', FILE_STORE_URL: filesDir, LAPOR_INSTANSI_IDS: JSON.stringify({ DINSOS: 'INS-DINSOS' }) }));
    producer = infra.kafka.producer();
    await producer.connect();
    await waitFor('desk to answer', async () => (await fetch(`${deskUrl}/health/ready`).catch(() => null))?.ok, 120_000, 250);
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await intake?.close();
    if (desk && desk.exitCode === null) await new Promise<void>((done) => { desk.once('exit', () => done()); desk.kill('SIGTERM'); });
    await sim?.stop();
    const db = new DataSource({ type: 'postgres', url: TEST_DATABASE_URL });
    await db.initialize();
    await db.query(`DROP SCHEMA IF EXISTS "${deskSchema()}" CASCADE`);
    await db.destroy();
    await infra?.cleanup();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('an answer with its photo goes to LAPOR!, and a reply made there enters the ticket\'s history once', async () => {
    const db = await infra.dataSource();
    const [complaint] = await waitFor('the LAPOR! report in intake', async () => {
      const rows = await db.query(`SELECT "id", "tracking_id", "external_id" FROM "${infra.schema}"."complaints" WHERE "source" = 'lapor-api'`);
      return rows.length ? rows : null;
    });
    // Routing's decision opens the ticket in desk (routing itself is not part of this test).
    const routed: TicketRouted = {
      ticketId: complaint.id, decisionId: randomUUID(), unitCode: 'DINSOS', kecamatanCode: null, confidence: 0.9, routedBy: 'auto', reasons: [], alternatives: [], bounceCount: 0,
      complaint: {
        trackingId: complaint.tracking_id, title: 'Bantuan sosial', text: 'Bantuan belum cair', category: null, classification: null,
        receivedAt: new Date().toISOString(), anonymous: false, confidential: false, channel: 'Website', priority: 'normal',
        // Routing's decisions carry the origin; desk takes the SP4N-LAPOR! id from it.
        source: 'lapor-api', externalId: complaint.external_id,
      },
    };
    const id = randomUUID();
    const record = toKafkaRecord({
      id, source: 'routing', type: TicketRoutedV1.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: new Date().toISOString(), subject: complaint.id,
      datacontenttype: 'application/json', correlationid: id, causationid: id, data: routed,
    });
    await producer.send({ topic: infra.naming.physical('tickets'), messages: [{ key: record.key, value: record.value, headers: record.headers }] });

    const login = await fetch(`${deskUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'officer.dinsos', password: 'bekasi-demo-2026' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const ticket = async () => {
      const res = await fetch(`${deskUrl}/api/v1/tickets/${complaint.id}`, { headers: { authorization: `Bearer ${accessToken}` } });
      return res.ok ? ((await res.json()) as { laporTrackingId: string | null; history: { action: string; content: string | null; actor: { role: string } }[] }) : null;
    };
    await waitFor('the ticket in desk', ticket, 30_000, 200);

    // The officer works the ticket and answers with a photo (a Rahasia or Anonim report's photo would lose its EXIF).
    const act = async (path: string, body: object) => {
      const current = (await (await fetch(`${deskUrl}/api/v1/tickets/${complaint.id}`, { headers: { authorization: `Bearer ${accessToken}` } })).json()) as { version: number };
      const res = await fetch(`${deskUrl}/api/v1/tickets/${complaint.id}/${path}`, {
        method: 'POST', headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...body, version: current.version }),
      });
      expect(res.status).toBe(200);
    };
    await act('acknowledge', {});
    await act('start-work', {});
    const form = new FormData();
    const photo = jpegWithGps();
    form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'jalan-diperbaiki.jpg');
    const uploaded = (await (await fetch(`${deskUrl}/api/v1/tickets/${complaint.id}/files`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form })).json()) as { fileId: string; sha256: string };
    expect(uploaded.sha256).toBe(createHash('sha256').update(photo).digest('hex'));
    await act('answers', { answer: 'Jalan sudah diperbaiki oleh UPTD, foto terlampir.', fileIds: [uploaded.fileId] });
    const onLapor = await waitFor('the tindak lanjut with its photo on LAPOR!', async () => {
      const list = (await (await fetch(`${sim.baseUrl}/admin/reports/${complaint.external_id}/follow-ups`)).json()) as { type: string; content: string | null; instansiId: string | null; attachments: { fileName: string; sha256: string }[] }[];
      return list.some((a) => a.type === 'follow_up') ? list : null;
    }, 30_000, 200);
    expect(onLapor.map((a) => a.type)).toEqual(['disposition', 'follow_up']);
    expect(onLapor[0].instansiId).toBe('INS-DINSOS');
    expect(onLapor[1]).toMatchObject({ content: 'Jalan sudah diperbaiki oleh UPTD, foto terlampir.', attachments: [{ fileName: 'jalan-diperbaiki.jpg', contentType: 'image/jpeg', sizeBytes: photo.length, sha256: uploaded.sha256 }] });

    const onSim = (method: string, path: string, body: unknown) =>
      fetch(`${sim.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await onSim('PUT', '/admin/integration-faults', { updateDuplicateRate: 1 });
    expect((await onSim('POST', `/admin/reports/${complaint.external_id}/replies`, { message: 'Sudah saya kirim foto KK-nya lewat LAPOR!' })).status).toBe(201);

    const withReply = await waitFor('the reply in the ticket', async () => {
      const t = await ticket();
      return t?.history.some((h) => h.action === 'reporter_reply') ? t : null;
    }, 30_000, 200);
    // The feed keeps repeating the update; give intake and desk time to (not) apply it again.
    await new Promise((r) => setTimeout(r, 1_500));
    const final = (await ticket())!;
    const replies = final.history.filter((h) => h.action === 'reporter_reply');
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ content: 'Sudah saya kirim foto KK-nya lewat LAPOR!', actor: { role: 'reporter' } });
    expect(withReply.laporTrackingId).toBe(complaint.external_id);
  }, 120_000);

});
