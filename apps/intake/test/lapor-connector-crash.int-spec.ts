// The connector killed (SIGKILL) while LAPOR! is answering slowly, with actions stored on LAPOR! whose
// answers never came back: after the restart every action is on LAPOR! exactly once, in order.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Producer } from 'kafkajs';
import { CLOUDEVENTS_SPEC_VERSION, TicketAnsweredV1, TicketAssignedV1, TicketClosedV1, toKafkaRecord, type EventDefinition } from '@bekasi/contracts';
import { TEST_DATABASE_URL, TEST_KAFKA_BROKERS, TEST_REDIS_URL, TestInfra, testAuth, waitFor } from '@bekasi/testing';
import { freePort, startIntake, startLaporSim } from './intake-harness';

describe('LAPOR! connector killed mid-send', () => {
  let infra: TestInfra;
  let sim: Awaited<ReturnType<typeof startLaporSim>>;
  let child: ChildProcess | undefined;
  let app: NestExpressApplication | undefined;
  let producer: Producer;
  const connector = (sim: { baseUrl: string }) => ({
    LAPOR_API_BASE_URL: sim.baseUrl,
    LAPOR_POLL_INTERVAL_MS: '100',
    LAPOR_CONNECTOR_BASE_URL: sim.baseUrl,
    LAPOR_CONNECTOR_INTERVAL_MS: '50',
    LAPOR_CONNECTOR_RETRY_BASE_MS: '20',
    LAPOR_CONNECTOR_MAX_BACKOFF_MS: '200',
    LAPOR_CONNECTOR_TIMEOUT_MS: '2500',
    LAPOR_INSTANSI_IDS: JSON.stringify({ DINSOS: 'INS-0042' }),
  });
  const simJson = async (method: string, path: string, body?: unknown) =>
    (await fetch(`${sim.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) })).json();

  beforeAll(async () => {
    infra = await TestInfra.create('laporcrash');
    sim = await startLaporSim({ LAPOR_SIM_INITIAL_REPORTS: '1' });
    producer = infra.kafka.producer();
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    await producer?.disconnect();
    await app?.close();
    await sim?.stop();
    await infra?.cleanup();
  });

  it('sends every action again under its key after the restart, and LAPOR! keeps one of each', async () => {
    const port = await freePort();
    child = spawn(process.execPath, ['tools/run.js', 'apps/intake/src/main.ts'], {
      cwd: resolve(__dirname, '../../..'),
      env: {
        ...process.env, ...testAuth().env, ...connector(sim), PORT: String(port), DATABASE_URL: TEST_DATABASE_URL, DB_SCHEMA: infra.schema, KAFKA_BROKERS: TEST_KAFKA_BROKERS,
        KAFKA_TOPIC_PREFIX: infra.topicPrefix, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: infra.redisPrefix, LOG_LEVEL: 'silent', DEMO_SEED: 'false',
      },
      stdio: 'ignore',
      // Its own process group: tools/run.js may hand over to a child on the project's Node, and SIGKILL must reach both.
      detached: true,
    });
    await waitFor('intake to answer', async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok, 120_000, 250);
    const db = await infra.dataSource();
    const [complaint] = await waitFor('the report polled', async () => {
      const rows = await db.query(`SELECT "id", "tracking_id", "external_id" FROM "${infra.schema}"."complaints" WHERE "source" = 'lapor-api'`);
      return rows.length ? rows : null;
    });

    // Every answer is slow: LAPOR! stores the action, then takes 2 s to say so.
    await simJson('PUT', '/admin/integration-faults', { slowRate: 1, slowMs: 2_000 });
    let version = 1;
    const publish = async (definition: EventDefinition, extra: object) => {
      const at = new Date().toISOString();
      const id = randomUUID();
      const record = toKafkaRecord({
        id, source: 'desk', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: at, subject: complaint.id, datacontenttype: 'application/json', correlationid: id, causationid: id,
        data: { ticketId: complaint.id, trackingId: complaint.tracking_id, unitCode: 'DINSOS', kecamatanCode: null, classification: null, receivedAt: at, from: null, to: 'assigned', version: ++version, actor: { role: 'officer', userId: 'u1' }, at, ...extra },
      });
      await producer.send({ topic: infra.naming.physical(definition.topic), messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    };
    await publish(TicketAssignedV1, { decisionId: randomUUID(), routedBy: 'auto' });
    for (let i = 1; i <= 3; i++) await publish(TicketAnsweredV1, { to: 'answered', answerSummary: `Jawaban ${i}`, attachmentCount: 0 });
    await publish(TicketClosedV1, { to: 'closed', closedBy: 'system', rating: null });

    // Kill it while an action LAPOR! already stored waits for its slow answer.
    await waitFor('an action stored on LAPOR!, its answer pending', async () => (await simJson('GET', `/admin/reports/${complaint.external_id}/follow-ups`)).length >= 2, 30_000, 50);
    const exited = new Promise((r) => child!.once('exit', r));
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
    const atCrash = (await simJson('GET', `/admin/reports/${complaint.external_id}/follow-ups`)).length;
    const [{ unsent }] = await db.query(`SELECT count(*)::int AS unsent FROM "${infra.schema}"."lapor_outbound_actions" WHERE "status" <> 'sent'`);
    expect(unsent).toBeGreaterThan(0);
    expect(atCrash).toBeLessThan(5);

    await simJson('PUT', '/admin/integration-faults', { slowRate: 0 });
    ({ app } = await startIntake(infra, connector(sim)));
    const final = await waitFor('all five on LAPOR!', async () => {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."lapor_outbound_actions" WHERE "status" <> 'sent'`);
      return n === 0 ? simJson('GET', `/admin/reports/${complaint.external_id}/follow-ups`) : null;
    }, 60_000, 200);
    expect(final.map((a: { type: string }) => a.type)).toEqual(['disposition', 'follow_up', 'follow_up', 'follow_up', 'closure']);
    expect(final.slice(1, 4).map((a: { content: string }) => a.content)).toEqual(['Jawaban 1', 'Jawaban 2', 'Jawaban 3']);
    // The action in flight at the crash was sent again and recognised by its key.
    const actions = await db.query(`SELECT "kind", "attempts" FROM "${infra.schema}"."lapor_outbound_actions" ORDER BY "seq"`);
    expect(actions.some((a: { attempts: number }) => a.attempts >= 2)).toBe(true);
  }, 240_000);
});
