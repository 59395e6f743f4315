// An admin regroups a unit in desk; sla, escalation and ikp (each with its own schema, on the real
// broker and database) move the unit's deadlines, escalations and IKP rows to the new Asda at once.
import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { Producer } from 'kafkajs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthPrincipal } from '@bekasi/auth';
import { CE_HEADER, CLOUDEVENTS_SPEC_VERSION, SlaBreachedV1, TICKET_LIFECYCLE_EVENTS, toKafkaRecord, UnitRegroupedV1, type EventDefinition } from '@bekasi/contracts';
import { FakeClock } from '@bekasi/clock';
import { configureApp, type ServiceConfig } from '@bekasi/platform';
import { UNITS } from '@bekasi/reference-data';
import { testAccessToken, TEST_DATABASE_URL, TestInfra, TopicRecorder, waitFor } from '@bekasi/testing';
import { DeskModule } from '../../apps/desk/src/app.module';
import { DeskConfig } from '../../apps/desk/src/desk.config';
import { UserRepository } from '../../apps/desk/src/persistence/user.repository';
import { DemoSeed } from '../../apps/desk/src/users/demo-seed';
import { UnitGroupsAnnouncement } from '../../apps/desk/src/users/unit-groups-announcement';
import { principalOfUser } from '../../apps/desk/src/users/user-directory.service';
import { EscalationAppModule } from '../../apps/escalation/src/app.module';
import { EscalationConfig } from '../../apps/escalation/src/escalation.config';
import { IkpAppModule } from '../../apps/ikp/src/app.module';
import { IkpConfig } from '../../apps/ikp/src/ikp.config';
import { SlaAppModule } from '../../apps/sla/src/app.module';
import { SlaConfig } from '../../apps/sla/src/sla.config';

const SERVICES = ['desk', 'sla', 'escalation', 'ikp'] as const;
type Service = (typeof SERVICES)[number];
const CONSUMERS = ['sla', 'escalation', 'ikp'] as const;

// A dinas of Asda I in the reference data, and one unit left where it is.
const UNIT = UNITS.find((u) => u.asda === 'I' && u.kind === 'dinas')!.code;
const asda = (group: 'I' | 'II' | 'III') => testAccessToken({ role: 'asda', asdaGroup: group, unitCode: null, username: `asda${group.length}` } as Partial<AuthPrincipal>);

