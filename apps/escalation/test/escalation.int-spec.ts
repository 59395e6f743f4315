// The escalation service against the real broker and database: sla.* and ticket.* events in,
// the ladder climbed in PostgreSQL, escalation.* events out through the outbox, alerts to a webhook.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { jakartaInstant, WorkingDayCalendar } from '@bekasi/calendar';
import { FakeClock } from '@bekasi/clock';
import { CE_HEADER, CLOUDEVENTS_SPEC_VERSION, SlaBreachedV1, SlaMetV1, SlaReminderV1, TicketClosedV1, toKafkaRecord, type EventDefinition } from '@bekasi/contracts';
import { configureApp } from '@bekasi/platform';
import { testAccessToken, TestInfra, TopicRecorder, waitFor } from '@bekasi/testing';
import { EscalationAppModule } from '../src/app.module';
import { EscalationConfig } from '../src/escalation.config';
import { AlertDeliveries } from '../src/alerts/alert-deliveries';
import { EscalationLadderWorkflow } from '../src/ladder/escalation-ladder.workflow';

const calendar = new WorkingDayCalendar();
// Tuesday 3 March 2026, 00:00 WIB: a first-response deadline that passed.
const BREACHED = jakartaInstant('2026-03-03T00:00');

describe('escalation service', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let producer: Producer;
  let escalations: TopicRecorder;
  let db: DataSource;
  let webhook: Server;
  const received: Array<{ auth: string | undefined; body: any }> = [];
  let failNext = 0;
  const mails: Array<{ to: string[]; raw: string }> = [];
  // A real SMTP server on a spare port: nodemailer speaks the protocol to it.
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  const clock = new FakeClock(BREACHED);

  beforeAll(async () => {
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
          return;
        }
        received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    infra = await TestInfra.create('escalation');
    const configValues = infra.config(EscalationConfig, {
      ESCALATION_POLL_INTERVAL_MS: '3600000',
      ESCALATION_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alerts`,
      ESCALATION_WEBHOOK_TOKEN: 'rahasia-gateway',
      ESCALATION_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      ESCALATION_EMAIL_DIRECTORY: JSON.stringify({ 'unit_head:DLH': 'kadis.dlh@bekasikab.go.id', 'asda:II': 'asda2@bekasikab.go.id', sekda: 'sekda@bekasikab.go.id' }),
    });
    const moduleRef = await Test.createTestingModule({ imports: [EscalationAppModule.forRoot({ configValues, clock })] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'escalation', title: 'escalation' });
    producer = infra.kafka.producer();
    await producer.connect();
    escalations = await new TopicRecorder(infra.kafka, infra.naming.physical('escalations')).start();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await escalations?.stop();
    await producer?.disconnect();
    await app?.close();
    await infra.cleanup();
    await new Promise((r) => webhook.close(r));
    await new Promise((r) => smtp.close(() => r(undefined)));
  });

  async function publish(definition: EventDefinition, data: object, ticketId: string, copies = 1) {
    const id = randomUUID();
    const record = toKafkaRecord({
      id, source: '/bekasi-lapor/sla', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: clock.now().toISOString(),
      subject: ticketId, datacontenttype: 'application/json', correlationid: id, causationid: id, data,
    });
    await producer.send({ topic: infra.naming.physical(definition.topic), messages: Array.from({ length: copies }, () => record) });
    return id;
  }
  const applied = async (eventId: string) => (await db.query(`SELECT 1 FROM "${infra.schema}"."applied_events" WHERE event_id = $1`, [eventId])).length > 0;
  const breach = (ticketId: string, unitCode: string, deadlineKind = 'first-response', copies = 1) =>
    publish(SlaBreachedV1, { ticketId, unitCode, deadlineKind, deadlineAt: BREACHED.toISOString(), policyVersion: 'lapor-default-2025', breachedAt: BREACHED.toISOString() }, ticketId, copies);
  const steps = (ticketId: string) =>
    db.query(`SELECT id, level, role, state, audience_unit_code, audience_asda_group FROM "${infra.schema}"."escalation_steps" WHERE ticket_id = $1 ORDER BY level`, [ticketId]);
  const events = (ticketId: string, name: string) =>
    escalations.messages
      .filter((m) => String(m.message.key) === ticketId && String(m.message.headers?.[CE_HEADER.type]) === `id.go.bekasi.lapor.${name}.v1`)
      .map((m) => JSON.parse(String(m.message.value)));
  const token = (p: Partial<AuthPrincipal>) =>
    Promise.resolve(testAccessToken({ username: 'pengguna', ...p }));

  it('alerts the unit head at once on a breach, once however often the breach arrives, and plans the Asda and the Sekda', async () => {
    clock.set(BREACHED);
    const ticketId = randomUUID();
    const eventId = await breach(ticketId, 'DINSOS', 'first-response', 3);
    await waitFor('breach applied', () => applied(eventId));
    await waitFor('escalation.raised level 1', () => events(ticketId, 'escalation.raised').length === 1);
    expect(events(ticketId, 'escalation.raised')[0]).toMatchObject({ level: 1, role: 'unit_head', unitCode: 'DINSOS', deadlineKind: 'first-response' });
    expect((await steps(ticketId)).map((s: { level: number; role: string; state: string; audience_unit_code: string; audience_asda_group: string }) => [s.level, s.role, s.state, s.audience_unit_code, s.audience_asda_group])).toEqual([
      [1, 'unit_head', 'raised', 'DINSOS', null],
      [2, 'asda', 'pending', null, 'I'],
      [3, 'sekda', 'pending', null, null],
    ]);
  });

  it('climbs to the Asda after two working days, delivers each alert to the webhook (retrying), and stops when the deadline is met', async () => {
    clock.set(BREACHED);
    const ticketId = randomUUID();
    await breach(ticketId, 'DLH');
    await waitFor('level 1', () => events(ticketId, 'escalation.raised').length === 1);
    // One working day later nothing more is due.
    clock.set(calendar.addWorkingDays(BREACHED, 1));
    await app.get(EscalationLadderWorkflow).raiseDue();
    expect((await steps(ticketId))[1].state).toBe('pending');
    clock.set(calendar.addWorkingDays(BREACHED, 2));
    expect(await app.get(EscalationLadderWorkflow).raiseDue()).toBeGreaterThanOrEqual(1);
    await waitFor('level 2', () => events(ticketId, 'escalation.raised').length === 2);
    expect(events(ticketId, 'escalation.raised')[1]).toMatchObject({ level: 2, role: 'asda' });

    // The gateway fails once; the delivery is retried and arrives.
    failNext = 1;
    await app.get(AlertDeliveries).dispatch();
    await db.query(`UPDATE "${infra.schema}"."deliveries" SET next_attempt_at = now() WHERE state = 'pending'`);
    await app.get(AlertDeliveries).dispatch();
    const mine = received.filter((r) => r.body.ticketId === ticketId);
    expect(mine.map((r) => r.body.level).sort()).toEqual([1, 2]);
    expect(mine[0].auth).toBe('Bearer rahasia-gateway');
    expect(mine.find((r) => r.body.level === 2)!.body.message).toMatch(/Eskalasi tingkat 2 kepada Asisten Daerah: tenggat tanggapan pertama laporan di .*Lingkungan Hidup/);
    // And by e-mail to the mailbox of each position alerted.
    const mailsOf = mails.filter((m) => m.raw.includes(ticketId));
    expect(mailsOf.map((m) => m.to[0]).sort()).toEqual(['asda2@bekasikab.go.id', 'kadis.dlh@bekasikab.go.id']);
    expect(mailsOf.find((m) => m.to[0] === 'asda2@bekasikab.go.id')!.raw).toMatch(/Subject: \[LAPOR! Bekasi\] Eskalasi tingkat 2 kepada Asisten Daerah/);

    const metId = await publish(SlaMetV1, { ticketId, unitCode: 'DLH', deadlineKind: 'first-response', deadlineAt: BREACHED.toISOString(), policyVersion: 'x', metAt: clock.now().toISOString(), onTime: false, workingDaysTaken: 6 }, ticketId);
    await waitFor('met applied', () => applied(metId));
    clock.set(calendar.addWorkingDays(BREACHED, 6));
    await app.get(EscalationLadderWorkflow).raiseDue();
    expect((await steps(ticketId)).map((s: { state: string }) => s.state)).toEqual(['raised', 'raised', 'cancelled']);
    await new Promise((r) => setTimeout(r, 500));
    expect(events(ticketId, 'escalation.raised')).toHaveLength(2);
  });

  it('alerts nobody of an auto-close deadline, and cancels the ladder when the ticket is closed', async () => {
    clock.set(BREACHED);
    const quiet = randomUUID();
    const autoClose = await breach(quiet, 'DINSOS', 'auto-close');
    await waitFor('auto-close applied', () => applied(autoClose));
    expect(await steps(quiet)).toHaveLength(0);

    const ticketId = randomUUID();
    await breach(ticketId, 'DINSOS', 'resolution');
    await waitFor('level 1', () => events(ticketId, 'escalation.raised').length === 1);
    const closed = await publish(TicketClosedV1, {
      ticketId, trackingId: 'BKS-2026-000009', unitCode: 'DINSOS', kecamatanCode: null, classification: null, receivedAt: BREACHED.toISOString(),
      from: 'answered', to: 'closed', version: 7, actor: { role: 'admin', userId: 'admin' }, at: clock.now().toISOString(), closedBy: 'admin', rating: null,
    }, ticketId);
    await waitFor('closed applied', () => applied(closed));
    expect((await steps(ticketId)).map((s: { state: string }) => s.state)).toEqual(['raised', 'cancelled', 'cancelled']);
  });

  it('lets the unit head acknowledge their alert once; others see it or not by unit and Asda group', async () => {
    clock.set(BREACHED);
    const ticketId = randomUUID();
    await breach(ticketId, 'DINSOS');
    await waitFor('level 1', () => events(ticketId, 'escalation.raised').length === 1);
    const [level1] = await steps(ticketId);
    const http = () => request(app.getHttpServer());
    const head = await token({ role: 'unit_head', unitCode: 'DINSOS', username: 'head.dinsos' });
    const officer = await token({ role: 'officer', unitCode: 'DINSOS' });
    const otherHead = await token({ role: 'unit_head', unitCode: 'DLH' });
    const asda1 = await token({ role: 'asda', asdaGroup: 'I' });
    const asda2 = await token({ role: 'asda', asdaGroup: 'II' });
    const sekda = await token({ role: 'sekda' });

    const inbox = await http().get('/api/v1/escalations/inbox').set('authorization', `Bearer ${head}`).expect(200);
    expect(inbox.body.items.map((i: { id: string }) => i.id)).toContain(level1.id);
    expect((await http().get('/api/v1/escalations/inbox').set('authorization', `Bearer ${otherHead}`).expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(level1.id);
    const seenBy = async (t: string) => (await http().get(`/api/v1/escalations?unitCode=DINSOS&pageSize=200`).set('authorization', `Bearer ${t}`).expect(200)).body.items.some((i: { id: string }) => i.id === level1.id);
    expect([await seenBy(officer), await seenBy(asda1), await seenBy(sekda), await seenBy(asda2), await seenBy(otherHead)]).toEqual([true, true, true, false, false]);

    await http().post(`/api/v1/escalations/${level1.id}/acknowledge`).set('authorization', `Bearer ${officer}`).expect(403);
    await http().post(`/api/v1/escalations/${level1.id}/acknowledge`).set('authorization', `Bearer ${otherHead}`).expect(404);
    await http().post(`/api/v1/escalations/${level1.id}/acknowledge`).expect(401);
    await http().post(`/api/v1/escalations/not-a-uuid/acknowledge`).set('authorization', `Bearer ${head}`).expect(400);
    const first = await http().post(`/api/v1/escalations/${level1.id}/acknowledge`).set('authorization', `Bearer ${head}`).expect(200);
    expect(first.body).toMatchObject({ acknowledgedBy: 'head.dinsos' });
    const again = await http().post(`/api/v1/escalations/${level1.id}/acknowledge`).set('authorization', `Bearer ${head}`).expect(200);
    expect(again.body.acknowledgedAt).toBe(first.body.acknowledgedAt);
    await waitFor('escalation.acknowledged', () => events(ticketId, 'escalation.acknowledged').length === 1);
    await new Promise((r) => setTimeout(r, 500));
    expect(events(ticketId, 'escalation.acknowledged')).toHaveLength(1);
    expect((await http().get('/api/v1/escalations/inbox').set('authorization', `Bearer ${head}`).expect(200)).body.items.map((i: { id: string }) => i.id)).not.toContain(level1.id);
  });

  it('puts deadline reminders in the inbox of the roles they name, once, until the deadline is met', async () => {
    clock.set(BREACHED);
    const ticketId = randomUUID();
    const ref = { ticketId, unitCode: 'DLH', deadlineKind: 'first-response', deadlineAt: BREACHED.toISOString(), policyVersion: 'lapor-default-2025' };
    await publish(SlaReminderV1, { ...ref, fraction: 0.5, remindRoles: ['officer'], at: clock.now().toISOString() }, ticketId, 2);
    const last = await publish(SlaReminderV1, { ...ref, fraction: 0.8, remindRoles: ['officer', 'unit_head'], at: clock.now().toISOString() }, ticketId);
    await waitFor('reminders applied', () => applied(last));
    const mine = async (p: Partial<AuthPrincipal>) =>
      (await request(app.getHttpServer()).get('/api/v1/escalations/reminders').set('authorization', `Bearer ${await token(p)}`).expect(200)).body.items
        .filter((r: { ticketId: string }) => r.ticketId === ticketId)
        .map((r: { fraction: number }) => r.fraction);
    expect(await mine({ role: 'officer', unitCode: 'DLH' })).toEqual([0.5, 0.8]);
    expect(await mine({ role: 'unit_head', unitCode: 'DLH' })).toEqual([0.8]);
    expect(await mine({ role: 'officer', unitCode: 'DINSOS' })).toEqual([]);
    const met = await publish(SlaMetV1, { ...ref, metAt: clock.now().toISOString(), onTime: true, workingDaysTaken: 1 }, ticketId);
    await waitFor('met applied', () => applied(met));
    expect(await mine({ role: 'officer', unitCode: 'DLH' })).toEqual([]);
  });
});
