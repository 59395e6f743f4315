import { randomUUID } from 'node:crypto';
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { FakeClock } from '@bekasi/clock';
import { CLOUDEVENTS_SPEC_VERSION, toKafkaRecord, type EventData, type EventDefinition, type TicketRouted } from '@bekasi/contracts';
import { configureApp } from '@bekasi/platform';
import { testAccessToken, TestInfra, TopicRecorder } from '@bekasi/testing';
import type { TicketSnapshot, TicketStatus } from '@bekasi/tickets-domain';
import { DeskModule } from '../src/app.module';
import { DeskConfig } from '../src/desk.config';
import { TicketRepository, type TicketRecord } from '../src/persistence/ticket.repository';
import { UserRepository } from '../src/persistence/user.repository';
import { DemoSeed } from '../src/users/demo-seed';
import { principalOfUser } from '../src/users/user-directory.service';

export const START = new Date('2026-01-05T02:00:00Z');

/** Desk on its own schema and topics of the real broker, with the demo users seeded. */
export class DeskTestApp {
  app!: NestExpressApplication;
  recorder!: TopicRecorder;
  private producer!: Producer;
  readonly clock = new FakeClock(START);

  private constructor(readonly infra: TestInfra) {}

  static async start(label: string, overrides: Record<string, string> = {}): Promise<DeskTestApp> {
    const t = new DeskTestApp(await TestInfra.create(label));
    const config = t.infra.config(DeskConfig, { LOGIN_RATE_LIMIT: '5', ...overrides });
    const moduleRef = await Test.createTestingModule({ imports: [DeskModule.forRoot({ configValues: config, clock: t.clock })] }).compile();
    t.app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    await configureApp(t.app, { service: 'desk', title: 'desk' });
    await t.app.get(DemoSeed).seed();
    t.recorder = await new TopicRecorder(t.infra.kafka, t.infra.naming.physical('tickets')).start();
    t.producer = t.infra.kafka.producer();
    await t.producer.connect();
    return t;
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
    await this.recorder?.stop().catch(() => undefined);
    await this.app?.close();
    await this.infra.cleanup();
  }

  get http() {
    return this.app.getHttpServer();
  }

  get db(): DataSource {
    return this.app.get(DataSource);
  }

  /** A valid access token of a seeded user, as login would issue it. */
  async tokenOf(username: string, options: { expired?: boolean } = {}): Promise<string> {
    const user = await new UserRepository(this.db).byUsername(username);
    if (!user) throw new Error(`no user ${username}`);
    return testAccessToken(principalOfUser(user), options);
  }

  /** Puts an event on the broker the way its producer's relay would (binary CloudEvents). */
  async publish<D extends EventDefinition>(definition: D, data: EventData<D>, subject: string, id: string = randomUUID()): Promise<string> {
    const record = toKafkaRecord({
      id,
      source: '/bekasi-lapor/routing',
      type: definition.type,
      specversion: CLOUDEVENTS_SPEC_VERSION,
      time: this.clock.now().toISOString(),
      subject,
      datacontenttype: 'application/json',
      correlationid: id,
      causationid: id,
      data,
    });
    await this.producer.send({ topic: this.infra.naming.physical(definition.topic as 'tickets'), messages: [record] });
    return id;
  }

  /** Data of the events desk published about `ticketId`, in order, with their type. */
  eventsOf(ticketId: string): { type: string; data: any }[] {
    // The recorder reads at least once (a rebalance may replay): one entry per event id.
    const seen = new Set<string>();
    return this.recorder.messages
      .filter((m) => m.message.key?.toString() === ticketId && String(m.message.headers?.ce_source) === '/bekasi-lapor/desk')
      .filter((m) => {
        const id = String(m.message.headers?.ce_id);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      })
      .map((m) => ({
        type: String(m.message.headers?.ce_type).replace('id.go.bekasi.lapor.', '').replace(/\.v1$/, ''),
        data: JSON.parse(m.message.value!.toString()),
      }));
  }

  /** A ticket stored directly in `status` (for tests about the API, not about how it got there). */
  async ticketIn(status: TicketStatus, unitCode: string | null, changes: Partial<TicketSnapshot> = {}): Promise<TicketRecord> {
    const id = randomUUID();
    const record: TicketRecord = {
      snapshot: {
        id,
        version: 3,
        status,
        unitCode,
        pausedFrom: null,
        pausedAt: null,
        bounceCount: 0,
        refusedUnitCodes: [],
        reopenCount: 0,
        receivedAt: START,
        assignedAt: unitCode ? START : null,
        answeredAt: status === 'answered' ? START : null,
        closedAt: null,
        closedBy: null,
        rating: null,
        archive: null,
        updatedAt: START,
        ...changes,
      },
      complaint: aComplaint().facts,
      triageReason: null,
      triageSuggestions: [],
      lastDecisionId: null,
      overdueSince: null,
    };
    await this.db.transaction((tx) => new TicketRepository(tx).insert(record));
    return record;
  }
}

let seq = 0;
/** A complaint as routing describes it (masked text, no identity). */
export function aComplaint(overrides: Partial<TicketRouted['complaint']> = {}) {
  seq += 1;
  const complaint: TicketRouted['complaint'] = {
    trackingId: `LAP-${Date.now().toString(36)}-${seq}`,
    title: 'Bantuan sosial belum diterima',
    text: 'Keluarga kami terdaftar DTKS tetapi bantuan PKH belum cair sejak Oktober. Hubungi [nomor telepon disamarkan].',
    category: 'Bantuan Sosial',
    classification: 'Pengaduan Tidak Berkadar Pengawasan',
    receivedAt: '2026-01-05T01:00:00.000Z',
    anonymous: false,
    confidential: false,
    channel: 'WhatsApp',
    priority: 'normal',
    ...overrides,
  };
  return {
    complaint,
    facts: {
      trackingId: complaint.trackingId,
      title: complaint.title,
      text: complaint.text,
      category: complaint.category,
      classification: complaint.classification,
      kecamatanCode: 'babelan',
      anonymous: complaint.anonymous,
      confidential: complaint.confidential,
      channel: complaint.channel,
      priority: complaint.priority,
    },
  };
}

export function aRoutedEvent(ticketId: string, unitCode: string, overrides: Partial<TicketRouted> = {}): TicketRouted {
  return {
    ticketId,
    decisionId: randomUUID(),
    unitCode,
    kecamatanCode: 'babelan',
    confidence: 0.91,
    routedBy: 'auto',
    reasons: [{ source: 'rule', text: 'Kata kunci "bantuan sosial" → Dinas Sosial', unitCode }],
    alternatives: [{ unitCode: 'KEC_BABELAN', score: 0.4 }],
    bounceCount: 0,
    complaint: aComplaint().complaint,
    ...overrides,
  };
}
