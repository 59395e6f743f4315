// The routing service end to end against the real broker and database: complaints arrive on
// Kafka the way intake publishes them (CloudEvents in the Kafka binding), decisions leave through
// the outbox, the admin's APIs work on the same PostgreSQL schema.
import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import {
  CE_HEADER,
  CLOUDEVENTS_SPEC_VERSION,
  ComplaintReceivedV1,
  ComplaintTriageRequiredV1,
  TicketAssignedV1,
  TicketReassignRequestedV1,
  TicketRoutedV1,
  toKafkaRecord,
  type ComplaintReceived,
  type ComplaintTriageRequired,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
  type TicketRouted,
} from '@bekasi/contracts';
import { FakeClock } from '@bekasi/clock';
import { configureApp } from '@bekasi/platform';
import { aComplaintReceived, testAccessToken, TestInfra, TopicRecorder, waitFor } from '@bekasi/testing';
import { RoutingAppModule } from '../src/app.module';
import { RoutingConfig } from '../src/routing.config';
import { RoutingKnowledge } from '../src/knowledge/routing-knowledge';
import { ModelTrainingService } from '../src/training/model-training.service';

const clock = new FakeClock(new Date('2026-11-23T02:00:00Z'));

const aComplaint = (overrides: Partial<ComplaintReceived> = {}) => aComplaintReceived({ receivedAt: '2026-11-23T01:00:00.000Z', ...overrides });

const streetLightsInHousing = {
  title: 'Lampu PJU perumahan mati',
  text: 'Lampu PJU di perumahan kami mati sebulan, jalan gelap rawan begal. Desa Lambangsari Tambun Selatan',
};

