// The IKP service against the real broker and database: ticket.*, sla.* and escalation.* events
// projected per unit and month, scored against targets, negotiated, and published on Kafka.
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { claimsOf, type AuthPrincipal } from '@bekasi/auth';
import { FakeClock } from '@bekasi/clock';
import {
  CE_HEADER,
  CLOUDEVENTS_SPEC_VERSION,
  EscalationRaisedV1,
  SlaBreachedV1,
  SlaMetV1,
  TicketAnsweredV1,
  TicketAssignedV1,
  TicketRatedV1,
  TicketReassignRequestedV1,
  toKafkaRecord,
  type EventDefinition,
} from '@bekasi/contracts';
import { configureApp } from '@bekasi/platform';
import { UNITS } from '@bekasi/reference-data';
import { TestInfra, TopicRecorder, waitFor } from '@bekasi/testing';
import { IkpAppModule } from '../src/app.module';
import { IkpConfig } from '../src/ikp.config';
import { MonthlyIkpPublisher } from '../src/scoring/monthly-publisher';

const PERIOD = '2026-03';
const AT = '2026-03-10T03:00:00.000Z';

describe('ikp service', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let producer: Producer;
  let ikp: TopicRecorder;
  let db: DataSource;
  const clock = new FakeClock(new Date('2026-03-31T05:00:00Z'));

  beforeAll(async () => {
    infra = await TestInfra.create('ikp');
    const moduleRef = await Test.createTestingModule({ imports: [IkpAppModule.forRoot({ configValues: infra.config(IkpConfig), clock })] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'ikp', title: 'ikp' });
    producer = infra.kafka.producer();
    await producer.connect();
    ikp = await new TopicRecorder(infra.kafka, infra.naming.physical('ikp')).start();
    db = app.get(DataSource);
  });

  afterAll(async () => {
    await ikp?.stop();
    await producer?.disconnect();
    await app?.close();
    await infra.cleanup();
  });

  const sent: string[] = [];
  async function publish(definition: EventDefinition, data: object, subject: string, copies = 1) {
    const id = randomUUID();
    const record = toKafkaRecord({
      id, source: '/test', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: AT, subject, datacontenttype: 'application/json', correlationid: id, causationid: id, data,
    });
    await producer.send({ topic: infra.naming.physical(definition.topic), messages: Array.from({ length: copies }, () => record) });
    sent.push(id);
  }
  const lifecycle = (ticketId: string, unitCode: string, to: string) => ({
    ticketId, trackingId: 'BKS-2026-000100', unitCode, kecamatanCode: null, classification: null, receivedAt: AT, from: null, to, version: 2, actor: { role: 'system', userId: 'desk' }, at: AT,
  });
  const deadline = (ticketId: string, unitCode: string, deadlineKind: string) => ({ ticketId, unitCode, deadlineKind, deadlineAt: AT, policyVersion: 'lapor-default-2025' });
  const allApplied = () =>
    waitFor('every event applied', async () => (await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."applied_events" WHERE event_id = ANY($1::text[])`, [sent]))[0].n === sent.length);
  const token = (p: Partial<AuthPrincipal>) =>
    app.get(JwtService).signAsync(claimsOf({ userId: randomUUID(), username: 'pengguna', role: 'officer', unitCode: null, asdaGroup: null, sessionVersion: 1, ...p } as AuthPrincipal));
  const http = () => request(app.getHttpServer());

  /** DINSOS: two tickets, both answered on time and rated 5 and 4. DLH: two tickets, one late and escalated, one refused. */
  async function history() {
    for (const [ticketId, rating] of [[randomUUID(), 5], [randomUUID(), 4]] as const) {
      await publish(TicketAssignedV1, { ...lifecycle(ticketId, 'DINSOS', 'assigned'), decisionId: randomUUID(), routedBy: 'auto' }, ticketId, 2);
      await publish(SlaMetV1, { ...deadline(ticketId, 'DINSOS', 'first-response'), metAt: AT, onTime: true, workingDaysTaken: 1 }, ticketId);
      await publish(TicketAnsweredV1, { ...lifecycle(ticketId, 'DINSOS', 'answered'), answerSummary: 'Bantuan disalurkan', attachmentCount: 0 }, ticketId);
      await publish(SlaMetV1, { ...deadline(ticketId, 'DINSOS', 'resolution'), metAt: AT, onTime: true, workingDaysTaken: 2 }, ticketId);
      await publish(TicketRatedV1, { ...lifecycle(ticketId, 'DINSOS', 'answered'), rating }, ticketId, 2);
    }
    const late = randomUUID();
    await publish(TicketAssignedV1, { ...lifecycle(late, 'DLH', 'assigned'), decisionId: randomUUID(), routedBy: 'auto' }, late);
    await publish(SlaBreachedV1, { ...deadline(late, 'DLH', 'first-response'), breachedAt: AT }, late);
    await publish(EscalationRaisedV1, { escalationId: randomUUID(), ticketId: late, unitCode: 'DLH', level: 2, role: 'asda', deadlineKind: 'first-response', deadlineAt: AT, at: AT }, late);
    // Met late after the breach: stays late.
    await publish(SlaMetV1, { ...deadline(late, 'DLH', 'first-response'), metAt: AT, onTime: false, workingDaysTaken: 7 }, late);
    const refused = randomUUID();
    await publish(TicketAssignedV1, { ...lifecycle(refused, 'DLH', 'assigned'), decisionId: randomUUID(), routedBy: 'auto' }, refused);
    await publish(TicketReassignRequestedV1, { ...lifecycle(refused, 'DLH', 'reassign_requested'), reason: 'Bukan kewenangan', refusedUnits: ['DLH'], bounceCount: 1 }, refused);
    await allApplied();
  }

  it('scores and ranks the units of the month from their history, counting each event once', async () => {
    await history();
    const sekda = await token({ role: 'sekda' });
    const board = (await http().get(`/api/v1/ikp/scoreboard?period=${PERIOD}`).set('authorization', `Bearer ${sekda}`).expect(200)).body;
    const row = (code: string) => board.items.find((i: { unitCode: string }) => i.unitCode === code);
    expect(row('DINSOS')).toMatchObject({ rank: 1, score: 100, zone: 'hijau', values: { first_response_on_time: 100, resolution_on_time: 100, follow_up_rate: 100, satisfaction: 90, escalation_free: 100 } });
    // DLH: 1 counted ticket (the refused one is not its), first response late, not answered, escalated.
    expect(row('DLH')).toMatchObject({ rank: 2, values: { first_response_on_time: 0, follow_up_rate: 0, escalation_free: 0, satisfaction: null, resolution_on_time: null }, score: 0, zone: 'merah' });
    expect(row('BPBD')).toMatchObject({ rank: null, score: null });
    expect(board.items).toHaveLength(UNITS.length); // every unit of the regency is on the board
    await http().get(`/api/v1/ikp/scoreboard?period=2026-3`).set('authorization', `Bearer ${sekda}`).expect(400);
    await http().get(`/api/v1/ikp/scoreboard`).expect(401);
  });

  it('negotiates a target: the unit head proposes with reasons, the Sekda rejects or approves, the score follows', async () => {
    const headDlh = await token({ role: 'unit_head', unitCode: 'DLH', username: 'head.dlh' });
    const headDinsos = await token({ role: 'unit_head', unitCode: 'DINSOS' });
    const sekda = await token({ role: 'sekda', username: 'sekda' });
    const officer = await token({ role: 'officer', unitCode: 'DLH' });
    const body = { period: PERIOD, indicator: 'satisfaction', proposedTarget: 60, reason: 'Sebagian besar laporan sampah liar di luar wilayah TPS resmi' };

    await http().post('/api/v1/ikp/units/DLH/proposals').set('authorization', `Bearer ${headDinsos}`).send(body).expect(403);
    await http().post('/api/v1/ikp/units/DLH/proposals').set('authorization', `Bearer ${officer}`).send(body).expect(403);
    const bad = await http().post('/api/v1/ikp/units/DLH/proposals').set('authorization', `Bearer ${headDlh}`).send({ ...body, indicator: 'kecepatan', proposedTarget: 150 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['indicator', 'proposedTarget']);

    const first = (await http().post('/api/v1/ikp/units/DLH/proposals').set('authorization', `Bearer ${headDlh}`).send(body).expect(201)).body;
    expect(first).toMatchObject({ currentTarget: 80, proposedTarget: 60, state: 'proposed' });
    expect((await http().post('/api/v1/ikp/units/DLH/proposals').set('authorization', `Bearer ${headDlh}`).send(body).expect(409)).body.error).toBe('OPEN_PROPOSAL_EXISTS');
    await http().post(`/api/v1/ikp/proposals/${first.id}/decision`).set('authorization', `Bearer ${headDlh}`).send({ approve: true }).expect(403);
    await http().post(`/api/v1/ikp/proposals/${first.id}/decision`).set('authorization', `Bearer ${sekda}`).send({ approve: false, note: 'Target tetap' }).expect(200);
    await http().post(`/api/v1/ikp/proposals/${first.id}/decision`).set('authorization', `Bearer ${sekda}`).send({ approve: true }).expect(409);
    const unitAfterReject = (await http().get(`/api/v1/ikp/units/DLH?period=${PERIOD}`).set('authorization', `Bearer ${headDlh}`).expect(200)).body;
    expect(unitAfterReject.targets.satisfaction).toBe(80);

    const second = (await http().post('/api/v1/ikp/units/DLH/proposals').set('authorization', `Bearer ${headDlh}`).send({ ...body, indicator: 'first_response_on_time', proposedTarget: 70 }).expect(201)).body;
    await http().post(`/api/v1/ikp/proposals/${second.id}/decision`).set('authorization', `Bearer ${sekda}`).send({ approve: true, note: 'Disetujui' }).expect(200);
    const unit = (await http().get(`/api/v1/ikp/units/DLH?period=${PERIOD}`).set('authorization', `Bearer ${headDlh}`).expect(200)).body;
    expect(unit.targets.first_response_on_time).toBe(70);
    expect(unit.proposals.map((p: { state: string; decidedBy: string }) => [p.state, p.decidedBy])).toEqual([['rejected', 'sekda'], ['approved', 'sekda']]);

    // The leadership may also set a target outright.
    await http().put(`/api/v1/ikp/units/DINSOS/targets/${PERIOD}`).set('authorization', `Bearer ${sekda}`).send({ indicator: 'satisfaction', target: 95 }).expect(200);
    const dinsos = (await http().get(`/api/v1/ikp/units/DINSOS?period=${PERIOD}`).set('authorization', `Bearer ${sekda}`).expect(200)).body;
    expect(dinsos.components.satisfaction).toBe(94.7); // 90 % of a 95 % target
    await http().put(`/api/v1/ikp/units/DINSOS/targets/${PERIOD}`).set('authorization', `Bearer ${headDinsos}`).send({ indicator: 'satisfaction', target: 10 }).expect(403);
  });

  it('publishes the month\'s scores on Kafka for every measured unit', async () => {
    const sekda = await token({ role: 'sekda' });
    const officer = await token({ role: 'officer', unitCode: 'DINSOS' });
    await http().post(`/api/v1/ikp/periods/${PERIOD}/publish`).set('authorization', `Bearer ${officer}`).expect(403);
    const res = (await http().post(`/api/v1/ikp/periods/${PERIOD}/publish`).set('authorization', `Bearer ${sekda}`).expect(200)).body;
    expect(res.published).toBe(2);
    await waitFor('two ikp.score-published', () => ikp.messages.filter((m) => String(m.message.headers?.[CE_HEADER.type]) === IkpPublished).length === 2);
    const published = ikp.messages.map((m) => JSON.parse(String(m.message.value)));
    expect(published.find((p) => p.unitCode === 'DINSOS')).toMatchObject({ period: PERIOD, zone: 'hijau' });
    expect(published.find((p) => p.unitCode === 'DLH')).toMatchObject({ period: PERIOD, zone: 'merah', score: 0 });
  });

  it('publishes last month by itself once the month is over, and only once', async () => {
    clock.set(new Date('2026-05-01T01:00:00+07:00'));
    const publisher = app.get(MonthlyIkpPublisher);
    // April has no measured unit: nothing to publish, nothing recorded.
    expect(await publisher.tick()).toBeNull();
    clock.set(new Date('2026-04-02T08:00:00+07:00'));
    await db.query(`DELETE FROM "${infra.schema}"."published_scores" WHERE period = $1`, [PERIOD]);
    const before = ikp.messages.length;
    expect(await publisher.tick()).toBe(PERIOD);
    expect(await publisher.tick()).toBeNull();
    await waitFor('two more ikp.score-published', () => ikp.messages.length === before + 2);
  });

  it('follows Instruksi Khusus Pimpinan: the leadership instructs, the unit reports, the score counts instructions done on time', async () => {
    clock.set(new Date('2026-04-01T09:00:00+07:00'));
    const sekda = await token({ role: 'sekda', username: 'sekda' });
    const bupati = await token({ role: 'bupati', username: 'bupati' });
    const head = await token({ role: 'unit_head', unitCode: 'DP3A', username: 'head.dp3a' });
    const other = await token({ role: 'officer', unitCode: 'DLH' });
    const instruction = {
      unitCode: 'DP3A',
      title: 'Tuntaskan kasus kekerasan anak di Kecamatan Babelan',
      description: 'Pendampingan korban dan koordinasi dengan UPTD PPA.',
      target: 'Seluruh kasus tertangani tuntas',
      dueAt: '2026-04-15T17:00:00+07:00',
    };
    await http().post('/api/v1/ikp/instructions').set('authorization', `Bearer ${head}`).send(instruction).expect(403);
    const bad = await http().post('/api/v1/ikp/instructions').set('authorization', `Bearer ${sekda}`).send({ ...instruction, dueAt: '2026-03-01T00:00:00+07:00' }).expect(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'dueAt' });
    const first = (await http().post('/api/v1/ikp/instructions').set('authorization', `Bearer ${sekda}`).send(instruction).expect(201)).body;
    const second = (await http().post('/api/v1/ikp/instructions').set('authorization', `Bearer ${bupati}`).send({ ...instruction, title: 'Tangani kekeringan dan air bersih', dueAt: '2026-04-10T17:00:00+07:00' }).expect(201)).body;
    expect(first).toMatchObject({ state: 'active', standing: 'on_track', progress: 0, issuedBy: 'sekda' });

    const report = (id: string, t: string, body: object) => http().post(`/api/v1/ikp/instructions/${id}/reports`).set('authorization', `Bearer ${t}`).send(body);
    await report(first.id, other, { kind: 'progress', progress: 30, note: 'bukan unit kami' }).expect(403);
    await report(first.id, head, { kind: 'progress', progress: 60, note: 'Tiga dari lima kasus selesai' }).expect(200);
    expect((await report(first.id, head, { kind: 'progress', progress: 40, note: 'turun' }).expect(400)).body.errors[0].field).toBe('progress');
    clock.set(new Date('2026-04-14T09:00:00+07:00'));
    const done = (await report(first.id, head, { kind: 'done', note: 'Semua kasus tuntas, korban didampingi' }).expect(200)).body;
    expect(done).toMatchObject({ state: 'done', standing: 'done_on_time', progress: 100 });
    expect(done.updates.map((u: { kind: string; progress: number }) => [u.kind, u.progress])).toEqual([['progress', 60], ['done', 100]]);
    await report(first.id, head, { kind: 'progress', progress: 100, note: 'lagi' }).expect(409);

    // The second was not done by its date.
    const listed = (await http().get('/api/v1/ikp/instructions?unitCode=DP3A').set('authorization', `Bearer ${other}`).expect(200)).body.items;
    expect(listed.map((i: { id: string; standing: string }) => [i.id, i.standing])).toEqual([[second.id, 'overdue'], [first.id, 'done_on_time']]);
    const unit = (await http().get('/api/v1/ikp/units/DP3A?period=2026-04').set('authorization', `Bearer ${sekda}`).expect(200)).body;
    expect(unit.tally).toMatchObject({ instructionsDue: 2, instructionsOnTime: 1 });
    expect(unit.values.instructions_on_time).toBe(50);
    expect(unit.score).toBe(50);
    await report(second.id, sekda, { kind: 'cancelled', note: 'Diambil alih BPBD' }).expect(200);
    expect((await http().get('/api/v1/ikp/units/DP3A?period=2026-04').set('authorization', `Bearer ${sekda}`).expect(200)).body.values.instructions_on_time).toBe(100);
  });
});


const IkpPublished = 'id.go.bekasi.lapor.ikp.score-published.v1';
