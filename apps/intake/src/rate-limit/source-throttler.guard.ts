import { Inject, Injectable, Optional } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import { clientAddressOf, HOP_SECRET } from '@bekasi/auth';

/**
 * Limits per sending channel (a WhatsApp gateway, the web form, LAPOR!'s webhook, export uploads),
 * so one flooding channel is cut off while the others keep flowing. The channel is the one whose
 * signature checked out (never what the body claims); otherwise the client address the gateway vouched for.
 */
@Injectable()
export class SourceThrottlerGuard extends ThrottlerGuard {
  @Optional() @Inject(HOP_SECRET) private readonly hopSecret?: string;

  protected override async getTracker(req: Record<string, any>): Promise<string> {
    if (req.bekasiChannel?.id) return `channel:${req.bekasiChannel.id}`;
    if (typeof req.path === 'string' && req.path.includes('/imports')) return 'source:lapor-import';
    return `ip:${clientAddressOf(req as never, this.hopSecret)}`;
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Terlalu banyak laporan dari sumber ini; coba lagi sebentar lagi.');
  }
}
