// The IKP service against the real broker and database: ticket.*, sla.* and escalation.* events
// projected per unit and month, scored against targets, negotiated, and published on Kafka.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { pngWithExif } from '@bekasi/file-store';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
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
import { testAccessToken, TestInfra, TopicRecorder, waitFor } from '@bekasi/testing';
import { IkpAppModule } from '../src/app.module';
import { IkpConfig } from '../src/ikp.config';
import { MonthlyIkpPublisher } from '../src/scoring/monthly-publisher';
import { IkpBoard } from '../src/scoring/ikp-board';

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
    const config = infra.config(IkpConfig, { FILE_STORE_URL: mkdtempSync(join(tmpdir(), 'ikp-files-')), IKP_BUDGET_MAX_FILE_MB: '1', IKP_BUDGET_MAX_ROWS: '100' });
    const moduleRef = await Test.createTestingModule({ imports: [IkpAppModule.forRoot({ configValues: config, clock })] }).compile();
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
  const records: Array<{ topic: string; record: ReturnType<typeof toKafkaRecord> }> = [];
  async function publish(definition: EventDefinition, data: object, subject: string, copies = 1) {
    const id = randomUUID();
    const record = toKafkaRecord({
      id, source: '/test', type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: AT, subject, datacontenttype: 'application/json', correlationid: id, causationid: id, data,
    });
    const topic = infra.naming.physical(definition.topic);
    await producer.send({ topic, messages: Array.from({ length: copies }, () => record) });
    records.push({ topic, record });
    sent.push(id);
  }
  const lifecycle = (ticketId: string, unitCode: string, to: string) => ({
    ticketId, trackingId: 'BKS-2026-000100', unitCode, kecamatanCode: null, classification: null, receivedAt: AT, from: null, to, version: 2, actor: { role: 'system', userId: 'desk' }, at: AT,
  });
  const deadline = (ticketId: string, unitCode: string, deadlineKind: string) => ({ ticketId, unitCode, deadlineKind, deadlineAt: AT, policyVersion: 'lapor-default-2025' });
  const allApplied = () =>
    waitFor('every event applied', async () => (await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."applied_events" WHERE event_id = ANY($1::text[])`, [sent]))[0].n === sent.length);
  const token = (p: Partial<AuthPrincipal>) =>
    Promise.resolve(testAccessToken({ username: 'pengguna', ...p }));
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
    expect(unit.proposals.map((p: { stateLabel: { id: string }; indicatorLabel: { id: string } }) => [p.stateLabel.id, p.indicatorLabel.id])).toEqual([['Ditolak', 'Kepuasan pelapor'], ['Disetujui', 'Tanggapan tepat waktu']]);
    expect(unit.asdaTitle).toMatch(/Asisten/);

    // The leadership may also set a target outright.
    await http().put(`/api/v1/ikp/units/DINSOS/targets/${PERIOD}`).set('authorization', `Bearer ${sekda}`).send({ indicator: 'satisfaction', target: 95 }).expect(200);
    const dinsos = (await http().get(`/api/v1/ikp/units/DINSOS?period=${PERIOD}`).set('authorization', `Bearer ${sekda}`).expect(200)).body;
    expect(dinsos.components.satisfaction).toBe(94.7); // 90 % of a 95 % target
    await http().put(`/api/v1/ikp/units/DINSOS/targets/${PERIOD}`).set('authorization', `Bearer ${headDinsos}`).send({ indicator: 'satisfaction', target: 10 }).expect(403);
  });

  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const evidence = [{ reference: 'Register P2TP2A No. 47/III/2026', label: 'Register penanganan kasus' }];
  const reasons = 'Sebagian kasus dirujuk ke Polres, penyelesaiannya di luar kewenangan dinas';

  /** The Bupati instructs `unitCode`: target 20 cases in March; the head proposes 15; the Bupati decides; the unit realises; the Asda verifies. */
  async function instructionScenario(unitCode: string, asdaGroup: string, approve: boolean, realised: number) {
    const bupati = await token({ role: 'bupati', username: 'bupati' });
    const head = await token({ role: 'unit_head', unitCode, username: `head.${unitCode.toLowerCase()}` });
    const officer = await token({ role: 'officer', unitCode, username: `officer.${unitCode.toLowerCase()}` });
    const asda = await token({ role: 'asda', asdaGroup: asdaGroup as AuthPrincipal['asdaGroup'], username: `asda${asdaGroup}` });
    clock.set(new Date('2026-03-11T09:00:00+07:00'));
    const issued = (
      await http().post('/api/v1/ikp/instructions').set(bearer(bupati)).send({
        unitCode, title: 'Penanganan kasus kekerasan anak', negotiationEndsAt: '2026-03-16T17:00:00+07:00',
        indicators: [{ name: 'Kasus kekerasan anak ditangani tuntas', unitOfMeasure: 'kasus', target: 20, period: PERIOD, dueAt: '2026-03-25T23:59:59+07:00' }],
      }).expect(201)
    ).body;
    const indicatorId = issued.indicators[0].id;
    const base = `/api/v1/ikp/instructions/${issued.id}`;
    clock.set(new Date('2026-03-12T09:00:00+07:00'));
    await http().post(`${base}/indicators/${indicatorId}/proposals`).set(bearer(officer)).send({ proposedTarget: 15, reason: reasons }).expect(403);
    const proposed = (await http().post(`${base}/indicators/${indicatorId}/proposals`).set(bearer(head)).send({ proposedTarget: 15, reason: reasons }).expect(201)).body;
    const proposalId = proposed.proposals[0].id;
    clock.set(new Date('2026-03-13T09:00:00+07:00'));
    const decided = (await http().post(`${base}/proposals/${proposalId}/decision`).set(bearer(bupati)).send({ approve, note: approve ? 'Disetujui' : 'Target tetap' }).expect(200)).body;
    clock.set(new Date('2026-03-20T09:00:00+07:00'));
    const reported = (await http().post(`${base}/indicators/${indicatorId}/realisations`).set(bearer(officer)).send({ value: realised, note: 'Kasus tuntas', evidence }).expect(201)).body;
    const realisationId = reported.realisations[0].id;
    const verified = (await http().post(`${base}/realisations/${realisationId}/verification`).set(bearer(asda)).send({ decision: 'verified', note: 'Sesuai register' }).expect(200)).body;
    return { issued, proposed, decided, reported, verified, base, indicatorId, head, officer, asda, bupati };
  }

  it('instruction target 20; the unit proposes 15 with reasons; the Bupati rejects; 18 realised and verified counts 90 %', async () => {
    const r = await instructionScenario('DP3A', 'I', false, 18);
    expect(r.issued).toMatchObject({ unitName: expect.stringContaining('Perlindungan Anak'), standing: 'on_track', standingLabel: { id: 'Berjalan' }, negotiationOpen: true });
    expect(r.proposed.proposals[0]).toMatchObject({ currentTarget: 20, proposedTarget: 15, direction: 'lower', state: 'proposed', stateLabel: { id: 'Menunggu keputusan' }, reason: reasons });
    expect(r.decided.indicators[0]).toMatchObject({ originalTarget: 20, target: 20 });
    expect(r.decided.proposals[0]).toMatchObject({ state: 'rejected', decidedBy: 'bupati', stateLabel: { id: 'Ditolak' } });
    // Reported is not counted: only verified realisation is.
    expect(r.reported.indicators[0]).toMatchObject({ verifiedRealisation: 0, achievement: 0 });
    expect(r.reported.allowedActions).toEqual(['report_realisation']);
    expect(r.verified.indicators[0]).toMatchObject({ verifiedRealisation: 18, achievement: 90, standing: 'on_track' });
    expect(r.verified.realisations[0]).toMatchObject({ state: 'verified', verifiedBy: 'asdaI', evidence: [{ fileId: null, reference: evidence[0].reference, label: evidence[0].label }] });

    // Hostile and wrong-party cases.
    const noEvidence = await http().post(`${r.base}/indicators/${r.indicatorId}/realisations`).set(bearer(r.officer)).send({ value: 20, evidence: [] }).expect(400);
    expect(noEvidence.body.errors[0].field).toBe('evidence');
    const other = await token({ role: 'officer', unitCode: 'DLH' });
    await http().get(r.base).set(bearer(other)).expect(404); // another unit's instruction does not exist for it
    await http().post(`${r.base}/indicators/${r.indicatorId}/realisations`).set(bearer(other)).send({ value: 20, evidence }).expect(404);
    await http().post(`${r.base}/realisations/${r.verified.realisations[0].id}/verification`).set(bearer(r.head)).send({ decision: 'verified' }).expect(403); // the unit never verifies itself
    const wrongAsda = await token({ role: 'asda', asdaGroup: 'II' });
    await http().get(r.base).set(bearer(wrongAsda)).expect(404);
    const late = await http().post(`${r.base}/indicators/${r.indicatorId}/proposals`).set(bearer(r.head)).send({ proposedTarget: 18, reason: reasons }).expect(409);
    expect(late.body.message).toMatch(/dialog kinerja/);

    clock.set(new Date('2026-03-31T12:00:00+07:00'));
    const unit = (await http().get(`/api/v1/ikp/units/DP3A?period=${PERIOD}`).set(bearer(r.bupati)).expect(200)).body;
    expect(unit).toMatchObject({ values: { instructions_achieved: 90 }, score: 90, zone: 'hijau' });
    expect(unit.unmeasured).toContain('budget_absorption');
    expect(unit.unmeasuredNote.id).toMatch(/Penyerapan anggaran/);
  });

  it('an approved proposal changes the target and the history shows both; verified realisation of it achieves the instruction', async () => {
    const r = await instructionScenario('DISDIK', 'I', true, 15);
    expect(r.verified.indicators[0]).toMatchObject({ originalTarget: 20, target: 15, verifiedRealisation: 15, achievement: 100, standing: 'achieved' });
    expect(r.verified.proposals.map((p: { currentTarget: number; proposedTarget: number; state: string }) => [p.currentTarget, p.proposedTarget, p.state])).toEqual([[20, 15, 'approved']]);
    expect(r.verified.standing).toBe('achieved');
    // A second unit achieving its instruction in full ties with DISDIK.
    await instructionScenario('BPBD', 'I', true, 15);
    const listed = (await http().get(`/api/v1/ikp/instructions?period=${PERIOD}&standing=achieved`).set(bearer(r.bupati)).expect(200)).body.items;
    expect(listed.map((i: { unitCode: string }) => i.unitCode).sort()).toEqual(['BPBD', 'DISDIK']);
  });

  it('keeps evidence files of a realisation: uploaded by the unit, photo metadata removed, read by who may see the instruction', async () => {
    const r = await instructionScenario('DINSOS', 'I', true, 10);
    const png = pngWithExif();
    const upload = (t: string, bytes: Buffer, name: string) => http().post(`${r.base}/evidence`).set(bearer(t)).attach('file', bytes, name);
    await upload(r.asda, png, 'foto.png').expect(403);
    await upload(await token({ role: 'officer', unitCode: 'DLH' }), png, 'foto.png').expect(404);
    expect((await upload(r.officer, Buffer.from('MZ bukan foto'), 'foto.png').expect(415)).body.error).toBe('FILE_TYPE_NOT_ALLOWED');
    const file = (await upload(r.officer, png, '../../foto lokasi.png').expect(201)).body;
    expect(file).toMatchObject({ fileName: 'foto lokasi.png', contentType: 'image/png' });
    expect(file.storageKey).toBeUndefined();
    // A realisation may cite only this instruction's files.
    await http().post(`${r.base}/indicators/${r.indicatorId}/realisations`).set(bearer(r.officer)).send({ value: 12, evidence: [{ fileId: randomUUID(), label: 'Foto' }] }).expect(400);
    const reported = (await http().post(`${r.base}/indicators/${r.indicatorId}/realisations`).set(bearer(r.officer)).send({ value: 12, evidence: [{ fileId: file.fileId, label: 'Foto penyaluran' }] }).expect(201)).body;
    expect(reported.realisations[1].evidence).toEqual([{ fileId: file.fileId, reference: null, label: 'Foto penyaluran' }]);
    const got = await http().get(`${r.base}/evidence/${file.fileId}`).set(bearer(r.asda)).buffer(true).parse(binary).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((got.body as Buffer).includes(Buffer.from('GPS-6.2383'))).toBe(false);
    await http().get(`${r.base}/evidence/${file.fileId}`).set(bearer(await token({ role: 'asda', asdaGroup: 'II' }))).expect(404);
    // Cancelled for the board below: DINSOS keeps its complaint-handling score alone.
    await http().post(`${r.base}/cancellation`).set(bearer(r.bupati)).send({ note: 'Diganti instruksi baru' }).expect(200);
  });

  it('answers hostile or stale instruction commands with the status that names the problem', async () => {
    const bupati = await token({ role: 'bupati', username: 'bupati' });
    const sekda = await token({ role: 'sekda', username: 'sekda' });
    const officer = await token({ role: 'officer', unitCode: 'DISHUB' });
    const asda = await token({ role: 'asda', asdaGroup: 'II', username: 'asda2' });
    clock.set(new Date('2026-03-21T09:00:00+07:00'));
    const body = { unitCode: 'DISHUB', title: 'Penertiban parkir liar', indicators: [{ name: 'Titik parkir liar ditertibkan', unitOfMeasure: 'titik', target: 10, period: PERIOD, dueAt: '2026-03-28T17:00:00+07:00' }] };
    const invalid = await http().post('/api/v1/ikp/instructions').set(bearer(bupati)).send({ ...body, unitCode: 'NOPE', indicators: [{ ...body.indicators[0], target: -1, period: '2026-3' }] }).expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['indicators.0.period', 'indicators.0.target']);
    expect((await http().post('/api/v1/ikp/instructions').set(bearer(bupati)).send({ ...body, unitCode: 'NOPE' }).expect(400)).body.errors[0].field).toBe('unitCode');
    expect((await http().post('/api/v1/ikp/instructions').set(bearer(bupati)).send({ ...body, indicators: [{ ...body.indicators[0], dueAt: '2026-03-01T00:00:00+07:00' }] }).expect(400)).body.errors[0].field).toBe('indicators.0.dueAt');
    const i = (await http().post('/api/v1/ikp/instructions').set(bearer(bupati)).send(body).expect(201)).body;
    const base = `/api/v1/ikp/instructions/${i.id}`;
    await http().post(`${base}/indicators/${randomUUID()}/realisations`).set(bearer(officer)).send({ value: 3, evidence }).expect(404);
    await http().get(`/api/v1/ikp/instructions/not-a-uuid`).set(bearer(bupati)).expect(400);
    const r = (await http().post(`${base}/indicators/${i.indicators[0].id}/realisations`).set(bearer(officer)).send({ value: 3, evidence }).expect(201)).body.realisations[0];
    expect((await http().post(`${base}/realisations/${r.id}/verification`).set(bearer(asda)).send({ decision: 'sent_back', note: '' }).expect(400)).body.errors[0].field).toBe('note');
    await http().post(`${base}/realisations/${r.id}/verification`).set(bearer(asda)).send({ decision: 'sent_back', note: 'Foto lokasi belum ada' }).expect(200);
    await http().post(`${base}/realisations/${r.id}/verification`).set(bearer(asda)).send({ decision: 'verified' }).expect(409);
    await http().post(`${base}/cancellation`).set(bearer(officer)).send({ note: 'tidak jadi' }).expect(403);
    await http().post(`${base}/cancellation`).set(bearer(sekda)).send({ note: 'Dialihkan ke Satpol PP' }).expect(200);
    const afterCancel = await http().post(`${base}/indicators/${i.indicators[0].id}/realisations`).set(bearer(officer)).send({ value: 4, evidence }).expect(409);
    expect(afterCancel.body.message).toMatch(/dibatalkan/);
    expect((await http().get(base).set(bearer(officer)).expect(200)).body).toMatchObject({ standing: 'cancelled', standingLabel: { id: 'Dibatalkan' }, allowedActions: [] });
  });

  it('imports budget absorption: a bad row is reported, the rest imported; the board names the indicator', async () => {
    const admin = await token({ role: 'admin', username: 'admin' });
    const officer = await token({ role: 'officer', unitCode: 'DLH' });
    const csv = [
      'Kode SKPD;Bulan;Pagu;Anggaran Kas;Realisasi',
      'DISDIK;2026-03;2.000.000.000;500.000.000;600.000.000',
      'DLH;03/2026;1.000.000.000;400.000.000;200.000.000',
      'XYZ;2026-03;1000;10;1',
      'BPBD;2026-03;1000;500;2000',
      'DLH;2026-12;1.000.000.000;950.000.000;0',
      'DLH;Maret 2026;1;1;1',
    ].join('\n');
    await http().post('/api/v1/ikp/budget/imports').set(bearer(officer)).attach('file', Buffer.from(csv), 'realisasi.csv').expect(403);
    const report = (await http().post('/api/v1/ikp/budget/imports').set(bearer(admin)).attach('file', Buffer.from(csv), 'realisasi.csv').expect(200)).body;
    expect(report).toMatchObject({
      rows: 6,
      imported: 3,
      rejected: [
        { row: 4, field: 'unit_code', reason: 'kode unit "XYZ" tidak dikenal' },
        { row: 5, field: 'realisasi', reason: 'realisasi melebihi pagu' },
        { row: 7, field: 'unit_code', reason: 'baris ganda: DLH bulan 2026-03 sudah ada di berkas ini' },
      ],
    });
    const missing = await http().post('/api/v1/ikp/budget/imports').set(bearer(admin)).attach('file', Buffer.from('unit_code,month,pagu\nDLH,2026-03,1'), 'x.csv').expect(400);
    expect(missing.body.errors[0].reasons[0]).toMatch(/rencana, realisasi/);
    await http().post('/api/v1/ikp/budget/imports').set(bearer(admin)).attach('file', Buffer.from('%PDF-1.4 bukan lembar kerja'), 'x.pdf').expect(400);
    const tooMany = ['unit_code,month,pagu,rencana,realisasi', ...Array.from({ length: 101 }, () => 'DLH,2026-04,10,1,1')].join('\n');
    expect((await http().post('/api/v1/ikp/budget/imports').set(bearer(admin)).attach('file', Buffer.from(tooMany), 'x.csv').expect(400)).body.errors[0].reasons[0]).toMatch(/paling banyak 100/);
    await http().post('/api/v1/ikp/budget/imports').set(bearer(admin)).attach('file', Buffer.alloc(1024 * 1024 + 1, 0x41), 'x.csv').expect(413);
    // The same export as XLSX, with a typed date cell and numbers: read the same way.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Realisasi');
    ws.addRow(['unit_code', 'bulan', 'pagu', 'rencana', 'realisasi']);
    ws.addRow(['DISDIK', new Date(Date.UTC(2026, 1, 1)), 2_000_000_000, 300_000_000, 150_000_000]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    ws.addRow(['DISDIK', 'Februari 2026', -5, 0, 0]);
    const xlsxReport = (await http().post('/api/v1/ikp/budget/imports').set(bearer(admin)).attach('file', Buffer.from(await wb.xlsx.writeBuffer()), 'realisasi.xlsx').expect(200)).body;
    expect(xlsxReport).toMatchObject({ format: 'xlsx', rows: 2, imported: 1, rejected: [{ row: 3, field: 'pagu' }] });
    expect((await http().get('/api/v1/ikp/budget?period=2026-02').set(bearer(officer)).expect(200)).body.items).toEqual([expect.objectContaining({ unitCode: 'DISDIK', planPercent: 15, realisationPercent: 7.5, achievement: 50 })]);

    const budget = (await http().get(`/api/v1/ikp/budget?period=${PERIOD}`).set(bearer(officer)).expect(200)).body;
    expect(budget.items.map((b: { unitCode: string; achievement: number }) => [b.unitCode, b.achievement])).toEqual([['DISDIK', 100], ['DLH', 50]]);
    const board = (await http().get(`/api/v1/ikp/scoreboard?period=${PERIOD}`).set(bearer(officer)).expect(200)).body;
    expect(board.indicators.find((i: { code: string }) => i.code === 'budget_absorption')).toMatchObject({ label: { id: 'Penyerapan anggaran', en: 'Budget absorption' } });
    expect(board.items.find((i: { unitCode: string }) => i.unitCode === 'DLH').values.budget_absorption).toBe(50);
    expect(board.mayPublish).toBe(false);
  });

  it('shows ties as ties: equal scores share the rank and the next rank skips', async () => {
    const board = (await http().get(`/api/v1/ikp/scoreboard?period=${PERIOD}`).set(bearer(await token({ role: 'sekda' }))).expect(200)).body;
    const top = board.items.slice(0, 3).map((i: { rank: number; tied: boolean; unitCode: string; score: number }) => [i.rank, i.tied, i.unitCode, i.score]);
    expect(top).toEqual([[1, true, 'BPBD', 100], [1, true, 'DISDIK', 100], [3, false, 'DINSOS', 99.2]]);
    expect(board.mayPublish).toBe(true);
  });

  it('never lets the admin set the targets of its own unit', async () => {
    const admin = await token({ role: 'admin' });
    await http().put(`/api/v1/ikp/units/DISKOMINFOSANTIK/targets/${PERIOD}`).set(bearer(admin)).send({ indicator: 'satisfaction', target: 10 }).expect(403);
  });

  it('closes the month into a frozen snapshot, publishes it on Kafka, and recomputing from the events gives the same figures', async () => {
    const sekda = await token({ role: 'sekda', username: 'sekda' });
    const officer = await token({ role: 'officer', unitCode: 'DINSOS' });
    clock.set(new Date('2026-04-01T08:00:00+07:00'));
    await http().post(`/api/v1/ikp/periods/${PERIOD}/publish`).set(bearer(officer)).expect(403);
    expect((await http().post('/api/v1/ikp/periods/2026-05/publish').set(bearer(sekda)).expect(400)).body.errors[0].field).toBe('period');
    const closed = (await http().post(`/api/v1/ikp/periods/${PERIOD}/publish`).set(bearer(sekda)).expect(200)).body;
    const measured = closed.items.filter((i: { score: number | null }) => i.score !== null).map((i: { unitCode: string }) => i.unitCode).sort();
    expect(measured).toEqual(['BPBD', 'DINSOS', 'DISDIK', 'DLH', 'DP3A']);
    expect(closed).toMatchObject({ frozen: true, published: 5 });
    await waitFor('five ikp.score-published', () => ikp.messages.filter((m) => String(m.message.headers?.[CE_HEADER.type]) === IkpPublished).length === 5);
    const published = ikp.messages.map((m) => JSON.parse(String(m.message.value)));
    expect(published.find((p) => p.unitCode === 'DLH')).toMatchObject({ period: PERIOD, zone: 'merah' });
    expect((await http().post(`/api/v1/ikp/periods/${PERIOD}/publish`).set(bearer(sekda)).expect(200)).body).toMatchObject({ published: 0, closedAt: closed.closedAt });

    // A late event of March changes the projections, not the closed month.
    const lateTicket = randomUUID();
    await publish(TicketAssignedV1, { ...lifecycle(lateTicket, 'DINSOS', 'assigned'), decisionId: randomUUID(), routedBy: 'auto' }, lateTicket);
    await allApplied();
    const frozen = (await http().get(`/api/v1/ikp/scoreboard?period=${PERIOD}`).set(bearer(sekda)).expect(200)).body;
    const { published: _published, ...snapshot } = closed;
    expect({ ...frozen, mayPublish: undefined }).toEqual({ ...snapshot, mayPublish: undefined });

    // Recompute: drop the projections and the ledger, replay every event but the late one.
    await db.query(`TRUNCATE "${infra.schema}"."unit_tickets", "${infra.schema}"."deadline_outcomes", "${infra.schema}"."escalations"`);
    await db.query(`DELETE FROM "${infra.schema}"."applied_events"`);
    const replayIds = new Set(sent.slice(0, -1));
    for (const { topic, record } of records.slice(0, -1)) await producer.send({ topic, messages: [record] });
    await waitFor('every event re-applied', async () => (await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."applied_events" WHERE event_id = ANY($1::text[])`, [[...replayIds]]))[0].n === replayIds.size);
    const recomputed = await app.get(IkpBoard).live(PERIOD);
    expect({ ...recomputed, frozen: true, closedAt: snapshot.closedAt }).toEqual({ ...snapshot });
  });

  it('takes a new policy version from the Sekda for a month not yet closed; closed months keep theirs', async () => {
    const sekda = await token({ role: 'sekda', username: 'sekda' });
    const admin = await token({ role: 'admin' });
    const draft = { effectiveFrom: '2026-04', indicators: { budget_absorption: { weight: 0.5 } }, zones: { hijau: 85, kuning: 55 } };
    await http().post('/api/v1/ikp/policies').set(bearer(admin)).send(draft).expect(403);
    expect((await http().post('/api/v1/ikp/policies').set(bearer(sekda)).send({ ...draft, effectiveFrom: PERIOD }).expect(400)).body.errors[0].field).toBe('effectiveFrom');
    const bad = await http().post('/api/v1/ikp/policies').set(bearer(sekda)).send({ ...draft, indicators: { budget_absorption: { weight: 3 } }, zones: { hijau: 40, kuning: 60 } }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['indicators.budget_absorption.weight', 'zones']);
    const v = (await http().post('/api/v1/ikp/policies').set(bearer(sekda)).send(draft).expect(201)).body;
    expect(v).toMatchObject({ effectiveFrom: '2026-04', publishedBy: 'sekda', zones: { hijau: 85, kuning: 55 }, indicators: { budget_absorption: { weight: 0.5 } } });
    const versions = (await http().get('/api/v1/ikp/policies').set(bearer(admin)).expect(200)).body.items.map((p: { version: string }) => p.version);
    expect(versions).toEqual(['ikp-default-2026', v.version]);
    expect((await http().get('/api/v1/ikp/scoreboard?period=2026-04').set(bearer(admin)).expect(200)).body.policy).toMatchObject({ version: v.version, zones: { hijau: 85 } });
    expect((await http().get(`/api/v1/ikp/scoreboard?period=${PERIOD}`).set(bearer(admin)).expect(200)).body.policy.version).toBe('ikp-default-2026');
  });

  it('closes last month by itself once it is over, and only once; an empty month is not frozen', async () => {
    const publisher = app.get(MonthlyIkpPublisher);
    clock.set(new Date('2026-06-01T01:00:00+07:00'));
    expect(await publisher.tick()).toBeNull(); // May: nothing measured
    expect((await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."month_snapshots" WHERE period = '2026-05'`))[0].n).toBe(0);
    clock.set(new Date('2026-04-02T08:00:00+07:00'));
    expect(await publisher.tick()).toBeNull(); // March is closed already
  });

  it('packs the month for the Rapim as PDF and XLSX with the figures of the API', async () => {
    const bupati = await token({ role: 'bupati' });
    await http().get(`/api/v1/ikp/rapim/${PERIOD}?format=pdf`).set(bearer(await token({ role: 'officer', unitCode: 'DLH' }))).expect(403);
    await http().get(`/api/v1/ikp/rapim/2026-13?format=pdf`).set(bearer(bupati)).expect(400);
    const board = (await http().get(`/api/v1/ikp/scoreboard?period=${PERIOD}`).set(bearer(bupati)).expect(200)).body;
    const figures = (await http().get(`/api/v1/ikp/rapim/${PERIOD}?format=json`).set(bearer(bupati)).expect(200)).body;
    const { mayPublish: _mayPublish, ...boardFigures } = board;
    expect(figures.board).toEqual(boardFigures);
    expect(figures.instructions.overdue.map((l: { unitCode: string; achievement: number }) => [l.unitCode, l.achievement])).toEqual([['DP3A', 90]]);
    expect(figures.instructions.achieved.map((l: { unitCode: string }) => l.unitCode).sort()).toEqual(['BPBD', 'DISDIK']);
    expect(figures.negotiations.map((n: { unitCode: string; indicator: string; state: string }) => [n.unitCode, n.indicator, n.state])).toEqual([
      ['DP3A', 'Kasus kekerasan anak ditangani tuntas', 'rejected'],
      ['DISDIK', 'Kasus kekerasan anak ditangani tuntas', 'approved'],
      ['BPBD', 'Kasus kekerasan anak ditangani tuntas', 'approved'],
      ['DLH', 'Kepuasan pelapor', 'rejected'],
      ['DLH', 'Tanggapan tepat waktu', 'approved'],
    ]);
    expect(figures.overdueComplaints).toEqual([expect.objectContaining({ unitCode: 'DLH', trackingId: 'BKS-2026-000100', deadlineKind: 'first-response' })]);
    expect(figures.trends.periods).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);

    const pdf = await http().get(`/api/v1/ikp/rapim/${PERIOD}?format=pdf`).set(bearer(bupati)).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="rapim-${PERIOD}.pdf"`);
    const dir = mkdtempSync(join(tmpdir(), 'rapim-'));
    const file = process.env.RAPIM_PDF_OUT ?? join(dir, 'rapim.pdf');
    writeFileSync(file, pdf.body as Buffer);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const item of board.items.filter((i: { score: number | null }) => i.score !== null)) {
      const line = text.split('\n').find((l) => l.includes(item.unitName));
      expect(line).toContain(item.score.toFixed(1).replace('.', ','));
      if (item.tied) expect(line).toContain(`${item.rank} (seri)`);
    }
    expect(text).toContain('BKS-2026-000100');
    expect(text).toContain('Penyerapan anggaran');

    const xlsx = await http().get(`/api/v1/ikp/rapim/${PERIOD}?format=xlsx`).set(bearer(bupati)).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as never);
    const sheet = wb.getWorksheet('Papan IKP')!;
    const scores = new Map<string, unknown>();
    sheet.eachRow((row, n) => void (n > 2 && scores.set(String(row.getCell(3).value), row.getCell(6).value ?? null)));
    expect(Object.fromEntries(scores)).toEqual(Object.fromEntries(board.items.map((i: { unitCode: string; score: number | null }) => [i.unitCode, i.score])));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Papan IKP', 'Tren 6 bulan', 'Instruksi', 'Dialog kinerja', 'Penyerapan anggaran', 'Pengaduan terlambat']);
  });

  it('names the Rapim route with its formats in the OpenAPI document', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body;
    const route = doc.paths['/api/v1/ikp/rapim/{period}'];
    expect(route.get.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toEqual(['pdf', 'xlsx', 'json']);
  });
});

/** supertest's parser for a binary body. */
function binary(res: request.Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  (res as unknown as NodeJS.ReadableStream).on('data', (c: Buffer) => chunks.push(c));
  (res as unknown as NodeJS.ReadableStream).on('end', () => done(null, Buffer.concat(chunks)));
}

const IkpPublished = 'id.go.bekasi.lapor.ikp.score-published.v1';
