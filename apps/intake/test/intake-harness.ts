// Starts intake in-process against the test's own schema, topics and Redis prefix (and, when asked,
// a lapor-sim on an ephemeral port), and reads what intake published.
import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FakeClock } from '@bekasi/clock';
import { ComplaintReceivedV1, fromKafkaMessage, type ComplaintReceived } from '@bekasi/contracts';
import { configureApp } from '@bekasi/platform';
import { TestInfra, TopicRecorder } from '@bekasi/testing';
import { AppModule } from '../src/app.module';
import { IntakeConfig } from '../src/intake.config';
import type { LaporPollerHooks } from '../src/lapor-poll/lapor-poller';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { waitFor } from '@bekasi/testing';

export async function startIntake(infra: TestInfra, overrides: Record<string, string> = {}, pollerHooks?: LaporPollerHooks) {
  const clock = new FakeClock(new Date('2026-10-20T03:00:00Z'));
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.forRoot({ configValues: infra.config(IntakeConfig, overrides), clock, pollerHooks })],
  }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  await configureApp(app, { service: 'intake', title: 'intake', bodyLimit: overrides.INTAKE_BODY_LIMIT ?? '256kb' });
  return { app, clock };
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** lapor-sim as its own process (apps never import apps), on a free port. */
export async function startLaporSim(env: Record<string, string> = {}) {
  const root = resolve(__dirname, '../../..');
  const port = await freePort();
  const child = spawn(process.execPath, ['tools/run.js', 'apps/lapor-sim/src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'silent', LAPOR_SIM_RATE: '0', LAPOR_SIM_DUPLICATE_RATE: '0', LAPOR_SIM_MALFORMED_RATE: '0', ...env },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor('lapor-sim to answer', async () => (await fetch(`${baseUrl}/health/ready`).catch(() => null))?.ok, 30_000, 200);
  return {
    baseUrl,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    }),
  };
}

/** complaint.received events on the test's topic, decoded. */
export class ComplaintTopic {
  private constructor(private readonly recorder: TopicRecorder) {}

  static async start(infra: TestInfra) {
    return new ComplaintTopic(await new TopicRecorder(infra.kafka, infra.naming.physical(ComplaintReceivedV1.topic)).start());
  }

  events(): ComplaintReceived[] {
    return this.recorder.messages
      .map(({ message }) => fromKafkaMessage(message))
      .filter((e) => e.type === ComplaintReceivedV1.type)
      .map((e) => e.data as ComplaintReceived);
  }

  raw(): string[] {
    return this.recorder.messages.map(({ message }) => `${message.value?.toString() ?? ''}`);
  }

  stop() {
    return this.recorder.stop();
  }
}
