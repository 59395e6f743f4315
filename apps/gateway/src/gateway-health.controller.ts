import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Upstream } from './route-table';

export const UPSTREAMS = Symbol('UPSTREAMS');

/** Live: the process answers. Ready: every service behind it answers its own live probe. */
@ApiExcludeController()
@Controller('health')
export class GatewayHealthController {
  constructor(@Inject(UPSTREAMS) private readonly upstreams: Record<Upstream, string>) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready() {
    const checks = await Promise.all(
      Object.entries(this.upstreams).map(async ([name, url]) => {
        try {
          const res = await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(2_000) });
          return [name, res.ok ? { status: 'up' } : { status: 'down', message: `HTTP ${res.status}` }] as const;
        } catch (err) {
          return [name, { status: 'down', message: (err as Error).message }] as const;
        }
      }),
    );
    const details = Object.fromEntries(checks);
    const ok = checks.every(([, c]) => c.status === 'up');
    if (!ok) throw new HttpException({ status: 'error', details }, 503);
    return { status: 'ok', details };
  }
}
