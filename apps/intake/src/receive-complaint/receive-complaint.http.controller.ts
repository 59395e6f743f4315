import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@bekasi/clock';
import { titleFromText, type ComplaintDraft } from '@bekasi/intake-domain';
import { ComplaintIntakeService } from '../complaint-intake/complaint-intake.service';
import { SourceThrottlerGuard } from '../rate-limit/source-throttler.guard';
import { ReceiveComplaintRequestDto, ReceiveComplaintResponseDto } from './receive-complaint.request.dto';

@ApiTags('intake')
@Controller('api/v1/intake/complaints')
@UseGuards(SourceThrottlerGuard)
export class ReceiveComplaintHttpController {
  constructor(
    private readonly intake: ComplaintIntakeService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A complaint pushed by LAPOR! or another channel (WhatsApp gateway, web form, call centre). */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ReceiveComplaintResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many requests from this source' })
  async receive(@Body() body: ReceiveComplaintRequestDto): Promise<ReceiveComplaintResponseDto> {
    const text = body.text.trim();
    const draft: ComplaintDraft = {
      source: body.source,
      externalId: body.externalId,
      channel: body.channel?.trim() || null,
      receivedAt: body.receivedAt ? new Date(body.receivedAt) : this.clock.now(),
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
    const receipt = await this.intake.receive({ draft, priority: body.priority ?? null });
    return { complaintId: receipt.complaintId, trackingId: receipt.trackingId, duplicate: receipt.repeat, likelyDuplicateOf: receipt.likelyDuplicateOf };
  }
}
