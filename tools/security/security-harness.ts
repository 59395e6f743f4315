// Every service of the system in this process, each on its own ephemeral port and PostgreSQL schema,
// on one test topic set of the real broker, with the gateway in front: what test:security attacks.
import type { AddressInfo } from 'node:net';
import { Test } from '@nestjs/testing';
import type { DynamicModule, INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DemoSeed } from '../../apps/desk/src/users/demo-seed';
import { DeskModule } from '../../apps/desk/src/app.module';
import { DeskConfig } from '../../apps/desk/src/desk.config';
import { EscalationAppModule } from '../../apps/escalation/src/app.module';
import { EscalationConfig } from '../../apps/escalation/src/escalation.config';
import { GatewayModule } from '../../apps/gateway/src/app.module';
import { mountGateway, upstreamsOf } from '../../apps/gateway/src/gateway';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { IkpAppModule } from '../../apps/ikp/src/app.module';
import { IkpConfig } from '../../apps/ikp/src/ikp.config';
import { AppModule as IntakeModule } from '../../apps/intake/src/app.module';
import { IntakeConfig } from '../../apps/intake/src/intake.config';
import { RoutingAppModule } from '../../apps/routing/src/app.module';
import { RoutingConfig } from '../../apps/routing/src/routing.config';
import { SlaAppModule } from '../../apps/sla/src/app.module';
import { SlaConfig } from '../../apps/sla/src/sla.config';
import { configureApp, loadConfig, type ServiceConfig } from '@bekasi/platform';
import { TestInfra, testAuth } from '@bekasi/testing';

export const SERVICES = ['desk', 'intake', 'routing', 'sla', 'escalation', 'ikp'] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface RunningSystem {
  infra: TestInfra;
  apps: Record<ServiceName | 'gateway', NestExpressApplication>;
  urls: Record<ServiceName | 'gateway', string>;
  stop(): Promise<void>;
}

async function listen(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
}

async function nestApp(module: DynamicModule, service: string, bodyLimit?: string): Promise<NestExpressApplication> {
  const ref = await Test.createTestingModule({ imports: [module] }).compile();
  const app = ref.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  await configureApp(app, { service, title: service, bodyLimit });
  return app;
}

/** Starts the six services and the gateway; `overrides` per service (environment values). */
export async function startSystem(label: string, overrides: Partial<Record<ServiceName, Record<string, string>>> = {}): Promise<RunningSystem> {
  const infra = await TestInfra.create(label);
  const cfg = <C extends ServiceConfig>(cls: new () => C, name: ServiceName) =>
    infra.config(cls, { DB_SCHEMA: `${infra.schema}_${name}`, LAPOR_API_BASE_URL: '', ...(overrides[name] ?? {}) });
  const apps = {} as RunningSystem['apps'];
  const urls = {} as RunningSystem['urls'];
  const started: INestApplication[] = [];
  const modules: Record<ServiceName, () => DynamicModule> = {
    desk: () => DeskModule.forRoot({ configValues: cfg(DeskConfig, 'desk') }),
    intake: () => IntakeModule.forRoot({ configValues: cfg(IntakeConfig, 'intake') }),
    routing: () => RoutingAppModule.forRoot({ configValues: cfg(RoutingConfig, 'routing') }),
    sla: () => SlaAppModule.forRoot({ configValues: cfg(SlaConfig, 'sla') }),
    escalation: () => EscalationAppModule.forRoot({ configValues: cfg(EscalationConfig, 'escalation') }),
    ikp: () => IkpAppModule.forRoot({ configValues: cfg(IkpConfig, 'ikp') }),
  };
  for (const name of SERVICES) {
    const app = await nestApp(modules[name](), name);
    started.push(app);
    apps[name] = app;
    urls[name] = await listen(app);
  }
  await apps.desk.get(DemoSeed).seed();
  const env: Record<string, string> = { ...testAuth().env, LOG_LEVEL: 'silent', GATEWAY_UPSTREAM_TIMEOUT_MS: '10000', WEB_ROOT: 'apps/web/public' };
  for (const name of SERVICES) env[`GATEWAY_${name.toUpperCase()}_URL`] = urls[name];
  const gatewayConfig = loadConfig(GatewayConfig, env);
  const gateway = await Test.createTestingModule({ imports: [GatewayModule.forRoot(upstreamsOf(gatewayConfig))] }).compile();
  apps.gateway = gateway.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  await configureApp(apps.gateway, { service: 'gateway', title: 'gateway', beforeBodyParsers: (a) => mountGateway(a, gatewayConfig) });
  started.push(apps.gateway);
  urls.gateway = await listen(apps.gateway);
  return {
    infra,
    apps,
    urls,
    async stop() {
      for (const app of started.reverse()) await app.close().catch(() => undefined);
      const { Client } = await import('pg');
      const client = new Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
      await client.connect();
      for (const name of SERVICES) await client.query(`DROP SCHEMA IF EXISTS "${infra.schema}_${name}" CASCADE`);
      await client.end();
      await infra.cleanup();
    },
  };
}

export interface HttpRoute {
  method: string;
  path: string;
}

/** The routes a running Nest application answers, read from its Express router (not from a list). */
export function routesOf(app: NestExpressApplication): HttpRoute[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: any[] }; _router?: { stack: any[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes: HttpRoute[] = [];
  for (const layer of stack) {
    const route = layer.route;
    if (!route?.path) continue;
    for (const method of Object.keys(route.methods ?? {})) if (route.methods[method] && method !== '_all') routes.push({ method: method.toUpperCase(), path: String(route.path) });
  }
  return routes;
}
