// The SLA service against the real broker, PostgreSQL and Redis (BullMQ): ticket.* events in,
// deadlines and timers in PostgreSQL, delayed jobs in Redis, sla.* events out through the outbox.
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { jakartaInstant, WorkingDayCalendar } from '@bekasi/calendar';
import { FakeClock } from '@bekasi/clock';
import { CE_HEADER, CLOUDEVENTS_SPEC_VERSION, TICKET_LIFECYCLE_EVENTS, toKafkaRecord } from '@bekasi/contracts';
import { configureApp } from '@bekasi/platform';
import { testAccessToken, TestInfra, TopicRecorder, waitFor } from '@bekasi/testing';
import { SlaAppModule } from '../src/app.module';
import { SlaConfig } from '../src/sla.config';
import { SlaTimerQueue } from '../src/timers/sla-timer-queue';
import { TimerFiring } from '../src/timers/timer-firing.service';

const calendar = new WorkingDayCalendar();
// Monday 2 March 2026 09:00 WIB; no holiday in the weeks that follow.
const RECEIVED = jakartaInstant('2026-03-02T09:00');
const ASSIGNED = jakartaInstant('2026-03-02T10:00');

describe('sla service', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let producer: Producer;
  let sla: TopicRecorder;
  let db: DataSource;
  const clock = new FakeClock(ASSIGNED);

  beforeAll(async () => {
    infra = await TestInfra.create('sla');
    // Sweep and reconcile are driven by the tests, so each path is seen on its own.
    // A horizon of a year: these tests follow every timer through BullMQ (the default keeps only the next 15 minutes there).
    const configValues = infra.config(SlaConfig, { SLA_SWEEP_INTERVAL_MS: '3600000', SLA_RECONCILE_INTERVAL_MS: '3600000', SLA_QUEUE_HORIZON_MS: '31536000000' });
    const moduleRef = await Test.createTestingModule({ imports: [SlaAppModule.forRoot({ configValues, clock })] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'sla', title: 'sla' });
    producer = infra.kafka.producer();
    await producer.connect();
    sla = await new TopicRecorder(infra.kafka, infra.naming.physical('sla')).start();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await sla?.stop();
    await producer?.disconnect();
    await app?.close();
    await infra.cleanup();
  });

  let version = 0;
  async function publish(name: string, ticketId: string, to: string, at: Date, unitCode: string | null = 'DINSOS', extra: object = {}, copies = 1) {
    const definition = TICKET_LIFECYCLE_EVENTS.find((d) => d.name === name)!;
    version += 1;
    const id = randomUUID();
    const data = {
      ticketId, trackingId: 'BKS-2026-000001', unitCode, kecamatanCode: null, classification: 'Pengaduan Tidak Berkadar Pengawasan',
      receivedAt: RECEIVED.toISOString(), from: null, to, version, actor: { role: 'system', userId: 'desk' }, at: at.toISOString(), ...extra,
    };
    const record = toKafkaRecord({
      id, source: '/bekasi-lapor/desk', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: at.toISOString(),
      subject: ticketId, datacontenttype: 'application/json', correlationid: id, causationid: id, data,
    });
    await producer.send({ topic: infra.naming.physical('tickets'), messages: Array.from({ length: copies }, () => record) });
  }

  const deadlines = (ticketId: string) =>
    db.query(`SELECT kind, unit_code, state, due_at, on_time FROM "${infra.schema}"."deadlines" WHERE ticket_id = $1 ORDER BY kind`, [ticketId]);
  const timers = (ticketId: string) =>
    db.query(`SELECT id, kind, what, state, fire_at FROM "${infra.schema}"."timers" WHERE ticket_id = $1 ORDER BY fire_at, id`, [ticketId]);
  const slaEvents = (ticketId: string, type?: string) =>
    sla.messages
      .filter((m) => String(m.message.key) === ticketId && (!type || String(m.message.headers?.[CE_HEADER.type]) === `id.go.bekasi.lapor.${type}.v1`))
      .map((m) => ({ type: String(m.message.headers?.[CE_HEADER.type]), data: JSON.parse(String(m.message.value)) }));
  // Connection options, not a client: the queue then owns its connection and closes it.
  const queue = () => new Queue('sla-timers', { connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null }, prefix: infra.redisPrefix });

  async function assignedTicket(unitCode = 'DINSOS'): Promise<string> {
    const ticketId = randomUUID();
    await publish('ticket.received', ticketId, 'received', RECEIVED, null);
    await publish('ticket.assigned', ticketId, 'assigned', ASSIGNED, unitCode, { decisionId: randomUUID(), routedBy: 'auto' });
    await waitFor('deadlines of the assigned ticket', async () => (await deadlines(ticketId)).length === 3);
    return ticketId;
  }

  it('opens the verification, first-response and resolution deadlines, with timers in PostgreSQL and jobs in Redis', async () => {
    const ticketId = await assignedTicket();
    const rows = await deadlines(ticketId);
    expect(rows.map((r: { kind: string; state: string; unit_code: string }) => [r.kind, r.state, r.unit_code])).toEqual([
      ['first-response', 'running', 'DINSOS'],
      ['resolution', 'running', 'DINSOS'],
      ['verification', 'met', 'DISKOMINFOSANTIK'],
    ]);
    expect(new Date(rows[0].due_at)).toEqual(calendar.addWorkingDays(ASSIGNED, 4));
    const pending = (await timers(ticketId)).filter((t: { state: string }) => t.state === 'pending');
    expect(pending.map((t: { kind: string; what: string }) => `${t.kind}/${t.what}`).sort()).toEqual(
      ['first-response/breach', 'first-response/reminder', 'first-response/reminder', 'resolution/breach', 'resolution/reminder', 'resolution/reminder'].sort(),
    );
    const q = queue();
    try {
      await waitFor('delayed jobs for every pending timer', async () => (await Promise.all(pending.map((t: { id: string }) => q.getJob(t.id)))).every(Boolean));
    } finally {
      await q.close();
    }
    await waitFor('sla.met of verification', () => slaEvents(ticketId, 'sla.met').length === 1);
    expect(slaEvents(ticketId, 'sla.met')[0].data).toMatchObject({ deadlineKind: 'verification', onTime: true, unitCode: 'DISKOMINFOSANTIK' });
  });

  it('fires a reminder through BullMQ at its time, once', async () => {
    const ticketId = await assignedTicket('DLH');
    const [r50] = (await timers(ticketId)).filter((t: { kind: string; what: string }) => t.kind === 'first-response' && t.what === 'reminder');
    // Business time is just before the reminder; the reconciled job waits the last second in Redis.
    clock.set(new Date(new Date(r50.fire_at).getTime() - 1_000));
    const q = queue();
    await q.remove(r50.id);
    await q.close();
    await app.get(SlaTimerQueue).reconcile();
    clock.set(new Date(r50.fire_at));
    await waitFor('sla.reminder', () => slaEvents(ticketId, 'sla.reminder').length === 1, 15_000);
    expect(slaEvents(ticketId, 'sla.reminder')[0].data).toMatchObject({ deadlineKind: 'first-response', unitCode: 'DLH', fraction: 0.5, remindRoles: ['officer'] });
    expect(await app.get(TimerFiring).fire(r50.id, 'sweep')).toBe('already-done');
    await new Promise((r) => setTimeout(r, 500));
    expect(slaEvents(ticketId, 'sla.reminder')).toHaveLength(1);
  });

  it('breaches an overdue deadline even when Redis lost every job: reconcile rebuilds them, the sweep fires what is due', async () => {
    clock.set(ASSIGNED);
    const ticketId = await assignedTicket('DISNAKER');
    // Redis loses everything of this service.
    const redis = new Redis(infra.config(SlaConfig).REDIS_URL);
    const keys = await redis.keys(`${infra.redisPrefix}*`);
    if (keys.length) await redis.del(...keys);
    const pending = (await timers(ticketId)).filter((t: { state: string }) => t.state === 'pending');
    const q = queue();
    try {
      expect(await q.getJob(pending[0].id)).toBeUndefined();
      expect(await app.get(SlaTimerQueue).reconcile()).toBeGreaterThanOrEqual(pending.length);
      expect(await q.getJob(pending[0].id)).toBeDefined();
      // Nothing is due yet: the sweep fires nothing.
      expect(await app.get(SlaTimerQueue).sweep()).toBe(0);
      // Five working days later the first response is overdue; its jobs are gone again.
      await redis.del(...(await redis.keys(`${infra.redisPrefix}*`)));
      clock.set(calendar.addWorkingDays(ASSIGNED, 5));
      await app.get(SlaTimerQueue).sweep();
      const fired = (await timers(ticketId)).filter((t: { state: string }) => t.state === 'fired');
      // 50 %, 80 % and the breach of first-response; resolution (14 working days) is not due.
      expect(fired.map((t: { kind: string; what: string }) => `${t.kind}/${t.what}`)).toEqual(['first-response/reminder', 'first-response/reminder', 'first-response/breach']);
      await app.get(SlaTimerQueue).sweep();
      expect((await timers(ticketId)).filter((t: { state: string }) => t.state === 'fired')).toHaveLength(3);
    } finally {
      await q.close();
      redis.disconnect();
    }
    await waitFor('sla.breached', () => slaEvents(ticketId, 'sla.breached').length === 1);
    expect(slaEvents(ticketId, 'sla.breached')[0].data).toMatchObject({ deadlineKind: 'first-response', unitCode: 'DISNAKER', deadlineAt: calendar.addWorkingDays(ASSIGNED, 4).toISOString() });
    expect((await deadlines(ticketId)).find((d: { kind: string }) => d.kind === 'first-response').state).toBe('breached');
    // The late answer meets it, late.
    await publish('ticket.answered', ticketId, 'answered', clock.now(), 'DISNAKER', { answerSummary: 'Sudah ditindaklanjuti', attachmentCount: 0 });
    await waitFor('sla.met of the late first response', () => slaEvents(ticketId, 'sla.met').some((e) => e.data.deadlineKind === 'first-response'));
    expect(slaEvents(ticketId, 'sla.met').find((e) => e.data.deadlineKind === 'first-response')!.data).toMatchObject({
      onTime: false,
      workingDaysTaken: calendar.workingDaysBetween(ASSIGNED, clock.now()),
    });
    expect(slaEvents(ticketId, 'sla.breached')).toHaveLength(1);
  });

  it('stops the clocks while the ticket waits for the reporter and moves the timers by the wait', async () => {
    clock.set(ASSIGNED);
    const ticketId = await assignedTicket('DISDUKCAPIL');
    const before = await timers(ticketId);
    await publish('ticket.sla-paused', ticketId, 'waiting_reporter', jakartaInstant('2026-03-03T10:00'), 'DISDUKCAPIL', { clock: 'follow_up' });
    await waitFor('paused', async () => (await deadlines(ticketId)).some((d: { state: string }) => d.state === 'paused'));
    expect((await timers(ticketId)).filter((t: { state: string }) => t.state === 'pending')).toHaveLength(0);
    await publish('ticket.sla-resumed', ticketId, 'in_progress', jakartaInstant('2026-03-05T10:00'), 'DISDUKCAPIL', { clock: 'follow_up', pausedAt: null });
    await waitFor('running again', async () => (await deadlines(ticketId)).filter((d: { state: string }) => d.state === 'running').length === 2);
    const after = await timers(ticketId);
    const breachOf = (rows: Array<{ kind: string; what: string; fire_at: string; state: string }>) => rows.find((t) => t.kind === 'first-response' && t.what === 'breach')!;
    expect(breachOf(after).state).toBe('pending');
    // Same timer (same id), two working days later.
    expect(after.map((t: { id: string }) => t.id).sort()).toEqual(before.map((t: { id: string }) => t.id).sort());
    expect(calendar.workingMillisBetween(new Date(breachOf(before).fire_at), new Date(breachOf(after).fire_at))).toBe(2 * 24 * 3600 * 1000);
  });

  it('applies a redelivered event once', async () => {
    clock.set(ASSIGNED);
    const ticketId = randomUUID();
    await publish('ticket.received', ticketId, 'received', RECEIVED, null, {}, 3);
    // The assignment comes once verification's timers are planned, so that meeting it must cancel them.
    await waitFor('verification timers', async () => (await timers(ticketId)).filter((t: { kind: string; state: string }) => t.kind === 'verification' && t.state === 'pending').length === 3);
    await publish('ticket.assigned', ticketId, 'assigned', ASSIGNED, 'DINSOS', { decisionId: randomUUID(), routedBy: 'auto' }, 3);
    await waitFor('deadlines', async () => (await deadlines(ticketId)).length === 3);
    await waitFor('sla.met', () => slaEvents(ticketId, 'sla.met').length >= 1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(slaEvents(ticketId, 'sla.met')).toHaveLength(1);
    // Verification's three timers, planned at receipt, were cancelled when the disposition met it.
    const rows: Array<{ kind: string; state: string }> = await timers(ticketId);
    expect(rows.filter((t) => t.state === 'pending')).toHaveLength(6);
    expect(rows.filter((t) => t.state === 'cancelled').map((t) => t.kind)).toEqual(['verification', 'verification', 'verification']);
  });

  it('closes nothing itself but announces the auto-close deadline ten working days after the answer', async () => {
    clock.set(ASSIGNED);
    const ticketId = await assignedTicket('DLH');
    const answeredAt = jakartaInstant('2026-03-03T10:00');
    await publish('ticket.answered', ticketId, 'answered', answeredAt, 'DLH', { answerSummary: 'Sampah sudah diangkut', attachmentCount: 1 });
    await waitFor('auto-close deadline', async () => (await deadlines(ticketId)).some((d: { kind: string }) => d.kind === 'auto-close'));
    clock.set(calendar.addWorkingDays(answeredAt, 10));
    await app.get(SlaTimerQueue).sweep();
    await waitFor('auto-close breach', () => slaEvents(ticketId, 'sla.breached').some((e) => e.data.deadlineKind === 'auto-close'));
  });

  it('shows a ticket\'s deadlines to its own unit, 404 to another unit, 401 without a token, 400 for a bad filter', async () => {
    clock.set(ASSIGNED);
    const ticketId = await assignedTicket('DINSOS');
    const token = (p: Partial<AuthPrincipal>) =>
      Promise.resolve(testAccessToken({ username: 'u', ...p }));
    const own = await token({ role: 'officer', unitCode: 'DINSOS' });
    const other = await token({ role: 'officer', unitCode: 'DLH' });
    const sekda = await token({ role: 'sekda' });
    const res = await request(app.getHttpServer()).get(`/api/v1/sla/tickets/${ticketId}`).set('authorization', `Bearer ${own}`).expect(200);
    expect(res.body.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['first-response', 'resolution']);
    await request(app.getHttpServer()).get(`/api/v1/sla/tickets/${ticketId}`).set('authorization', `Bearer ${other}`).expect(404);
    await request(app.getHttpServer()).get(`/api/v1/sla/tickets/${ticketId}`).expect(401);
    const all = await request(app.getHttpServer()).get(`/api/v1/sla/tickets/${ticketId}`).set('authorization', `Bearer ${sekda}`).expect(200);
    expect(all.body.deadlines).toHaveLength(3);
    const list = await request(app.getHttpServer()).get('/api/v1/sla/deadlines?unitCode=DINSOS&state=running').set('authorization', `Bearer ${other}`).expect(200);
    expect(list.body.total).toBe(0);
    const bad = await request(app.getHttpServer()).get('/api/v1/sla/deadlines?state=late').set('authorization', `Bearer ${own}`).expect(400);
    expect(bad.body.errors[0].field).toBe('state');
    const admin = await token({ role: 'admin' });
    const status = (await request(app.getHttpServer()).get('/api/v1/sla/queue').set('authorization', `Bearer ${admin}`).expect(200)).body;
    const [{ pending }] = await db.query(`SELECT count(*)::int AS pending FROM "${infra.schema}"."timers" WHERE state = 'pending'`);
    expect(status.pendingTimers).toBe(pending);
    expect(status.queue).toHaveProperty('delayed');
    await request(app.getHttpServer()).get('/api/v1/sla/queue').set('authorization', `Bearer ${own}`).expect(403);
  });

  const signed = (p: Partial<AuthPrincipal>) =>
    Promise.resolve(testAccessToken({ username: 'u', ...p }));

  it('lets the admin publish a new policy version for the future; tickets keep the version they started under', async () => {
    clock.set(ASSIGNED);
    const admin = await signed({ role: 'admin', username: 'admin' });
    const officer = await signed({ role: 'officer', unitCode: 'DINSOS' });
    const http = () => request(app.getHttpServer());
    const listed = (await http().get('/api/v1/sla/policies').set('authorization', `Bearer ${officer}`).expect(200)).body.versions;
    expect(listed.map((v: { version: string }) => v.version)).toEqual(['lapor-default-2025']);
    const base = JSON.parse(JSON.stringify(listed[0]));
    delete base.version;
    delete base.effectiveFrom;
    const stricter = { ...base, firstResponse: { workingDays: 2 } };
    const effectiveFrom = '2026-03-05T00:00:00+07:00';

    await http().post('/api/v1/sla/policies').set('authorization', `Bearer ${officer}`).send({ version: 'bekasi-2026-03', effectiveFrom, policy: stricter }).expect(403);
    const broken = await http().post('/api/v1/sla/policies').set('authorization', `Bearer ${admin}`).send({ version: 'rusak', effectiveFrom, policy: { ...stricter, firstResponse: { workingDays: -1 } } }).expect(400);
    expect(broken.body.errors[0]).toMatchObject({ field: 'policy' });
    expect(broken.body.errors[0].reasons[0]).toMatch(/firstResponse.workingDays/);
    const backdated = await http().post('/api/v1/sla/policies').set('authorization', `Bearer ${admin}`).send({ version: 'mundur', effectiveFrom: '2026-03-01T00:00:00+07:00', policy: stricter }).expect(400);
    expect(backdated.body.errors[0].field).toBe('effectiveFrom');
    await http().post('/api/v1/sla/policies').set('authorization', `Bearer ${admin}`).send({ version: 'bekasi-2026-03', effectiveFrom, policy: stricter }).expect(201);
    await http().post('/api/v1/sla/policies').set('authorization', `Bearer ${admin}`).send({ version: 'bekasi-2026-03', effectiveFrom: '2026-03-06T00:00:00+07:00', policy: stricter }).expect(409);

    // Received before the new version: the unit keeps Bekasi's 4 working days.
    const before = await assignedTicket('DINSOS');
    // Received after it takes effect: 2 working days.
    const after = randomUUID();
    const receivedAfter = jakartaInstant('2026-03-09T09:00');
    const assignedAfter = jakartaInstant('2026-03-09T10:00');
    await publish('ticket.received', after, 'received', receivedAfter, null, { receivedAt: receivedAfter.toISOString() });
    await publish('ticket.assigned', after, 'assigned', assignedAfter, 'DINSOS', { decisionId: randomUUID(), routedBy: 'auto', receivedAt: receivedAfter.toISOString() });
    await waitFor('deadlines under the new version', async () => (await deadlines(after)).length === 3);
    const firstResponse = async (id: string) => (await db.query(`SELECT due_at, policy_version FROM "${infra.schema}"."deadlines" WHERE ticket_id = $1 AND kind = 'first-response'`, [id]))[0];
    expect(await firstResponse(before)).toMatchObject({ policy_version: 'lapor-default-2025', due_at: calendar.addWorkingDays(ASSIGNED, 4) });
    expect(await firstResponse(after)).toMatchObject({ policy_version: 'bekasi-2026-03', due_at: calendar.addWorkingDays(assignedAfter, 2) });
  });
});
