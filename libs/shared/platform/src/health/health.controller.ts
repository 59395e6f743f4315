import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { REDIS } from '../tokens';
import { ReadinessRegistry } from './readiness-registry';
import { PublicRoute } from '../http/public-route';

@ApiExcludeController()
@Controller('health')
@PublicRoute()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** The process is up; says nothing about its dependencies (a failing live probe restarts the pod). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /** Ready to take work: PostgreSQL, Redis, Kafka (and whatever else registered) answer. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('postgres', { timeout: 2_000 }),
      () => this.check('redis', async () => {
        const pong = await this.redis.ping();
        if (pong !== 'PONG') throw new Error(`unexpected answer ${pong}`);
      }),
      ...this.registry.entries().map(([name, fn]) => () => this.check(name, fn)),
    ]);
  }

  private async check(name: string, fn: () => Promise<void>) {
    const indicator = this.indicators.check(name);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout after 3 s')), 3_000)))]);
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    } finally {
      // A pending timer would keep a stopping process (and a test run) alive for 3 s.
      clearTimeout(timer);
    }
  }
}