describe('routing service', () => {
  let infra: TestInfra;
  let app: NestExpressApplication;
  let producer: Producer;
  let tickets: TopicRecorder;
  let complaints: TopicRecorder;
  let db: DataSource;

  beforeAll(async () => {
    infra = await TestInfra.create('routing');
    const configValues = infra.config(RoutingConfig, { ROUTING_AUTO_THRESHOLD: '0.5' });
    const moduleRef = await Test.createTestingModule({ imports: [RoutingAppModule.forRoot({ configValues, clock })] }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service: 'routing', title: 'routing' });
    producer = infra.kafka.producer();
    await producer.connect();
    tickets = await new TopicRecorder(infra.kafka, infra.naming.physical('tickets')).start();
    complaints = await new TopicRecorder(infra.kafka, infra.naming.physical('complaints')).start();
    db = await infra.dataSource();
  });

  afterAll(async () => {
    await tickets?.stop();
    await complaints?.stop();
    await producer?.disconnect();
    await app?.close();
    await infra.cleanup();
  });

  // Routing's API is the LAPOR admin's: every call carries an admin's access token.
  const http = () => request.agent(app.getHttpServer()).set('authorization', `Bearer ${testAccessToken({ role: 'admin' })}`);

  async function publish<D extends EventDefinition>(definition: D, data: EventData<D>, subject: string, copies = 1): Promise<EventEnvelope> {
    const [envelope] = await publishTogether(definition, [{ data, subject }], copies);
    return envelope;
  }

  /** Several events in one send: on one partition they usually reach routing in one batch. */
  async function publishTogether<D extends EventDefinition>(definition: D, events: Array<{ data: EventData<D>; subject: string }>, copies = 1): Promise<EventEnvelope[]> {
    const envelopes = events.map(({ data, subject }): EventEnvelope => {
      const id = randomUUID();
      return {
        id,
        source: '/test/intake',
        type: definition.type,
        specversion: CLOUDEVENTS_SPEC_VERSION,
        time: clock.now().toISOString(),
        subject,
        datacontenttype: 'application/json',
        correlationid: id,
        causationid: id,
        data,
      };
    });
    const messages = envelopes.flatMap((envelope) => Array.from({ length: copies }, () => toKafkaRecord(envelope)));
    await producer.send({ topic: infra.naming.physical(definition.topic), messages });
    return envelopes;
  }

  function published<T>(recorder: TopicRecorder, type: string, subject: string): Array<{ data: T; causationId: string }> {
    return recorder.messages
      .filter((m) => String(m.message.headers?.[CE_HEADER.type]) === type && String(m.message.headers?.[CE_HEADER.subject]) === subject)
      .map((m) => ({ data: JSON.parse(String(m.message.value)) as T, causationId: String(m.message.headers?.[CE_HEADER.causationid]) }));
  }

  const routedOf = (subject: string) => published<TicketRouted>(tickets, TicketRoutedV1.type, subject);
  const triageOf = (subject: string) => published<ComplaintTriageRequired>(complaints, ComplaintTriageRequiredV1.type, subject);
  const decisionsOf = async (id: string) => (await http().get(`/api/v1/routing/complaints/${id}/decisions`).expect(200)).body.decisions;
  const applied = async (eventId: string) =>
    (await db.query(`SELECT 1 FROM "${infra.schema}"."applied_events" WHERE event_id = $1`, [eventId])).length > 0;
  const trainingExample = async (complaintId: string) =>
    (await db.query(`SELECT unit_code, source FROM "${infra.schema}"."training_examples" WHERE complaint_id = $1`, [complaintId]))[0];

  it('starts with the reference units, rules and a cold-start model', async () => {
    const units = (await http().get('/api/v1/routing/units').expect(200)).body.units;
    expect(units.map((u: { code: string }) => u.code)).toEqual(expect.arrayContaining(['SDABMBK', 'DLH', 'KEC_BABELAN']));
    const rules = (await http().get('/api/v1/routing/rules').expect(200)).body.rules;
    expect(rules.find((r: { id: string }) => r.id === 'ref-topik-sdabmbk')).toMatchObject({ version: 1, active: true, unitCode: 'SDABMBK' });
    const model = (await http().get('/api/v1/routing/model').expect(200)).body;
    expect(model).toMatchObject({ version: 1, trigger: 'start', nExamples: 0 });
  });

  it('routes a clear complaint automatically, with its reasons, and keeps the decision', async () => {
    const complaint = aComplaint();
    const received = await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    const [routed] = await waitFor('ticket.routed', () => routedOf(complaint.complaintId).length > 0 && routedOf(complaint.complaintId));
    expect(routed.causationId).toBe(received.id);
    expect(routed.data).toMatchObject({
      ticketId: complaint.complaintId,
      unitCode: 'SDABMBK',
      kecamatanCode: 'babelan',
      routedBy: 'auto',
      bounceCount: 0,
      // Where it came from travels with the decision, so desk needs no complaint.received of its own.
      complaint: { trackingId: complaint.trackingId, title: complaint.title, source: 'lapor-api', externalId: complaint.externalId },
    });
    expect(routed.data.confidence).toBeGreaterThanOrEqual(0.5);
    expect(routed.data.reasons.map((r) => r.source)).toEqual(expect.arrayContaining(['rule', 'gazetteer', 'model', 'policy']));
    expect(routed.data.reasons.find((r) => r.source === 'rule')?.text).toMatch(/jalan berlubang.*SDABMBK/);

    const [decision] = await decisionsOf(complaint.complaintId);
    expect(decision).toMatchObject({ id: routed.data.decisionId, outcome: 'route', unitCode: 'SDABMBK', routedBy: 'auto', modelVersion: 1, threshold: 0.5 });
    expect(decision.ruleSetVersion).toBeGreaterThan(0);
    expect(decision.reasons.find((r: { source: string }) => r.source === 'rule')).toMatchObject({ ruleId: 'ref-topik-sdabmbk', ruleVersion: 1 });
  });

  it('sends a vague complaint to triage with suggestions', async () => {
    const complaint = aComplaint({ title: 'Banjir', text: 'Banjir lagi di kampung kami.' });
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    const [triage] = await waitFor('complaint.triage-required', () => triageOf(complaint.complaintId).length > 0 && triageOf(complaint.complaintId));
    expect(triage.data.suggestions.slice(0, 2).map((s) => s.unitCode).sort()).toEqual(['BPBD', 'SDABMBK']);
    expect(triage.data.reason).toMatch(/di bawah ambang/);
    expect(triage.data).toMatchObject({ complaintId: complaint.complaintId, bounceCount: 0, refusedUnits: [], complaint: { source: 'lapor-api', externalId: complaint.externalId } });
    expect(routedOf(complaint.complaintId)).toEqual([]);
    const [decision] = await decisionsOf(complaint.complaintId);
    expect(decision).toMatchObject({ id: triage.data.decisionId, outcome: 'triage', unitCode: null });
    // What the admin's triage shows: three units by name, how sure, and the words that carried each.
    expect(decision.suggestions).toHaveLength(3);
    expect(decision.suggestions[0]).toMatchObject({ unitName: expect.any(String), confidence: expect.any(Number), words: expect.any(Array) });
    expect(decision.suggestions.slice(0, 2).map((x: { unitCode: string }) => x.unitCode).sort()).toEqual(['BPBD', 'SDABMBK']);
  });

  it('learns a unit the registry does not know from a history label: a provisional unit, and the example kept', async () => {
    const complaint = aComplaint({
      historical: true,
      source: 'lapor-import',
      title: 'Pupuk langka',
      text: 'Pupuk subsidi langka di Desa Sukamurni, petani kesulitan',
      historicalDisposition: { unitName: 'Dinas Pertanian Kabupaten Bekasi', unitCode: null, laporStatus: 'Ditutup oleh Sistem' },
    });
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    const example = await waitFor('the training example', () => trainingExample(complaint.complaintId));
    expect(example).toEqual({ unit_code: 'DINAS_PERTANIAN', source: 'history' });
    const unit = (await http().get('/api/v1/routing/units/DINAS_PERTANIAN').expect(200)).body;
    expect(unit).toMatchObject({ name: 'Dinas Pertanian Kabupaten Bekasi', kind: 'dinas', provisional: true, active: true });
    expect(unit.changes[0]).toMatchObject({ change: 'created', detail: { source: 'history-label' } });
  });

  it('re-disposes after "bukan kewenangan" to a unit that has not refused, and sends a second bounce to triage', async () => {
    const complaint = aComplaint(streetLightsInHousing);
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    await waitFor('first triage', () => triageOf(complaint.complaintId).length === 1);
    const base = {
      ticketId: complaint.complaintId,
      trackingId: complaint.trackingId,
      kecamatanCode: 'tambun-selatan',
      classification: complaint.classification,
      receivedAt: complaint.receivedAt,
      from: 'assigned' as const,
      to: 'reassign_requested' as const,
      actor: { role: 'officer' as const },
      at: clock.now().toISOString(),
    };
    await publish(
      TicketReassignRequestedV1,
      { ...base, unitCode: null, version: 3, reason: 'PJU jalan kabupaten, bukan di lingkungan perumahan', refusedUnits: ['DISHUB'], bounceCount: 1 },
      complaint.complaintId,
    );
    const [rerouted] = await waitFor('ticket.routed after the refusal', () => routedOf(complaint.complaintId).length > 0 && routedOf(complaint.complaintId));
    expect(rerouted.data).toMatchObject({ unitCode: 'DISPERKIMTAN', bounceCount: 1, routedBy: 'auto', complaint: { source: 'lapor-api', externalId: complaint.externalId } });
    expect(rerouted.data.alternatives.map((a) => a.unitCode)).not.toContain('DISHUB');
    expect(rerouted.data.reasons.find((r) => r.source === 'policy' && (r.detail as { policy: string }).policy === 'excluded')?.text).toMatch(/Dishub/i);

    await publish(
      TicketReassignRequestedV1,
      { ...base, unitCode: null, version: 6, reason: 'Bukan aset perumahan kami', refusedUnits: ['DISPERKIMTAN'], bounceCount: 2 },
      complaint.complaintId,
    );
    await waitFor('second triage', () => triageOf(complaint.complaintId).length === 2);
    const second = triageOf(complaint.complaintId)[1].data;
    expect(second).toMatchObject({ bounceCount: 2 });
    expect(second.refusedUnits.sort()).toEqual(['DISHUB', 'DISPERKIMTAN']);
    expect(second.reason).toMatch(/2 kali dikembalikan/);
    expect(second.suggestions.map((s) => s.unitCode)).not.toEqual(expect.arrayContaining(['DISHUB']));
    expect(second.suggestions.map((s) => s.unitCode)).not.toEqual(expect.arrayContaining(['DISPERKIMTAN']));
    expect(routedOf(complaint.complaintId)).toHaveLength(1);
    expect((await decisionsOf(complaint.complaintId)).map((d: { trigger: string; outcome: string }) => `${d.trigger}:${d.outcome}`)).toEqual([
      'complaint-received:triage',
      'reassign-requested:route',
      'reassign-requested:triage',
    ]);
  });

  it('routes a redelivered complaint once, even announced again under a new event id', async () => {
    const complaint = aComplaint();
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId, 2);
    const again = await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    await waitFor('the third delivery applied', () => applied(again.id));
    await waitFor('ticket.routed', () => routedOf(complaint.complaintId).length > 0);
    expect(await decisionsOf(complaint.complaintId)).toHaveLength(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."outbox" WHERE message_key = $1`, [complaint.complaintId]);
    expect(n).toBe(1);
    expect(routedOf(complaint.complaintId)).toHaveLength(1);
  });

  it('applies a batch as one: a complaint announced twice in it is decided once, two spellings of a new unit make one unit', async () => {
    const twice = aComplaint();
    const other = aComplaint(streetLightsInHousing);
    const history = (unitName: string) =>
      aComplaint({
        historical: true,
        source: 'lapor-import',
        title: 'Nelayan kesulitan solar',
        text: 'Nelayan di Desa Pantai Bahagia kesulitan mendapat solar bersubsidi',
        historicalDisposition: { unitName, unitCode: null, laporStatus: 'Ditutup oleh Sistem' },
      });
    const first = history('Dinas Perikanan Kabupaten Bekasi');
    const second = history(' DINAS PERIKANAN KABUPATEN BEKASI ');
    // One key, so one partition: the events arrive in this order.
    const key = randomUUID();
    const sent = await publishTogether(ComplaintReceivedV1, [twice, twice, other, first, second].map((data) => ({ data, subject: key })));
    await waitFor('the whole send applied', async () => (await Promise.all(sent.map((e) => applied(e.id)))).every(Boolean));
    expect(await decisionsOf(twice.complaintId)).toHaveLength(1);
    expect(await decisionsOf(other.complaintId)).toHaveLength(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."outbox" WHERE message_key = $1`, [twice.complaintId]);
    expect(n).toBe(1);
    expect(await trainingExample(first.complaintId)).toEqual({ unit_code: 'DINAS_PERIKANAN', source: 'history' });
    expect(await trainingExample(second.complaintId)).toEqual({ unit_code: 'DINAS_PERIKANAN', source: 'history' });
    const units = await db.query(`SELECT code FROM "${infra.schema}"."units" WHERE code LIKE 'DINAS_PERIKANAN%'`);
    expect(units).toEqual([{ code: 'DINAS_PERIKANAN' }]);
    expect(await decisionsOf(first.complaintId)).toEqual([]);
  });

  it('learns from a historical complaint without routing it', async () => {
    const complaint = aComplaint({
      historical: true,
      source: 'lapor-import',
      title: 'Sampah menumpuk',
      text: 'Sampah di TPS liar Desa Buni Bakti tidak diangkut dua minggu',
      historicalDisposition: { unitName: 'Dinas Lingkungan Hidup Kab. Bekasi', unitCode: null, laporStatus: 'Ditutup oleh Sistem' },
    });
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    const example = await waitFor('the training example', () => trainingExample(complaint.complaintId));
    expect(example).toEqual({ unit_code: 'DLH', source: 'history' });
    expect(await decisionsOf(complaint.complaintId)).toEqual([]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."outbox" WHERE message_key = $1`, [complaint.complaintId]);
    expect(n).toBe(0);
  });

  it("turns the admin's disposition in desk (ticket.assigned by admin) into a training example", async () => {
    const complaint = aComplaint({ title: 'Banjir', text: 'Banjir setinggi lutut di Perumahan Villa Mutiara, warga butuh perahu karet' });
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    await waitFor('triage', () => triageOf(complaint.complaintId).length > 0 || routedOf(complaint.complaintId).length > 0);
    await publish(
      TicketAssignedV1,
      {
        ticketId: complaint.complaintId,
        trackingId: complaint.trackingId,
        unitCode: 'BPBD',
        kecamatanCode: null,
        classification: complaint.classification,
        receivedAt: complaint.receivedAt,
        from: 'triage',
        to: 'assigned',
        version: 2,
        actor: { role: 'admin', userId: 'admin-1' },
        at: clock.now().toISOString(),
        decisionId: randomUUID(),
        routedBy: 'admin',
      },
      complaint.complaintId,
    );
    expect(await waitFor('the training example', () => trainingExample(complaint.complaintId))).toEqual({ unit_code: 'BPBD', source: 'admin' });
    const [kept] = await db.query(`SELECT "status", "unit_code" FROM "${infra.schema}"."complaints" WHERE "complaint_id" = $1`, [complaint.complaintId]);
    expect(kept).toEqual({ status: 'routed', unit_code: 'BPBD' });
  });

  it('records an admin disposition over HTTP: ticket.routed by admin, a decision and a training example', async () => {
    const complaint = aComplaint({ title: 'tolong', text: 'pak tolong dong diperbaiki udah lama bgt ga ada tindakan' });
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    await waitFor('triage', () => triageOf(complaint.complaintId).length > 0);
    const url = `/api/v1/routing/complaints/${complaint.complaintId}/dispositions`;
    const bad = await http().post(url).send({ unitCode: 'dinas pu' }).expect(400);
    expect(bad.body.errors[0].field).toBe('unitCode');
    await http().post(url).send({ unitCode: 'NOPE' }).expect(400);
    await http().post(`/api/v1/routing/complaints/${randomUUID()}/dispositions`).send({ unitCode: 'DLH' }).expect(404);
    const res = await http().post(url).send({ unitCode: 'SDABMBK', note: 'jalan kabupaten' }).expect(201);
    expect(res.body).toMatchObject({ outcome: 'route', routedBy: 'admin', unitCode: 'SDABMBK', confidence: 1, trigger: 'admin' });
    const [routed] = await waitFor('ticket.routed by admin', () => routedOf(complaint.complaintId).length > 0 && routedOf(complaint.complaintId));
    expect(routed.data).toMatchObject({ routedBy: 'admin', unitCode: 'SDABMBK', decisionId: res.body.id });
    expect(routed.data.reasons[0]).toMatchObject({ source: 'admin' });
    expect(await trainingExample(complaint.complaintId)).toEqual({ unit_code: 'SDABMBK', source: 'admin' });
  });

  it('retrains on command from the stored examples and reports held-out figures', async () => {
    const res = await http().post('/api/v1/routing/model/retrain').expect(201);
    // A handful of examples is too few to validate a threshold on: nothing would be auto-routed
    // (this deployment's tests fix the threshold at 0.5 through ROUTING_AUTO_THRESHOLD).
    expect(res.body).toMatchObject({ trigger: 'command', threshold: null });
    expect(res.body.metrics.thresholdReason).toMatch(/^riwayat disposisi baru \d+ laporan .*semua laporan ke triase/);
    expect(res.body.nExamples).toBeGreaterThanOrEqual(3);
    expect(res.body.version).toBeGreaterThan(1);
    expect((await http().get('/api/v1/routing/model').expect(200)).body.version).toBe(res.body.version);
    // The schedule retrains only when examples were added or relabelled since the last model.
    const training = app.get(ModelTrainingService);
    expect(await training.retrain('schedule', { onlyIfNewExamples: true })).toBeNull();
    const complaint = aComplaint({ historical: true, historicalDisposition: { unitName: 'DLH', unitCode: 'DLH', laporStatus: null } });
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    await waitFor('the new example', () => trainingExample(complaint.complaintId));
    expect((await training.retrain('schedule', { onlyIfNewExamples: true }))?.version).toBe(res.body.version + 1);
  });

  it('manages versioned rules and tests a text against them', async () => {
    await http().post('/api/v1/routing/rules').send({ kind: 'keyword', patterns: ['x'], unitCode: 'DCKTR' }).expect(400);
    await http().post('/api/v1/routing/rules').send({ id: 'baliho-roboh', kind: 'keyword', patterns: ['baliho roboh'], unitCode: 'NOPE' }).expect(400);
    const created = await http()
      .post('/api/v1/routing/rules')
      .send({ id: 'baliho-roboh', kind: 'keyword', patterns: ['baliho roboh', 'reklame roboh'], unitCode: 'DCKTR', priority: 2 })
      .expect(201);
    expect(created.body).toMatchObject({ id: 'baliho-roboh', version: 1, active: true });
    await http().post('/api/v1/routing/rules').send({ id: 'baliho-roboh', kind: 'keyword', patterns: ['baliho'], unitCode: 'DCKTR' }).expect(409);

    const text = { title: 'Baliho roboh', text: 'Baliho besar roboh menimpa warung di pinggir jalan' };
    const tested = await http().post('/api/v1/routing/rules/test').send(text).expect(200);
    expect(tested.body.matches).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'baliho-roboh', ruleVersion: 1, unitCode: 'DCKTR', matchedPatterns: ['baliho roboh'] })]));
    const best = tested.body.decision.unitCode ?? tested.body.decision.alternatives[0].unitCode;
    expect(best).toBe('DCKTR');
    expect(tested.body.ruleSetVersion).toBe(Number(created.body.revision));

    const changed = await http().put('/api/v1/routing/rules/baliho-roboh').send({ unitCode: 'SATPOL_PP' }).expect(200);
    expect(changed.body).toMatchObject({ version: 2, unitCode: 'SATPOL_PP', patterns: ['baliho roboh', 'reklame roboh'] });
    await http().post('/api/v1/routing/rules/baliho-roboh/deactivate').expect(200);
    const versions = (await http().get('/api/v1/routing/rules/baliho-roboh').expect(200)).body.versions;
    expect(versions.map((v: { version: number; active: boolean; unitCode: string }) => [v.version, v.active, v.unitCode])).toEqual([
      [1, true, 'DCKTR'],
      [2, true, 'SATPOL_PP'],
      [3, false, 'SATPOL_PP'],
    ]);
    const after = await http().post('/api/v1/routing/rules/test').send(text).expect(200);
    expect(after.body.matches.map((m: { ruleId: string }) => m.ruleId)).not.toContain('baliho-roboh');
    const bad = await http().post('/api/v1/routing/rules/test').send({ title: 'x' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('text');
  });

  it('merges a unit without losing its history, and routes its work to the successor', async () => {
    const complaint = aComplaint(streetLightsInHousing);
    await publish(ComplaintReceivedV1, complaint, complaint.complaintId);
    await waitFor('triage', () => triageOf(complaint.complaintId).length > 0);
    const before = (await decisionsOf(complaint.complaintId))[0];
    expect(before.alternatives.map((a: { unitCode: string }) => a.unitCode)).toContain('DISPERKIMTAN');

    await http().post('/api/v1/routing/units/DISPERKIMTAN/merge').send({ into: 'DISPERKIMTAN' }).expect(400);
    const merged = await http().post('/api/v1/routing/units/DISPERKIMTAN/merge').send({ into: 'DCKTR' }).expect(200);
    expect(merged.body).toMatchObject({ code: 'DISPERKIMTAN', active: false, replacedBy: 'DCKTR', currentCode: 'DCKTR' });
    const unit = (await http().get('/api/v1/routing/units/DISPERKIMTAN').expect(200)).body;
    expect(unit.changes.map((c: { change: string }) => c.change)).toEqual(['created', 'merged']);

    // History stays readable under the old code.
    expect((await decisionsOf(complaint.complaintId))[0]).toEqual(before);
    // New decisions see DCKTR where DISPERKIMTAN's evidence was.
    const tested = await http().post('/api/v1/routing/rules/test').send(streetLightsInHousing).expect(200);
    const candidates = [tested.body.decision.unitCode, ...tested.body.decision.alternatives.map((a: { unitCode: string }) => a.unitCode)];
    expect(candidates).toContain('DCKTR');
    expect(candidates).not.toContain('DISPERKIMTAN');
    const refused = await http().post(`/api/v1/routing/complaints/${complaint.complaintId}/dispositions`).send({ unitCode: 'DISPERKIMTAN' }).expect(400);
    expect(refused.body.message).toMatch(/gunakan DCKTR/);
  });

  it('adds spellings to the gazetteer', async () => {
    await http().post('/api/v1/routing/places/kecamatan/cibitung/aliases').send({ aliases: ['Cibitungg'] }).expect(201);
    const tested = await http().post('/api/v1/routing/rules/test').send({ text: 'sampah menumpuk di pinggir jalan cibitungg' }).expect(200);
    expect(tested.body.decision.kecamatanCode).toBe('cibitung');
    await http().post('/api/v1/routing/places').send({ kind: 'desa', name: 'Gandamekar', kecamatanCode: 'cikarang-barat', aliases: ['Ganda Mekar'] }).expect(201);
    const desa = await http().post('/api/v1/routing/rules/test').send({ text: 'sampah menumpuk di ganda mekar' }).expect(200);
    expect(desa.body.decision.kecamatanCode).toBe('cikarang-barat');
    await http().post('/api/v1/routing/places').send({ kind: 'desa', name: 'Entah', kecamatanCode: 'atlantis' }).expect(400);
  });

  // Last: the model version it stores is the one every decision after it uses.
  it("takes the units certified by a model version's own validation record into the decisions, and shows them to the admin", async () => {
    const schema = `"${infra.schema}"."model_versions"`;
    const [latest] = await db.query(`SELECT version, metrics FROM ${schema} ORDER BY version DESC LIMIT 1`);
    const certification = {
      unitCode: 'DLH',
      threshold: 0.42,
      routed: 30,
      correct: 30,
      estimatedPrecision: 0.91,
      recentRouted: 8,
      recentCorrect: 8,
      reason: 'ambang 0.420: 30 dari 30 keputusan validasi untuk unit ini di atas ambang tepat (presisi perkiraan ≥ 90%; 2 bulan terakhir 8 dari 8 tepat)',
    };
    const metrics = { ...latest.metrics, validation: { ...(latest.metrics.validation ?? {}), autoRouteUnits: [certification] } };
    await db.query(
      `INSERT INTO ${schema} (model_json, trained_at, examples_revision, n_examples, threshold, metrics, trigger)
       SELECT model_json, trained_at, examples_revision, n_examples, threshold, $1, 'command' FROM ${schema} WHERE version = $2`,
      [JSON.stringify(metrics), latest.version],
    );
    const knowledge = await app.get(RoutingKnowledge).load();
    expect(knowledge.modelVersion).toBeGreaterThan(latest.version);
    expect([...knowledge.autoRouteUnits]).toEqual([['DLH', 0.42]]);
    const model = (await http().get('/api/v1/routing/model').expect(200)).body;
    expect(model.metrics.validation.autoRouteUnits).toEqual([certification]);
  });
});
