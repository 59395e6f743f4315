import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { EntityManager } from 'typeorm';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import type { TicketCommand } from '@bekasi/tickets-domain';
import type { Page, TicketDetailView, TicketSummaryView } from '@bekasi/desk-client';
import { TicketRepository } from '../persistence/ticket.repository';
import { UserRepository } from '../persistence/user.repository';
import { DeskRefusal } from './desk-refusal';
import {
  AnswerDto,
  ArchiveDto,
  DispositionDto,
  EmptyCommandDto,
  InboxQueryDto,
  InfoRequestDto,
  MergeDto,
  NoteDto,
  ReasonDto,
  type VersionedCommandDto,
} from './ticket-commands.request.dto';
import { EvidenceFiles } from '../attachments/evidence-files.service';
import { TicketWorkflow, type CommandOptions } from './ticket-workflow.service';

const UUID = new ParseUUIDPipe({ exceptionFactory: () => DeskRefusal.notFound() });

/** `"3"`, `W/"3"` or `3` from If-Match, else the body's `version`; commands without one are refused (428). */
export function expectedVersionOf(ifMatch: string | undefined, body: VersionedCommandDto): number {
  const header = ifMatch?.trim().replace(/^W\//, '').replace(/"/g, '');
  if (header) {
    const n = Number(header);
    if (!Number.isInteger(n) || n < 1) throw new DeskRefusal(400, 'INVALID_VERSION', 'Header If-Match harus berisi nomor versi laporan.');
    return n;
  }
  if (body.version !== undefined) return body.version;
  throw DeskRefusal.versionRequired();
}

@ApiTags('tickets')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false, description: 'Expected ticket version for commands (or `version` in the body)' })
@Controller('api/v1/tickets')
export class TicketsHttpController {
  constructor(private readonly workflow: TicketWorkflow, private readonly evidence: EvidenceFiles) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox: tickets of their units, filtered and paged" })
  async inbox(@CurrentUser() user: AuthPrincipal, @Query() query: InboxQueryDto): Promise<Page<TicketSummaryView>> {
    const caller = await this.workflow.callerOf(user);
    return this.workflow.inbox(caller, {
      statuses: query.status,
      overdue: query.overdue,
      kecamatanCode: query.kecamatan,
      category: query.category,
      unitCode: query.unitCode,
      text: query.q,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 20,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket with its history and the actions the caller may take now' })
  async detail(@CurrentUser() user: AuthPrincipal, @Param('id', UUID) id: string): Promise<TicketDetailView> {
    const caller = await this.workflow.callerOf(user);
    return this.workflow.detail(id, caller.actor, caller.scope);
  }

  @Post(':id/acknowledge') @HttpCode(200) @Roles('officer', 'unit_head')
  @ApiOperation({ summary: 'Terima disposisi' })
  acknowledge(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: EmptyCommandDto) {
    return this.run(u, id, { type: 'acknowledge' }, m, b);
  }

  @Post(':id/start-work') @HttpCode(200) @Roles('officer', 'unit_head')
  @ApiOperation({ summary: 'Mulai tindak lanjut' })
  startWork(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: EmptyCommandDto) {
    return this.run(u, id, { type: 'start_work' }, m, b);
  }

  @Post(':id/notes') @HttpCode(200) @Roles('officer', 'unit_head', 'admin')
  @ApiOperation({ summary: 'Internal note (audited, no status change)' })
  addNote(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: NoteDto) {
    return this.run(u, id, { type: 'add_note', note: b.note }, m, b);
  }

  @Post(':id/info-requests') @HttpCode(200) @Roles('officer', 'unit_head', 'admin')
  @ApiOperation({ summary: 'Minta kelengkapan informasi (the SLA clock pauses)' })
  requestInfo(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: InfoRequestDto) {
    return this.run(u, id, { type: 'request_info', question: b.question }, m, b);
  }

  @Post(':id/answers') @HttpCode(200) @Roles('officer', 'unit_head')
  @ApiOperation({ summary: 'Kirim tindak lanjut, with attachment metadata' })
  postAnswer(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: AnswerDto) {
    const attachments = (b.attachments ?? []).map((a) => ({ fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, url: a.url ?? null }));
    return this.run(u, id, { type: 'post_answer', answer: b.answer }, m, b, { attachments, evidence: this.evidence.attaching(b.fileIds) });
  }

  @Post(':id/reassignment-requests') @HttpCode(200) @Roles('officer', 'unit_head')
  @ApiOperation({ summary: 'Bukan kewenangan: send back to routing with a reason' })
  requestReassign(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: ReasonDto) {
    return this.run(u, id, { type: 'request_reassign', reason: b.reason }, m, b);
  }

  @Post(':id/disposition') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: "Admin's disposisi from triage (or a correction before the unit acknowledged)" })
  dispose(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: DispositionDto) {
    const unitCode = b.unitCode.trim().toUpperCase();
    return this.run(u, id, { type: 'dispose', unitCode, reason: b.reason }, m, b, {
      precheck: async (tx) => {
        if (!(await new UserRepository(tx).unit(unitCode))) throw new DeskRefusal(422, 'UNKNOWN_UNIT', `Unit "${unitCode}" tidak dikenal.`);
      },
    });
  }

  @Post(':id/archive') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Arsipkan (spam, out of scope, duplicate, incomplete information)' })
  archive(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: ArchiveDto) {
    const command: TicketCommand = { type: 'archive', kind: b.kind, reason: b.reason, duplicateOfTicketId: b.duplicateOfTicketId };
    return this.run(u, id, command, m, b, { precheck: (tx) => this.originalMustExist(tx, b.duplicateOfTicketId) });
  }

  @Post(':id/merge') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Merge a duplicate: archive this ticket as a duplicate of the one that carries on' })
  merge(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: MergeDto) {
    const command: TicketCommand = { type: 'archive', kind: 'duplicate', reason: b.reason?.trim() || 'Laporan serupa telah diteruskan.', duplicateOfTicketId: b.duplicateOfTicketId };
    return this.run(u, id, command, m, b, { precheck: (tx) => this.originalMustExist(tx, b.duplicateOfTicketId) });
  }

  @Post(':id/close') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Tutup laporan (admin, with a reason)' })
  close(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: ReasonDto) {
    return this.run(u, id, { type: 'close', reason: b.reason }, m, b);
  }

  @Post(':id/reopen') @HttpCode(200) @Roles('admin')
  @ApiOperation({ summary: 'Buka kembali (admin on the reporter\'s behalf)' })
  reopen(@CurrentUser() u: AuthPrincipal, @Param('id', UUID) id: string, @Headers('if-match') m: string | undefined, @Body() b: ReasonDto) {
    return this.run(u, id, { type: 'reopen', reason: b.reason }, m, b);
  }

  private async originalMustExist(tx: EntityManager, originalId: string | undefined): Promise<void> {
    if (originalId === undefined) return;
    const original = await new TicketRepository(tx).find(originalId);
    if (!original || original.snapshot.status === 'archived') {
      throw new DeskRefusal(422, 'DUPLICATE_TARGET_NOT_FOUND', 'Laporan asal duplikat tidak ditemukan atau sudah diarsipkan.');
    }
  }

  private async run(
    user: AuthPrincipal,
    id: string,
    command: TicketCommand,
    ifMatch: string | undefined,
    body: VersionedCommandDto,
    options: Omit<CommandOptions, 'expectedVersion'> = {},
  ): Promise<TicketDetailView> {
    const caller = await this.workflow.callerOf(user);
    const expectedVersion = expectedVersionOf(ifMatch, body);
    return this.workflow.command(caller, id, command, { ...options, expectedVersion });
  }
}
