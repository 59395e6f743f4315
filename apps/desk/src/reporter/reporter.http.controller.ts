import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@bekasi/auth';
import type { ReporterTicketView } from '@bekasi/desk-client';
import { ReporterCloseDto, ReporterRatingDto, ReporterReopenDto, ReporterReplyDto, ReporterWithdrawDto } from '../tickets/ticket-commands.request.dto';
import { EvidenceFiles } from '../attachments/evidence-files.service';
import { TicketWorkflow } from '../tickets/ticket-workflow.service';
import { REPORTER_KEY_HEADER, ReporterKeyGuard } from './reporter-key.guard';

/**
 * What the reporter says through intake's channels (LAPOR webhook, WhatsApp, web form), each
 * request carrying the complaint's reporter key. The reporter cannot know the ticket's version,
 * so these act on the current one.
 */
@ApiTags('reporter channel')
@ApiHeader({ name: REPORTER_KEY_HEADER, required: true, description: 'The reporter key returned with the tracking id' })
@Public()
@UseGuards(ReporterKeyGuard)
@Controller('api/v1/reporter/tickets/:trackingId')
export class ReporterHttpController {
  constructor(private readonly workflow: TicketWorkflow, private readonly evidence: EvidenceFiles) {}

  @Post('replies') @HttpCode(200)
  @ApiOperation({ summary: "The reporter's reply (resumes a ticket waiting for information)" })
  reply(@Param('trackingId') trackingId: string, @Body() body: ReporterReplyDto): Promise<ReporterTicketView> {
    return this.workflow.reporterCommand(trackingId, { type: 'reporter_reply', message: body.message }, { evidence: this.evidence.attaching(body.fileIds, 'reporter') });
  }

  @Post('ratings') @HttpCode(200)
  @ApiOperation({ summary: 'Satisfaction rating 1–5 of the answer' })
  rate(@Param('trackingId') trackingId: string, @Body() body: ReporterRatingDto): Promise<ReporterTicketView> {
    return this.workflow.reporterCommand(trackingId, { type: 'rate', rating: body.rating });
  }

  @Post('reopen') @HttpCode(200)
  @ApiOperation({ summary: 'Not satisfied: back to the unit' })
  reopen(@Param('trackingId') trackingId: string, @Body() body: ReporterReopenDto): Promise<ReporterTicketView> {
    return this.workflow.reporterCommand(trackingId, { type: 'reopen', reason: body.reason });
  }

  @Post('close') @HttpCode(200)
  @ApiOperation({ summary: 'Satisfied: close, optionally with a rating' })
  close(@Param('trackingId') trackingId: string, @Body() body: ReporterCloseDto): Promise<ReporterTicketView> {
    return this.workflow.reporterCommand(trackingId, body.rating === undefined ? { type: 'close' } : { type: 'close', rating: body.rating });
  }

  @Post('withdraw') @HttpCode(200)
  @ApiOperation({ summary: 'The reporter withdraws the report (Diarsipkan oleh Pelapor)' })
  withdraw(@Param('trackingId') trackingId: string, @Body() body: ReporterWithdrawDto): Promise<ReporterTicketView> {
    return this.workflow.reporterCommand(trackingId, { type: 'withdraw', reason: body.reason });
  }
}
