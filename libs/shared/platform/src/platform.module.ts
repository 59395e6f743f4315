import { DynamicModule, Global, Inject, Module, OnApplicationShutdown, OnModuleInit, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import Redis from 'ioredis';
import type { DataSourceOptions } from 'typeorm';
import { clockFromEnv, type Clock } from '@bekasi/clock';
import { loadConfig, ServiceConfig } from './config/service-config';
import { ensureDatabaseAndSchema, migratedDataSource } from './database/schema-bootstrap';
import { TableStatisticsKeeper } from './database/table-statistics';
import { HealthController } from './health/health.controller';
import { ReadinessRegistry } from './health/readiness-registry';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { createLogger, type AppLogger } from './observability/logger';
import { collectProcessMetrics } from './observability/metrics';
import { MetricsController } from './observability/metrics.controller';
import { CLOCK, LOGGER, REDIS, SERVICE_CONFIG, SERVICE_NAME } from './tokens';

export interface PlatformOptions<C extends ServiceConfig> {
  /** Service name: default schema, consumer group, log and metric label. */
  service: string;
  config?: new () => C;
  /** Already validated configuration (tests pass one; services let the module read the environment). */
  configValues?: C;
  entities?: DataSourceOptions['entities'];
  migrations?: DataSourceOptions['migrations'];
  /** Overrides the clock from TIME_SCALE/CLOCK_START (tests pass a FakeClock). */
  clock?: Clock;
}

class RedisLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** BullMQ loses jobs when Redis evicts keys; say so loudly rather than lose reminders quietly. */
  async onModuleInit() {
    const answer = (await this.redis.config('GET', 'maxmemory-policy').catch(() => null)) as string[] | null;
    const policy = answer?.[1];
    if (policy && policy !== 'noeviction') {
      this.logger.warn({ policy }, 'Redis maxmemory-policy is not noeviction: queued jobs may be evicted (PostgreSQL stays the source of truth)');
    }
  }
  async onApplicationShutdown() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * What every service stands on: validated configuration, the injected clock, JSON logging with
 * correlation ids, its own PostgreSQL schema with migrations run at start, Redis, and the
 * /health and /metrics endpoints.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService<C extends ServiceConfig>(options: PlatformOptions<C>): DynamicModule {
    const config = options.configValues ?? loadConfig(options.config ?? (ServiceConfig as new () => C));
    const schema = config.DB_SCHEMA ?? options.service.replace(/-/g, '_');
    const logger = createLogger(options.service, config.LOG_LEVEL);
    collectProcessMetrics();
    return {
      module: PlatformModule,
      imports: [
        TerminusModule,
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            await ensureDatabaseAndSchema(config.DATABASE_URL, schema);
            return {
              type: 'postgres' as const,
              url: config.DATABASE_URL,
              schema,
              entities: options.entities ?? [],
              migrations: options.migrations ?? [],
              // Run below, under a lock, so replicas starting together do not race on the same schema.
              migrationsRun: false,
              synchronize: false,
              // Named (prepared) statements are planned once, generically: a service names only a
              // statement whose best plan does not depend on its values (intake's group commit),
              // and under the default PostgreSQL planned it anew for each call where custom plans
              // looked cheaper (2.3 ms each for the duplicate candidates). TypeORM's own queries
              // are unnamed and always planned with their values. A generic plan is made again
              // when the table is analyzed (TableStatisticsKeeper).
              extra: { max: 10, application_name: `bekasi-${options.service}`, options: '-c plan_cache_mode=force_generic_plan' },
              logging: ['error' as const],
            };
          },
          dataSourceFactory: async (dataSourceOptions) => migratedDataSource(dataSourceOptions!, schema),
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: options.service },
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        { provide: CLOCK, useValue: options.clock ?? clockFromEnv(process.env) },
        {
          provide: REDIS,
          useFactory: () =>
            new Redis(config.REDIS_URL, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false, connectionName: `bekasi-${options.service}` }),
        },
        RedisLifecycle,
        TableStatisticsKeeper,
        ReadinessRegistry,
        CorrelationMiddleware,
      ],
      exports: [SERVICE_NAME, SERVICE_CONFIG, LOGGER, CLOCK, REDIS, ReadinessRegistry, TypeOrmModule],
    };
  }

  configure(consumer: MiddlewareConsumer) {
    consumer.apply(CorrelationMiddleware).forRoutes('*');
  }
}

export type { AppLogger };
