import { HttpException, HttpStatus, Inject, Injectable, Optional, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { clientAddressOf, HOP_SECRET } from '@bekasi/auth';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { IntakeConfig } from '../intake.config';

interface Windows {
  /** Start of the current fixed window (ms). */
  start: number;
  current: number;
  previous: number;
}

/** Above this many tracked senders, those idle for two windows are forgotten (bounded memory under an address flood). */
const SWEEP_ABOVE = 10_000;

/**
 * Limits per sending channel (a WhatsApp gateway, the web form, LAPOR!'s webhook, export uploads),
 * so one flooding channel is cut off while the others keep flowing. The channel is the one whose
 * signature checked out (never what the body claims); otherwise the client address the gateway vouched for.
 *
 * A sliding window estimated from two fixed windows (the previous one weighted by how much of it
 * still overlaps): O(1) per request. @nestjs/throttler kept one timestamp per hit and filtered them
 * all on every request, which at 1,000 requests/s and a one-minute window cost more than the rest
 * of the request. Real time, not the service clock: a sped-up demo clock must not loosen the limit.
 * In-memory counters: intake runs as one instance; behind several, each would count its own share.
 */
@Injectable()
export class SourceThrottlerGuard implements CanActivate {
  @Optional() @Inject(HOP_SECRET) private readonly hopSecret?: string;
  private readonly senders = new Map<string, Windows>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(@Inject(SERVICE_CONFIG) config: IntakeConfig) {
    this.limit = config.INTAKE_RATE_LIMIT;
    this.windowMs = config.INTAKE_RATE_WINDOW_MS;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const req = http.getRequest();
    const now = Date.now();
    const windows = this.windowsOf(this.trackerOf(req), now);
    const overlap = 1 - (now - windows.start) / this.windowMs;
    if (windows.previous * overlap + windows.current >= this.limit) {
      http.getResponse().setHeader('Retry-After', String(Math.max(1, Math.ceil((windows.start + this.windowMs - now) / 1000))));
      throw new HttpException(
        { statusCode: HttpStatus.TOO_MANY_REQUESTS, error: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak laporan dari sumber ini; coba lagi sebentar lagi.' },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    windows.current++;
    return true;
  }

  private trackerOf(req: Record<string, any>): string {
    if (req.bekasiChannel?.id) return `channel:${req.bekasiChannel.id}`;
    if (typeof req.path === 'string' && req.path.includes('/imports')) return 'source:lapor-import';
    return `ip:${clientAddressOf(req as never, this.hopSecret)}`;
  }

  private windowsOf(key: string, now: number): Windows {
    const start = now - (now % this.windowMs);
    let windows = this.senders.get(key);
    if (!windows) {
      if (this.senders.size >= SWEEP_ABOVE) this.sweep(start);
      windows = { start, current: 0, previous: 0 };
      this.senders.set(key, windows);
    } else if (windows.start !== start) {
      windows.previous = windows.start === start - this.windowMs ? windows.current : 0;
      windows.current = 0;
      windows.start = start;
    }
    return windows;
  }

  private sweep(start: number): void {
    for (const [key, windows] of this.senders) if (windows.start < start - this.windowMs) this.senders.delete(key);
  }
}
