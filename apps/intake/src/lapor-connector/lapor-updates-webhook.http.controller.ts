import { BadRequestException, Body, Controller, ForbiddenException, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@bekasi/auth';
import { channelOf, ChannelSignatureGuard } from '../receive-complaint/channel-signature.guard';
import { LaporUpdatesPoller, type UpdateOutcome } from './lapor-updates.poller';

/**
 * LAPOR! pushing what changed on its side (a reporter's reply or rating, its admin's status change),
 * signed as the registered `lapor-webhook` channel. The same update arriving here and through the
 * updates feed is recorded once, under LAPOR!'s update id.
 */
@ApiTags('intake')
@ApiHeader({ name: 'X-Bekasi-Channel', required: true, description: 'lapor-webhook' })
@Public()
@UseGuards(ChannelSignatureGuard)
@Controller('api/v1/intake/lapor-updates')
export class LaporUpdatesWebhookHttpController {
  constructor(private readonly dataSource: DataSource, private readonly updates: LaporUpdatesPoller) {}

  @Post() @HttpCode(202)
  @ApiOperation({ summary: 'One LAPOR! update, or {items: [...]}, in the updates feed\'s shape' })
  async receive(@Req() request: unknown, @Body() body: unknown): Promise<{ items: { updateId: string | null; outcome: UpdateOutcome }[] }> {
    if (!channelOf(request).source.startsWith('lapor-')) throw new ForbiddenException({ statusCode: 403, message: 'Hanya kanal LAPOR! yang dapat mengirim pembaruan laporan.' });
    const records = body && typeof body === 'object' && Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [body];
    if (records.length > 500) throw new BadRequestException({ statusCode: 400, message: 'paling banyak 500 pembaruan per permintaan', errors: [{ field: 'items', reasons: ['paling banyak 500'] }] });
    const items = await this.dataSource.transaction(async (tx) => {
      const out: { updateId: string | null; outcome: UpdateOutcome }[] = [];
      for (const record of records) {
        const id = record && typeof record === 'object' ? (record as Record<string, unknown>)[this.updates.updateIdField] : null;
        out.push({ updateId: typeof id === 'string' || typeof id === 'number' ? String(id) : null, outcome: await this.updates.receive(tx, record) });
      }
      return out;
    });
    return { items };
  }
}
