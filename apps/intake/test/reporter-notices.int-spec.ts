// Status updates back to reporters of WhatsApp and e-mail: real Kafka, PostgreSQL, a real SMTP server
// and an HTTP gateway that fails at first.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import type { Producer } from 'kafkajs';
import { CLOUDEVENTS_SPEC_VERSION, TicketAnsweredV1, TicketAssignedV1, TicketClosedV1, TicketReceivedV1, toKafkaRecord, type EventDefinition } from '@bekasi/contracts';
import { testAccessToken, testChannelHeaders, TestInfra, waitFor } from '@bekasi/testing';
import { STATUS_LABELS } from '@bekasi/tickets-domain';
import { startIntake } from './intake-harness';

describe('reporter notices on WhatsApp and e-mail', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let producer: Producer;
  let gateway: Server;
  let smtp: SMTPServer;
  const posted: { headers: IncomingMessage['headers']; body: any }[] = [];
  const mails: string[] = [];
  let failuresLeft = 2;
  const admin = () => `Bearer ${testAccessToken({ role: 'admin' })}`;

  const complaint = async (source: string, reporter: object) => {
    const body = JSON.stringify({ source, externalId: `n-${randomUUID()}`, title: 'Lampu jalan mati', text: 'Lampu jalan di Jl. Raya Setu mati sejak seminggu.', reporter });
    const res = await request(app.getHttpServer()).post('/api/v1/intake/complaints').set(testChannelHeaders(source, body)).send(body).expect(202);
    return res.body as { complaintId: string; trackingId: string };
  };

  const publish = async (definition: EventDefinition, c: { complaintId: string; trackingId: string }, extra: object, id = randomUUID()) => {
    const at = new Date().toISOString();
    const record = toKafkaRecord({
      id, source: 'desk', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: at, subject: c.complaintId, datacontenttype: 'application/json', correlationid: id, causationid: id,
      data: { ticketId: c.complaintId, trackingId: c.trackingId, unitCode: 'DISHUB', kecamatanCode: null, classification: null, receivedAt: at, from: null, to: 'assigned', version: 2, actor: { role: 'system', userId: null }, at, ...extra },
    });
    await producer.send({ topic: infra.naming.physical(definition.topic), messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    return id;
  };

  beforeAll(async () => {
    gateway = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        if (failuresLeft-- > 0) return void res.writeHead(503).end();
        posted.push({ headers: req.headers, body: JSON.parse(text) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let text = '';
        stream.on('data', (c) => (text += c));
        stream.on('end', () => {
          mails.push(text);
          done();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    infra = await TestInfra.create('notices');
    ({ app } = await startIntake(infra, {
      REPORTER_NOTICE_WEBHOOK_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
      REPORTER_NOTICE_SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      LAPOR_CONNECTOR_INTERVAL_MS: '50',
      LAPOR_CONNECTOR_RETRY_BASE_MS: '20',
      LAPOR_CONNECTOR_MAX_BACKOFF_MS: '100',
    }));
    producer = infra.kafka.producer();
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    await producer?.disconnect();
    await app?.close();
    await infra?.cleanup();
    await new Promise((r) => gateway?.close(r));
    await new Promise((r) => smtp?.close(() => r(undefined)));
  });

  it('tells a WhatsApp reporter of each update once, through gateway failures and a repeated event, from the admin\'s template', async () => {
    await request(app.getHttpServer()).put('/api/v1/intake/reporter-notices/templates/disposed').set('authorization', admin())
      .send({ subject: 'Laporan {nomor}', body: 'Laporan {nomor} sekarang ditangani {unit} ({status}).' }).expect(200);
    await request(app.getHttpServer()).put('/api/v1/intake/reporter-notices/templates/disposed').set('authorization', admin())
      .send({ subject: 'x', body: 'Halo {nama}' }).expect(400);
    await request(app.getHttpServer()).put('/api/v1/intake/reporter-notices/templates/disposed').set('authorization', `Bearer ${testAccessToken({ role: 'officer', unitCode: 'DISHUB' })}`)
      .send({ subject: 'x', body: 'y' }).expect(403);

    const c = await complaint('whatsapp', { name: 'Siti', phone: '0812-3456-7890' });
    await publish(TicketReceivedV1, c, { to: 'received' });
    const assigned = await publish(TicketAssignedV1, c, { decisionId: randomUUID(), routedBy: 'auto' });
    await publish(TicketAssignedV1, c, { decisionId: randomUUID(), routedBy: 'auto' }, assigned);
    await publish(TicketAnsweredV1, c, { to: 'answered', answerSummary: 'Lampu sudah diganti', answer: 'Lampu sudah diganti oleh UPTD PJU.', attachmentCount: 0 });

    await waitFor('three notices on the gateway', () => posted.length >= 3, 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(posted.map((p) => p.body.kind)).toEqual(['received', 'disposed', 'answered']);
    expect(posted.every((p) => p.body.to === '081234567890' && p.body.channel === 'whatsapp' && p.body.trackingId === c.trackingId)).toBe(true);
    expect(posted[1].body.message).toBe(`Laporan ${c.trackingId} sekarang ditangani Dinas Perhubungan (${STATUS_LABELS.assigned.id}).`);
    expect(posted[2].body.message).toContain('Lampu sudah diganti oleh UPTD PJU.');
    expect(new Set(posted.map((p) => p.headers['idempotency-key'])).size).toBe(3);

    const list = await request(app.getHttpServer()).get('/api/v1/intake/reporter-notices').set('authorization', admin()).expect(200);
    const mine = list.body.items.filter((i: { complaintId: string }) => i.complaintId === c.complaintId);
    expect(mine.map((i: { status: string }) => i.status)).toEqual(['sent', 'sent', 'sent']);
    expect(mine[0].recipient).toBe('081•••90');
  });

  it('e-mails a web-form reporter, and tells LAPOR! reporters nothing here', async () => {
    const fromLapor = await complaint('lapor-webhook', { name: 'Rina', email: 'rina@contoh.id' });
    await publish(TicketClosedV1, fromLapor, { to: 'closed', closedBy: 'admin', rating: null });
    const c = await complaint('web-form', { name: 'Andi', email: 'andi@contoh.id' });
    await publish(TicketClosedV1, c, { to: 'closed', closedBy: 'admin', rating: null });
    await waitFor('the e-mail', () => mails.some((m) => m.includes(c.trackingId)), 20_000);
    const mail = mails.find((m) => m.includes(c.trackingId))!;
    expect(mail).toMatch(/^To: andi@contoh\.id/m);
    expect(mail).toMatch(new RegExp(`^Subject: Laporan ${c.trackingId} selesai`, 'm'));
    expect(mails.filter((m) => m.includes(c.trackingId))).toHaveLength(1);
    // Both closures were consumed in order on one partition key each; the LAPOR! one left no notice.
    expect(mails.some((m) => m.includes(fromLapor.trackingId))).toBe(false);
    const list = await request(app.getHttpServer()).get('/api/v1/intake/reporter-notices').set('authorization', admin()).expect(200);
    expect(list.body.items.some((i: { complaintId: string }) => i.complaintId === fromLapor.complaintId)).toBe(false);
  });
});
