import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { verifyChannelRequest, type RegisteredChannel } from '@bekasi/auth';
import { ChannelRegistry } from './channel-registry';

/** The registered channel that signed the request, put there by ChannelSignatureGuard. */
export const channelOf = (request: unknown): RegisteredChannel => (request as { bekasiChannel: RegisteredChannel }).bekasiChannel;

/**
 * A complaint is taken only from a registered channel whose HMAC-SHA256 signature over timestamp and
 * raw body checks out within the replay window; every other request is 401, whatever its body says.
 */
@Injectable()
export class ChannelSignatureGuard implements CanActivate {
  constructor(private readonly registry: ChannelRegistry) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const check = verifyChannelRequest(request.headers, request.rawBody, this.registry.channels);
    if (!check.ok) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'INVALID_CHANNEL_SIGNATURE',
        message: check.reason === 'stale' ? 'Waktu permintaan di luar batas; kirim ulang dengan stempel waktu sekarang.' : 'Kanal tidak terdaftar atau tanda tangan permintaan tidak sah.',
      });
    }
    request.bekasiChannel = check.channel;
    return true;
  }
}
