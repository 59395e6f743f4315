import { BadRequestException, Body, Controller, HttpCode, Inject, Post, Req, Res, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBody, ApiHeader, ApiServiceUnavailableResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CHANNEL_HEADER, Public, SIGNATURE_HEADER, TIMESTAMP_HEADER, type RegisteredChannel } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { BUPATI_CHANNEL, cleanText, titleFromText, type ComplaintDraft, type ComplaintSource } from '@bekasi/intake-domain';
import { ComplaintIntakeService, IntakeBusyError } from '../complaint-intake/complaint-intake.service';
import { SourceThrottlerGuard } from '../rate-limit/source-throttler.guard';
import { ChannelRegistry } from './channel-registry';
import { channelOf, ChannelSignatureGuard } from './channel-signature.guard';
import { parseReceiveComplaintRequest, ReceiveComplaintRequestDto, ReceiveComplaintResponseDto } from './receive-complaint.request.dto';

/** Seconds a sender is asked to wait when intake is full: a few group commits' worth. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/** How far ahead of our clock a sender's receivedAt may be (clock drift), and still never after now. */
const CLOCK_SKEW_MS = 60_000;

const invalid = (field: string, reason: string) =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field, reasons: [reason] }] });

/** Every string of the body without NUL, control characters or invalid Unicode (PostgreSQL refuses NUL). */
function cleaned<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) (value as Record<string, unknown>)[key] = cleaned(v);
  }
  return value;
}

@ApiTags('intake')
@ApiHeader({ name: CHANNEL_HEADER, required: true, description: 'Registered channel id' })
@ApiHeader({ name: TIMESTAMP_HEADER, required: true, description: 'Unix seconds (within 300 s of now)' })
@ApiHeader({ name: SIGNATURE_HEADER, required: true, description: 'v1=hex(HMAC-SHA256(secret, timestamp + "." + body))' })
@Public()
@Controller('api/v1/intake/complaints')
@UseGuards(ChannelSignatureGuard, SourceThrottlerGuard)
export class ReceiveComplaintHttpController {
  constructor(
    private readonly intake: ComplaintIntakeService,
    private readonly registry: ChannelRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A complaint pushed by LAPOR! or another registered channel (WhatsApp gateway, web form, call centre). */
  @Post()
  @HttpCode(202)
  @ApiBody({ type: ReceiveComplaintRequestDto })
  @ApiAcceptedResponse({ type: ReceiveComplaintResponseDto })
  @ApiUnauthorizedResponse({ description: 'Not a registered channel, or the signature or timestamp does not check out' })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this channel' })
  @ApiServiceUnavailableResponse({ description: 'Intake is full (overload): nothing was stored; retry after Retry-After seconds' })
  async receive(
    // unknown, not the DTO class: the global ValidationPipe skips it; parseReceiveComplaintRequest checks it.
    @Body() received: unknown,
    @Req() request: unknown,
    @Res({ passthrough: true }) response: { setHeader(name: string, value: string): void },
  ): Promise<ReceiveComplaintResponseDto> {
    const channel = channelOf(request);
    const body = cleaned(parseReceiveComplaintRequest(received));
    const text = body.text.trim();
    if (text.length < 10) throw invalid('text', 'isi laporan paling sedikit 10 karakter');
    const subChannel = body.channel?.trim() || null;
    this.checkPrivileges(channel, body, subChannel);
    const draft: ComplaintDraft = {
      source: channel.source as ComplaintSource,
      externalId: body.externalId,
      channel: subChannel,
      receivedAt: this.receivedAtOf(channel, body.receivedAt),
      title: body.title?.trim() || titleFromText(text),
      text,
      category: body.category ? { id: body.category.id ?? null, name: body.category.name ?? null } : null,
      classification: body.classification ?? null,
      anonymous: body.anonymous ?? false,
      confidential: body.confidential ?? false,
      reporter: body.reporter ? { name: body.reporter.name ?? null, phone: body.reporter.phone ?? null, email: body.reporter.email ?? null, nik: body.reporter.nik ?? null } : null,
      locationText: body.locationText?.trim() || null,
      attachments: [],
    };
    const receipt = await this.intake.receive({ draft, priority: body.priority ?? null }).catch((err: unknown) => {
      if (!(err instanceof IntakeBusyError)) throw err;
      response.setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
      throw new ServiceUnavailableException({ statusCode: 503, error: 'INTAKE_BUSY', message: 'Layanan penerimaan laporan sedang penuh; laporan belum disimpan, kirim ulang sebentar lagi.' });
    });
    // Nothing about other complaints (likely duplicates) goes back to the sender; the reporter key goes once.
    return {
      complaintId: receipt.complaintId,
      trackingId: receipt.trackingId,
      duplicate: receipt.repeat,
      ...(receipt.repeat ? {} : { reporterKey: this.registry.reporterKeyOf(receipt.trackingId) }),
    };
  }

  /** The channel's registration, not the body, decides the namespace and what the sender may claim. */
  private checkPrivileges(channel: RegisteredChannel, body: ReceiveComplaintRequestDto, subChannel: string | null): void {
    if (body.source !== undefined && body.source !== channel.source) throw invalid('source', `kanal ini hanya mengirim sebagai sumber "${channel.source}"`);
    if (!channel.maySetPriority && body.priority !== undefined) throw invalid('priority', 'kanal ini tidak berwenang menetapkan prioritas');
    if (!channel.maySetPriority && subChannel?.toLowerCase() === BUPATI_CHANNEL.toLowerCase()) throw invalid('channel', `hanya kanal terdaftar "${BUPATI_CHANNEL}" yang boleh memakai nama kanal ini`);
    if (!channel.honourReceivedAt && body.receivedAt !== undefined) throw invalid('receivedAt', 'waktu diterima hanya diterima dari kanal LAPOR!; kanal ini memakai waktu kedatangan');
  }

  private receivedAtOf(channel: RegisteredChannel, given: string | undefined): Date {
    const now = this.clock.now();
    if (!given || !channel.honourReceivedAt) return now;
    const at = new Date(given);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('receivedAt', 'waktu diterima tidak boleh di masa depan');
    return at.getTime() > now.getTime() ? now : at;
  }
}
