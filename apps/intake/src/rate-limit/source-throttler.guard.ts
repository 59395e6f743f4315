import { Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { WEBHOOK_SOURCES } from '../receive-complaint/receive-complaint.request.dto';

/**
 * Limits per sending source (a WhatsApp gateway, the web form, LAPOR!'s webhook, export uploads),
 * so one flooding channel is cut off while the others keep flowing. A request naming no known
 * source is limited by its address.
 */
@Injectable()
export class SourceThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, any>): Promise<string> {
    const source = req.body?.source;
    if (typeof source === 'string' && (WEBHOOK_SOURCES as readonly string[]).includes(source)) return `source:${source}`;
    if (typeof req.path === 'string' && req.path.includes('/imports')) return 'source:lapor-import';
    return `ip:${req.ip}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Terlalu banyak laporan dari sumber ini; coba lagi sebentar lagi.');
  }
}