describe('regrouping a unit in desk moves its SLA data, escalations and IKP rows to the new Asda', () => {
  let infra: TestInfra;
  const apps = {} as Record<Service, NestExpressApplication>;
  let producer: Producer;
  let units: TopicRecorder;
  const schemaOf = (s: Service) => `${infra.schema}_${s}`;
  const db = (s: Service) => apps[s].get(DataSource);
  const ticketId = randomUUID();
  const now = new Date();
  // Desk's business clock, to be turned back (a demo clock restarted) between two regroupings.
  const deskClock = new FakeClock(now);

  async function start(service: Service, module: DynamicModule): Promise<void> {
    const ref = await Test.createTestingModule({ imports: [module] }).compile();
    const app = ref.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(app, { service, title: service });
    await app.init();
    apps[service] = app;
  }

  async function send(definition: EventDefinition, data: object, subject: string, id = randomUUID(), source = '/bekasi-lapor/desk'): Promise<string> {
    const record = toKafkaRecord({
      id, source, type: definition.type, specversion: CLOUDEVENTS_SPEC_VERSION, time: new Date().toISOString(),
      subject, datacontenttype: 'application/json', correlationid: id, causationid: id, data,
    });
    await producer.send({ topic: infra.naming.physical(definition.topic), messages: [record] });
    return id;
  }

  function ticketEvent(name: string, to: string, version: number, unitCode: string | null, extra: object = {}) {
    const definition = TICKET_LIFECYCLE_EVENTS.find((d) => d.name === name)!;
    return send(definition, {
      ticketId, trackingId: 'BKS-2026-000042', unitCode, kecamatanCode: null, classification: 'Pengaduan Tidak Berkadar Pengawasan',
      receivedAt: now.toISOString(), from: null, to, version, actor: { role: 'system', userId: 'desk' }, at: now.toISOString(), ...extra,
    }, ticketId);
  }

  const unitGroup = async (s: Service, unit = UNIT) =>
    (await db(s).query(`SELECT "asda_group", "event_id" FROM "${schemaOf(s)}"."unit_groups" WHERE "unit_code" = $1`, [unit]))[0];
  const ledgerCount = async (s: Service, eventId: string) =>
    Number((await db(s).query(`SELECT count(*) AS n FROM "${schemaOf(s)}"."applied_events" WHERE "event_id" = $1`, [eventId]))[0].n);
  const deadlinesSeenBy = async (token: string) =>
    (await request(apps.sla.getHttpServer()).get(`/api/v1/sla/deadlines?unitCode=${UNIT}`).set('authorization', `Bearer ${token}`).expect(200)).body.items.length;
  const ticketDeadlinesStatus = async (token: string) =>
    (await request(apps.sla.getHttpServer()).get(`/api/v1/sla/tickets/${ticketId}`).set('authorization', `Bearer ${token}`)).status;
  const escalationsSeenBy = async (token: string) =>
    (await request(apps.escalation.getHttpServer()).get('/api/v1/escalations').set('authorization', `Bearer ${token}`).expect(200)).body.items.filter((e: { unitCode: string }) => e.unitCode === UNIT).length;
  const ikpUnitStatus = async (token: string) =>
    (await request(apps.ikp.getHttpServer()).get(`/api/v1/ikp/units/${UNIT}`).set('authorization', `Bearer ${token}`)).status;
  const ikpBoardAsda = async () =>
    (await request(apps.ikp.getHttpServer()).get('/api/v1/ikp/scoreboard').set('authorization', `Bearer ${asda('I')}`).expect(200)).body.items.find((r: { unitCode: string }) => r.unitCode === UNIT)?.asda;
  async function deskToken(username: string): Promise<string> {
    const user = await new UserRepository(db('desk')).byUsername(username);
    return testAccessToken(principalOfUser(user!));
  }
  const regroup = async (group: string, unit = UNIT) =>
    request(apps.desk.getHttpServer()).patch(`/api/v1/units/${unit}`).set('authorization', `Bearer ${await deskToken('admin')}`).send({ asdaGroup: group });
  const outboxRegroupings = async () =>
    (await db('desk').query(`SELECT "event_id", "payload" FROM "${schemaOf('desk')}"."outbox" WHERE "event_type" = $1 ORDER BY "seq"`, [UnitRegroupedV1.type])).map((r: { event_id: string; payload: string }) => ({ id: r.event_id, data: JSON.parse(r.payload) }));

  /** The unit's deadlines, escalations and IKP rows are `owner`'s, and none of them `other`'s. */
  async function expectOnlyAsda(owner: 'I' | 'II' | 'III', other: 'I' | 'II' | 'III'): Promise<void> {
    for (const s of CONSUMERS) expect((await unitGroup(s)).asda_group).toBe(owner);
    expect(await deadlinesSeenBy(asda(owner))).toBeGreaterThan(0);
    expect(await ticketDeadlinesStatus(asda(owner))).toBe(200);
    expect(await escalationsSeenBy(asda(owner))).toBeGreaterThan(0);
    expect(await ikpUnitStatus(asda(owner))).toBe(200);
    expect(await ikpBoardAsda()).toBe(owner);
    expect(await deadlinesSeenBy(asda(other))).toBe(0);
    expect(await ticketDeadlinesStatus(asda(other))).toBe(404);
    expect(await escalationsSeenBy(asda(other))).toBe(0);
    expect(await ikpUnitStatus(asda(other))).toBe(404);
  }

  /** Waits until `group` sees the unit's deadlines, escalations and IKP unit. */
  async function followedTo(group: 'I' | 'II' | 'III'): Promise<void> {
    await waitFor(`Asda ${group} sees the deadlines`, async () => (await deadlinesSeenBy(asda(group))) > 0, 10_000);
    await waitFor(`Asda ${group} sees the escalation`, async () => (await escalationsSeenBy(asda(group))) > 0, 10_000);
    await waitFor(`Asda ${group} opens the IKP unit`, async () => (await ikpUnitStatus(asda(group))) === 200, 10_000);
  }

  beforeAll(async () => {
    infra = await TestInfra.create('unitgroups');
    const cfg = <C extends ServiceConfig>(cls: new () => C, s: Service, extra: Record<string, string> = {}) => infra.config(cls, { DB_SCHEMA: schemaOf(s), LAPOR_API_BASE_URL: '', ...extra });
    await start('desk', DeskModule.forRoot({ configValues: cfg(DeskConfig, 'desk'), clock: deskClock }));
    await start('sla', SlaAppModule.forRoot({ configValues: cfg(SlaConfig, 'sla') }));
    await start('escalation', EscalationAppModule.forRoot({ configValues: cfg(EscalationConfig, 'escalation', { ESCALATION_POLL_INTERVAL_MS: '3600000' }) }));
    await start('ikp', IkpAppModule.forRoot({ configValues: cfg(IkpConfig, 'ikp') }));
    await apps.desk.get(DemoSeed).seed();
    producer = infra.kafka.producer();
    await producer.connect();
    units = await new TopicRecorder(infra.kafka, infra.naming.physical('units')).start();

    // The unit's data in each service: a ticket assigned to it (sla deadlines, ikp facts) and a breach (escalation).
    await ticketEvent('ticket.received', 'received', 1, null);
    await ticketEvent('ticket.assigned', 'assigned', 2, UNIT, { decisionId: randomUUID(), routedBy: 'auto' });
    const breachedAt = new Date(now.getTime() - 60_000).toISOString();
    await send(SlaBreachedV1, { ticketId, unitCode: UNIT, deadlineKind: 'first-response', deadlineAt: breachedAt, policyVersion: 'lapor-default-2025', breachedAt }, ticketId, randomUUID(), '/bekasi-lapor/sla');
    await waitFor('sla deadlines of the unit', async () => (await deadlinesSeenBy(asda('I'))) > 0, 30_000);
    await waitFor('the escalation of the unit', async () => (await escalationsSeenBy(asda('I'))) > 0, 30_000);
  });

  afterAll(async () => {
    await units?.stop().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    for (const s of [...SERVICES].reverse()) await apps[s]?.close().catch(() => undefined);
    const { Client } = await import('pg');
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    for (const s of SERVICES) await client.query(`DROP SCHEMA IF EXISTS "${schemaOf(s)}" CASCADE`);
    await client.end();
    await infra.cleanup();
  });

  it('before: the unit is Asda I’s everywhere, and not Asda II’s', async () => {
    await expectOnlyAsda('I', 'II');
  });

  it('refuses a group that does not exist and an unknown unit, and writes no event for either or for no change', async () => {
    expect((await regroup('IV')).status).toBe(400);
    expect((await regroup('II', 'NOT_A_UNIT')).status).toBe(404);
    expect((await regroup('I')).status).toBe(200);
    const [officer] = await db('desk').query(`SELECT "username" FROM "${schemaOf('desk')}"."users" WHERE "role" = 'officer' AND "unit_code" = $1`, [UNIT]);
    const byOfficer = await request(apps.desk.getHttpServer()).patch(`/api/v1/units/${UNIT}`).set('authorization', `Bearer ${await deskToken(officer.username)}`).send({ asdaGroup: 'II' });
    expect(byOfficer.status).toBe(403);
    expect(await outboxRegroupings()).toEqual([]);
  });

  it('after the admin moves the unit to Asda II, Asda II sees its deadlines, escalations and IKP rows within seconds and Asda I no longer does', async () => {
    const started = Date.now();
    const res = await regroup('II');
    expect(res.status).toBe(200);
    expect(res.body.asdaGroup).toBe('II');
    const [event] = await outboxRegroupings();
    expect(event.data).toMatchObject({ unitCode: UNIT, asdaGroup: 'II', previousAsdaGroup: 'I', changedBy: 'admin' });
    await followedTo('II');
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    await expectOnlyAsda('II', 'I');
    // Published keyed by the unit code on the units topic.
    await waitFor('the event on the units topic', () => units.messages.length > 0);
    expect(String(units.messages[0].message.key)).toBe(UNIT);
    expect(String(units.messages[0].message.headers?.[CE_HEADER.type])).toBe(UnitRegroupedV1.type);
    // A compacted topic: the latest regrouping of every unit stays for a service that starts later.
    const admin = infra.kafka.admin();
    await admin.connect();
    const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: 2, name: infra.naming.physical('units'), configNames: ['cleanup.policy'] }] });
    await admin.disconnect();
    expect(resources[0].configEntries.find((c) => c.configName === 'cleanup.policy')?.configValue).toBe('compact');
  });

  it('applies a redelivered event once, and an older change arriving late changes nothing', async () => {
    const [event] = await outboxRegroupings();
    // The same event again (same id), and a change made before it (Asda III, an hour earlier) delivered after it.
    await send(UnitRegroupedV1, event.data, UNIT, event.id);
    const stale = await send(UnitRegroupedV1, { ...event.data, asdaGroup: 'III', changedAt: new Date(Date.parse(event.data.changedAt) - 3_600_000).toISOString() }, UNIT);
    for (const s of CONSUMERS) await waitFor(`${s} applied the late change`, async () => (await ledgerCount(s, stale)) === 1, 10_000);
    for (const s of CONSUMERS) {
      expect(await ledgerCount(s, event.id)).toBe(1);
      expect(await unitGroup(s)).toEqual({ asda_group: 'II', event_id: event.id });
    }
    expect(await deadlinesSeenBy(asda('III'))).toBe(0);
    expect(await escalationsSeenBy(asda('II'))).toBeGreaterThan(0);
    expect(await ikpUnitStatus(asda('III'))).toBe(404);
  });

  it('moving it on again to Asda III follows the same way, one event per change, even with desk\'s clock turned back', async () => {
    deskClock.set(new Date(now.getTime() - 3_600_000));
    expect((await regroup('III')).status).toBe(200);
    deskClock.set(now);
    const [toII, toIII] = await outboxRegroupings();
    expect(Date.parse(toIII.data.changedAt)).toBeGreaterThan(Date.parse(toII.data.changedAt));
    await followedTo('III');
    await expectOnlyAsda('III', 'II');
    expect((await outboxRegroupings()).map((e: { data: { previousAsdaGroup: string; asdaGroup: string } }) => `${e.data.previousAsdaGroup}→${e.data.asdaGroup}`)).toEqual(['I→II', 'II→III']);
  });

  it('a malformed regrouping goes to units.dlq from each service and changes nothing', async () => {
    const dlq = await new TopicRecorder(infra.kafka, infra.naming.deadLetter('units')).start();
    try {
      const bad = await send(UnitRegroupedV1, { unitCode: UNIT, asdaGroup: 'IV', previousAsdaGroup: 'III', changedAt: new Date().toISOString(), changedBy: 'admin' }, UNIT);
      const lettersOf = () => dlq.messages.filter((m) => String(m.message.headers?.[CE_HEADER.id]) === bad);
      await waitFor('a dead letter from sla, escalation and ikp', () => lettersOf().length >= CONSUMERS.length, 20_000);
      expect(new Set(lettersOf().map((m) => String(m.message.headers?.dlq_consumer_group))).size).toBe(CONSUMERS.length);
      await expectOnlyAsda('III', 'II');
    } finally {
      await dlq.stop();
    }
  });

  it('a unit regrouped in desk before the event existed is announced once at boot, and the services follow', async () => {
    const other = UNITS.find((u) => u.asda === 'I' && u.code !== UNIT)!.code;
    // As a regrouping made by an earlier version left it: the table changed, nothing announced.
    await db('desk').query(`UPDATE "${schemaOf('desk')}"."units" SET "asda_group" = 'III' WHERE "code" = $1`, [other]);
    const announcement = apps.desk.get(UnitGroupsAnnouncement);
    expect(await announcement.announce()).toBe(1);
    expect(await announcement.announce()).toBe(0);
    for (const s of CONSUMERS) await waitFor(`${s} moved ${other}`, async () => (await unitGroup(s, other))?.asda_group === 'III', 10_000);
    const announced = (await outboxRegroupings()).filter((e: { data: { unitCode: string } }) => e.data.unitCode === other);
    expect(announced.map((e: { data: object }) => e.data)).toEqual([expect.objectContaining({ asdaGroup: 'III', previousAsdaGroup: 'I', changedBy: 'system' })]);
    // The admin putting it back is one more change, announced like any other.
    expect((await regroup('I', other)).status).toBe(200);
    for (const s of CONSUMERS) await waitFor(`${s} moved ${other} back`, async () => (await unitGroup(s, other))?.asda_group === 'I', 10_000);
  });
});
