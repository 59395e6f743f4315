import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { readLaporApiRecord } from '@bekasi/intake-domain';
import { TestInfra, waitFor } from '@bekasi/testing';
import { ComplaintTopic, startIntake, startLaporSim } from './intake-harness';

describe('intake: the LAPOR! API poller against lapor-sim, real Kafka and PostgreSQL', () => {
  let infra: TestInfra;
  let sim: { baseUrl: string; stop: () => Promise<void> };
  let intake: NestExpressApplication | undefined;
  let topic: ComplaintTopic;
  let db: DataSource;
  const REPORTS = 230;

  beforeAll(async () => {
    infra = await TestInfra.create('intakepoll');
    sim = await startLaporSim({ LAPOR_SIM_SEED: '5', LAPOR_SIM_INITIAL_REPORTS: String(REPORTS), LAPOR_SIM_MALFORMED_RATE: '0.03', LAPOR_SIM_DUPLICATE_RATE: '0.5' });
    topic = await ComplaintTopic.start(infra);
    db = await infra.dataSource();
  });
  afterAll(async () => {
    await intake?.close();
    await topic?.stop();
    await sim?.stop();
    await infra?.cleanup();
  });

  const pollerSettings = () => ({ LAPOR_API_BASE_URL: sim.baseUrl, LAPOR_POLL_PAGE_SIZE: '40', LAPOR_POLL_INTERVAL_MS: '50', LAPOR_POLL_TIMEOUT_MS: '400', LAPOR_POLL_MAX_BACKOFF_MS: '200' });
  const cursor = async () => (await db.query(`SELECT "cursor" FROM "${infra.schema}"."lapor_poll_cursor"`))[0]?.cursor ?? null;
  const stored = async () => (await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."complaints"`))[0].n as number;

  /** What a perfect reader would take from the feed: the readable records, each once. */
  async function expectedFromFeed(): Promise<{ good: Set<string>; malformed: number }> {
    const res = await request(sim.baseUrl).get('/api/v1/reports').query({ limit: 1000 }).expect(200);
    const good = new Set<string>();
    let malformed = 0;
    for (const item of res.body.items) {
      const reading = readLaporApiRecord(item);
      if (reading.draft) good.add(reading.draft.externalId);
      else malformed++;
    }
    return { good, malformed };
  }

  it('survives a crash mid-page: after restart nothing is skipped and nothing repeated', async () => {
    const { good, malformed } = await expectedFromFeed();
    expect(good.size + malformed).toBe(REPORTS);
    expect(malformed).toBeGreaterThan(0);

    let crashed = false;
    const crashing = await startIntake(infra, pollerSettings(), {
      afterRecord: (position) => {
        // The third page dies halfway, after some of its complaints were written.
        if (!crashed && position === 20) {
          return cursor().then((c) => {
            if (c === '80') {
              crashed = true;
              throw new Error('simulated crash mid-page');
            }
          });
        }
      },
    });
    intake = crashing.app;
    await waitFor('the crash mid-page', () => crashed);
    await intake.close();
    intake = undefined;
    expect(await cursor()).toBe('80');

    intake = (await startIntake(infra, pollerSettings())).app;
    await waitFor('the poller to reach the end of the feed', async () => (await cursor()) === String(REPORTS), 30_000);
    expect(await stored()).toBe(good.size);
    await waitFor('every complaint on the topic', () => topic.events().length >= good.size);
    await new Promise((r) => setTimeout(r, 500));
    const published = topic.events().map((e) => e.externalId).sort();
    expect(published).toEqual([...good].sort());
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM "${infra.schema}"."lapor_poll_rejections"`);
    expect(n).toBe(malformed);
    for (const event of topic.events()) {
      expect(event.source).toBe('lapor-api');
      if (event.anonymous || event.confidential) expect(event.reporterName).toBeNull();
      expect(event.text).not.toMatch(/\b08\d{2}-\d{4}-\d{4}\b/);
    }
  });

  it('backs off on 5xx and slow answers, recovers, and reports lag and failures in metrics', async () => {
    const metrics = async () => (await request(intake!.getHttpServer()).get('/metrics').expect(200)).text;
    const failuresOf = async (reason: string) => Number((await metrics()).match(new RegExp(`intake_lapor_poll_failures_total\\{reason="${reason}"\\} (\\d+)`))?.[1] ?? 0);
    await request(sim.baseUrl).put('/admin/faults').send({ errorRate: 1, slowRate: 0, malformedRate: 0, duplicateRate: 0 }).expect(200);
    await request(sim.baseUrl).post('/admin/reports').send({ count: 60 }).expect(200);
    await waitFor('5xx answers counted as failures', async () => (await failuresOf('http')) >= 2);
    await request(sim.baseUrl).put('/admin/faults').send({ errorRate: 0, slowRate: 1, slowMs: 600 }).expect(200);
    await waitFor('slow answers abandoned as timeouts', async () => (await failuresOf('timeout')) >= 1);
    expect(await cursor()).toBe(String(REPORTS));
    await request(sim.baseUrl).put('/admin/faults').send({ slowRate: 0 }).expect(200);
    await waitFor('the poller to take the new reports once the API recovers', async () => (await cursor()) === String(REPORTS + 60), 30_000);
    const text = await metrics();
    expect(text).toMatch(/intake_lapor_poll_lag_seconds \d/);
    expect(text).toMatch(/intake_lapor_poll_records_total\{outcome="received"\} [1-9]/);
    const total = await stored();
    expect(total).toBeGreaterThan(REPORTS - 20 + 60 - 1);
    await waitFor('every stored complaint on the topic', () => new Set(topic.events().map((e) => e.externalId)).size === total);
    const ids = topic.events().map((e) => e.externalId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
