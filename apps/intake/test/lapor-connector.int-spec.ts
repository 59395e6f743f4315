// The outbound LAPOR! connector end to end: real Kafka, PostgreSQL, intake in-process and lapor-sim
// as its own process with its failure knobs on.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Producer } from 'kafkajs';
import {
  CLOUDEVENTS_SPEC_VERSION,
  LaporUpdateReceivedV1,
  TicketAnsweredV1,
  TicketAssignedV1,
  TicketClosedV1,
  TicketInfoRequestedV1,
  TicketReassignRequestedV1,
  TicketReceivedV1,
  fromKafkaMessage,
  toKafkaRecord,
  type EventDefinition,
  type EventEnvelope,
} from '@bekasi/contracts';
import { FilesystemFileStore, jpegWithGps } from '@bekasi/file-store';
import { TestInfra, TopicRecorder, testAccessToken, testChannelHeaders, waitFor } from '@bekasi/testing';
import { startIntake, startLaporSim } from './intake-harness';

interface SimAction {
  type: string;
  idempotencyKey: string;
  content: string | null;
  instansiId: string | null;
  attachments: { fileName: string; sizeBytes: number; sha256: string }[];
}

describe('LAPOR! connector against lapor-sim with failures on', () => {
  let infra: TestInfra;
  let sim: Awaited<ReturnType<typeof startLaporSim>>;
  let app: NestExpressApplication;
  let db: DataSource;
  let producer: Producer;
  let filesDir: string;
  let env: Record<string, string>;
  const admin = () => `Bearer ${testAccessToken({ role: 'admin' })}`;

  const simJson = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sim.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`lapor-sim ${method} ${path}: ${res.status}`);
    return res.json();
  };
  const followUps = (trackingId: string): Promise<SimAction[]> => simJson('GET', `/admin/reports/${trackingId}/follow-ups`);

  /** A LAPOR complaint intake polled from the simulator: its id is the ticket id. */
  const laporComplaints = () => db.query(`SELECT "id", "tracking_id", "external_id" FROM "${infra.schema}"."complaints" WHERE "source" = 'lapor-api' ORDER BY "tracking_id"`);

  let version = 0;
  async function publish<D extends EventDefinition>(definition: D, complaint: { id: string; tracking_id: string }, extra: Record<string, unknown>) {
    version++;
    const at = new Date().toISOString();
    const envelope: EventEnvelope = {
      id: randomUUID(), source: 'desk', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: at, subject: complaint.id,
      datacontenttype: 'application/json', correlationid: randomUUID(), causationid: randomUUID(),
      data: {
        ticketId: complaint.id, trackingId: complaint.tracking_id, unitCode: 'DINSOS', kecamatanCode: null, classification: null,
        receivedAt: at, from: null, to: 'assigned', version, actor: { role: 'officer', userId: 'u1' }, at, ...extra,
      },
    };
    const record = toKafkaRecord(envelope);
    await producer.send({ topic: infra.naming.physical(definition.topic), messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    return envelope;
  }

  const start = async () => {
    ({ app } = await startIntake(infra, env));
    await app.listen(0, '127.0.0.1');
  };

  beforeAll(async () => {
    infra = await TestInfra.create('laporconn');
    sim = await startLaporSim({ LAPOR_SIM_INITIAL_REPORTS: '3', LAPOR_SIM_KNOWN_REPORTS_ONLY: 'true' });
    filesDir = await mkdtemp(join(tmpdir(), 'lapor-files-'));
    env = {
      LAPOR_API_BASE_URL: sim.baseUrl,
      LAPOR_POLL_INTERVAL_MS: '100',
      LAPOR_CONNECTOR_BASE_URL: sim.baseUrl,
      LAPOR_CONNECTOR_INTERVAL_MS: '50',
      LAPOR_CONNECTOR_RETRY_BASE_MS: '20',
      LAPOR_CONNECTOR_MAX_BACKOFF_MS: '150',
      LAPOR_CONNECTOR_TIMEOUT_MS: '700',
      LAPOR_INSTANSI_IDS: JSON.stringify({ DINSOS: 'INS-0042' }),
      FILE_STORE_URL: filesDir,
    };
    await start();
    db = await infra.dataSource();
    producer = infra.kafka.producer();
    await producer.connect();
    await waitFor('the simulator\'s reports in intake', async () => (await laporComplaints()).length === 3, 90_000, 200);
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await sim?.stop();
    await infra?.cleanup();
    if (filesDir) await rm(filesDir, { recursive: true, force: true });
  });

  it('delivers a disposisi, three answers with their files and the closure exactly once each, in order, through 5xx storms, lost answers and a restart mid-send', async () => {
    const [complaint] = await laporComplaints();
    const store = new FilesystemFileStore(filesDir);
    const files = [];
    for (let i = 1; i <= 3; i++) {
      const bytes = Buffer.concat([jpegWithGps(), Buffer.from(`foto ${i}`)]);
      const fileId = randomUUID();
      const storageKey = `tickets/${complaint.id}/${fileId}`;
      await store.put(storageKey, bytes, 'image/jpeg');
      files.push({ fileId, storageKey, fileName: `perbaikan-${i}.jpg`, contentType: 'image/jpeg', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }

    // Half the writes fail, a third of those stored lose their answer, a third arrive twice at LAPOR!.
    await simJson('PUT', '/admin/integration-faults', { errorRate: 0.5, lostAnswerRate: 0.35, duplicateSubmissionRate: 0.3 });
    await publish(TicketReceivedV1, complaint, { to: 'received' });
    await publish(TicketAssignedV1, complaint, { decisionId: randomUUID(), routedBy: 'auto', reason: 'Bantuan sosial' });
    for (let i = 0; i < 3; i++) {
      await publish(TicketAnsweredV1, complaint, { to: 'answered', answerSummary: `Jawaban ${i + 1}`, answer: `Jawaban ${i + 1}: sudah ditindaklanjuti`, attachmentCount: 1, files: [files[i]] });
    }
    await publish(TicketClosedV1, complaint, { to: 'closed', closedBy: 'reporter', rating: 5 });

    // Restart mid-send: once LAPOR! holds part of the queue, and with answers now slower than the timeout.
    await waitFor('part of the queue on LAPOR!', async () => (await followUps(complaint.external_id)).length >= 2, 30_000, 20);
    // From here every write fails, half of them slowly: the queue is stuck half-way, with sends in flight, when intake stops.
    await simJson('PUT', '/admin/integration-faults', { failNext: 100_000, slowRate: 0.5, slowMs: 1_200 });
    await app.close();
    const beforeRestart = (await followUps(complaint.external_id)).length;
    await simJson('PUT', '/admin/integration-faults', { failNext: 0, slowRate: 0 });
    await start();

    const arrived = await waitFor('all five actions on LAPOR!', async () => {
      const list = await followUps(complaint.external_id);
      return list.length >= 5 && list.some((a) => a.type === 'closure') ? list : null;
    }, 60_000, 100);
    // Let any retry still in flight land before counting.
    await waitFor('the queue drained', async () => (await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."lapor_outbound_actions" WHERE "status" <> 'sent'`))[0].n === 0, 30_000, 100);
    const final = await followUps(complaint.external_id);

    expect(final).toHaveLength(5);
    expect(final.map((a) => a.type)).toEqual(['disposition', 'follow_up', 'follow_up', 'follow_up', 'closure']);
    expect(final[0].instansiId).toBe('INS-0042');
    expect(final.slice(1, 4).map((a) => a.content)).toEqual(['Jawaban 1: sudah ditindaklanjuti', 'Jawaban 2: sudah ditindaklanjuti', 'Jawaban 3: sudah ditindaklanjuti']);
    expect(final.slice(1, 4).map((a) => a.attachments)).toEqual(files.map((f) => [{ fileName: f.fileName, contentType: 'image/jpeg', sizeBytes: f.sizeBytes, sha256: f.sha256 }]));
    expect(new Set(final.map((a) => a.idempotencyKey)).size).toBe(5);
    expect(arrived.length).toBe(5);
    expect(beforeRestart).toBeLessThan(5);
    const state = await simJson('GET', '/admin/integration');
    // The storm really happened: more writes than actions.
    expect(state.writes).toBeGreaterThan(5);
    const report = await simJson('GET', `/api/v1/reports/${complaint.external_id}`);
    expect(report.status).toBe('Ditutup oleh Pelapor');

    const sent = await request(app.getHttpServer()).get('/api/v1/intake/lapor-connector/actions').query({ ticketId: complaint.id }).set('authorization', admin()).expect(200);
    expect(sent.body.items.map((a: { status: string }) => a.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    await simJson('PUT', '/admin/integration-faults', { errorRate: 0, lostAnswerRate: 0, duplicateSubmissionRate: 0 });
  }, 150_000);

  it('shows a refusal with LAPOR!\'s message to the admin, holds the ticket\'s later actions, and sends again on resend', async () => {
    const [, complaint] = await laporComplaints();
    // No instansi id for this unit yet: the disposisi cannot go; the answer behind it must wait.
    await publish(TicketAssignedV1, complaint, { unitCode: 'DISHUB', decisionId: randomUUID(), routedBy: 'admin', reason: null });
    await publish(TicketAnsweredV1, complaint, { unitCode: 'DISHUB', to: 'answered', answerSummary: 'Lampu sudah menyala', attachmentCount: 0 });
    const http = request(app.getHttpServer());
    const failed = await waitFor('the refusal listed', async () => {
      const res = await http.get('/api/v1/intake/lapor-connector/actions').query({ status: 'failed', ticketId: complaint.id }).set('authorization', admin());
      return res.body.items?.length === 1 ? res.body.items[0] : null;
    });
    expect(failed).toMatchObject({ kind: 'disposition', laporMessage: expect.stringMatching(/instansi.*DISHUB/i) });
    expect(await followUps(complaint.external_id)).toEqual([]);

    await http.put('/api/v1/intake/lapor-connector/instansi/dishub').set('authorization', admin()).send({ instansiId: 'INS-0077' }).expect(200);
    await http.post(`/api/v1/intake/lapor-connector/actions/${failed.id}/resend`).set('authorization', admin()).expect(200);
    const list = await waitFor('both on LAPOR!', async () => ((await followUps(complaint.external_id)).length === 2 ? followUps(complaint.external_id) : null));
    expect(list.map((a) => [a.type, a.instansiId])).toEqual([['disposition', 'INS-0077'], ['follow_up', null]]);

    // LAPOR! itself refusing (a report it does not know) carries LAPOR!'s own words.
    await db.query(`UPDATE "${infra.schema}"."complaints" SET "external_id" = '999999' WHERE "id" = $1`, [complaint.id]);
    await publish(TicketClosedV1, complaint, { unitCode: 'DISHUB', to: 'closed', closedBy: 'admin', rating: null });
    const refused = await waitFor('LAPOR!\'s refusal', async () => {
      const res = await http.get('/api/v1/intake/lapor-connector/actions').query({ status: 'failed', ticketId: complaint.id }).set('authorization', admin());
      return res.body.items?.[0];
    });
    expect(refused.laporMessage).toBe('Laporan 999999 tidak ditemukan');
    await http.get('/api/v1/intake/lapor-connector/actions').set('authorization', `Bearer ${testAccessToken({ role: 'officer', unitCode: 'DISHUB' })}`).expect(403);
    await http.get('/api/v1/intake/lapor-connector/actions').expect(401);
  }, 60_000);

  it('asks the reporter for information and hands the report back ("bukan kewenangan") on LAPOR!, with the words used here', async () => {
    const [, , complaint] = await laporComplaints();
    await publish(TicketInfoRequestedV1, complaint, { to: 'waiting_reporter', question: 'Mohon kirim foto lokasi dan nomor RT/RW.' });
    await publish(TicketReassignRequestedV1, complaint, { to: 'reassign_requested', reason: 'Jalan provinsi, bukan kewenangan kabupaten.', refusedUnits: ['DINSOS'], bounceCount: 1, refusingUnitCode: 'DINSOS' });
    const list = await waitFor('both on LAPOR!', async () => {
      const l = await followUps(complaint.external_id);
      return l.length === 2 ? l : null;
    });
    expect(list.map((a) => [a.type, a.content])).toEqual([
      ['info_request', 'Mohon kirim foto lokasi dan nomor RT/RW.'],
      ['reassignment', 'Jalan provinsi, bukan kewenangan kabupaten.'],
    ]);
    expect((await simJson('GET', `/api/v1/reports/${complaint.external_id}`)).status).toBe('Terverifikasi');
  }, 60_000);

  it('lists the tickets whose LAPOR! status differs from ours, with what is done about each', async () => {
    const [closed, refused] = await laporComplaints();
    const http = request(app.getHttpServer());
    const check = async () => (await http.post('/api/v1/intake/lapor-connector/drift/check').set('authorization', admin()).expect(200)).body.items as { ticketId: string; ourStatus: string; laporStatus: string; resolution: string }[];
    const first = await check();
    // Closed on both sides: no difference. The refused closure still waits in the queue: LAPOR! is behind, and knows why.
    expect(first.find((d) => d.ticketId === closed.id)).toBeUndefined();
    expect(first.find((d) => d.ticketId === refused.id)).toMatchObject({ ourStatus: 'Ditutup oleh Admin', laporStatus: 'Ditindaklanjuti', resolution: 'in_queue' });
    // LAPOR!'s admin archives a ticket we closed: not ours to overrule, listed for the admin.
    await simJson('POST', `/admin/reports/${closed.external_id}/status`, { status: 'Diarsipkan oleh Admin' });
    const second = await check();
    expect(second.find((d) => d.ticketId === closed.id)).toMatchObject({ ourStatus: 'Ditutup oleh Pelapor', laporStatus: 'Diarsipkan oleh Admin', resolution: 'manual' });
    const listed = await http.get('/api/v1/intake/lapor-connector/drift').set('authorization', admin()).expect(200);
    expect(listed.body.items.map((d: { ticketId: string }) => d.ticketId).sort()).toEqual([closed.id, refused.id].sort());
  }, 60_000);

  it('brings a reply, a rating and a status change made on LAPOR! back once each, however often the feed repeats them', async () => {
    const [, , complaint] = await laporComplaints();
    const topic = await new TopicRecorder(infra.kafka, infra.naming.physical(LaporUpdateReceivedV1.topic)).start();
    try {
      await simJson('PUT', '/admin/integration-faults', { updateDuplicateRate: 1 });
      await simJson('POST', `/admin/reports/${complaint.external_id}/replies`, { message: 'Sudah saya lengkapi fotonya' });
      await simJson('POST', `/admin/reports/${complaint.external_id}/ratings`, { rating: 4 });
      await simJson('POST', `/admin/reports/${complaint.external_id}/status`, { status: 'Diarsipkan oleh Admin' });
      await simJson('POST', '/admin/reports/5000001/replies', { message: 'untuk laporan lain' });
      const updates = () =>
        topic.messages.map(({ message }) => fromKafkaMessage(message)).filter((e) => e.type === LaporUpdateReceivedV1.type && e.subject === complaint.id);
      await waitFor('three updates announced', () => updates().length >= 3, 20_000);
      // The feed keeps repeating old updates; give the poller several more pages.
      await new Promise((r) => setTimeout(r, 1_000));
      const data = updates().map((e) => e.data as { kind: string; message: string | null; rating: number | null; laporStatus: string | null; trackingId: string });
      expect(data.map((d) => d.kind)).toEqual(['reply', 'rating', 'status']);
      expect(data[0]).toMatchObject({ message: 'Sudah saya lengkapi fotonya', trackingId: complaint.tracking_id });
      expect(data[1].rating).toBe(4);
      expect(data[2].laporStatus).toBe('Diarsipkan oleh Admin');

      // The same LAPOR! update pushed by webhook (twice) after the feed brought it: nothing new; a new one: once.
      const http = request(app.getHttpServer());
      const push = (body: unknown, channel = 'lapor-webhook') => {
        const text = JSON.stringify(body);
        return http.post('/api/v1/intake/lapor-updates').set(testChannelHeaders(channel, text)).send(text);
      };
      const fed = (await simJson('GET', '/api/v1/report-updates?limit=1000')).items.find((u: { tracking_id: string; type: string }) => u.tracking_id === complaint.external_id && u.type === 'reply');
      expect((await push(fed).expect(202)).body.items).toEqual([{ updateId: fed.id, outcome: 'repeat' }]);
      const fresh = { id: 'hook-1', tracking_id: complaint.external_id, type: 'reply', message: 'Dikirim lewat webhook', created_at: new Date().toISOString() };
      expect((await push({ items: [fresh, fresh] }).expect(202)).body.items.map((i: { outcome: string }) => i.outcome)).toEqual(['announced', 'repeat']);
      await push(fresh).expect(202);
      await push(fresh, 'whatsapp').expect(403);
      await http.post('/api/v1/intake/lapor-updates').send(fresh).expect(401);
      await waitFor('the webhook reply announced', () => updates().some((e) => (e.data as { updateId: string }).updateId === 'hook-1'));
      await new Promise((r) => setTimeout(r, 300));
      expect(updates().filter((e) => (e.data as { updateId: string }).updateId === 'hook-1')).toHaveLength(1);

      // A reply to a report intake has not read yet waits, and is announced once the report is here.
      const early = { id: 'hook-early', tracking_id: '5000004', type: 'reply', message: 'Balasan sebelum laporannya terbaca', created_at: new Date().toISOString() };
      expect((await push(early).expect(202)).body.items).toEqual([{ updateId: 'hook-early', outcome: 'unknown_report' }]);
      await simJson('POST', '/admin/reports', { count: 1 });
      const late = await waitFor('the early reply announced', () =>
        topic.messages.map(({ message }) => fromKafkaMessage(message)).find((e) => e.type === LaporUpdateReceivedV1.type && (e.data as { updateId: string }).updateId === 'hook-early'),
      );
      const [fourth] = await db.query(`SELECT "id" FROM "${infra.schema}"."complaints" WHERE "external_id" = '5000004'`);
      expect(late.subject).toBe(fourth.id);
      await new Promise((r) => setTimeout(r, 500));
      expect(topic.messages.map(({ message }) => fromKafkaMessage(message)).filter((e) => (e.data as { updateId?: string }).updateId === 'hook-early')).toHaveLength(1);
    } finally {
      await topic.stop();
      await simJson('PUT', '/admin/integration-faults', { updateDuplicateRate: 0 });
    }
  }, 60_000);
});
