import { Controller, ForbiddenException, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, type AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EscalationAcknowledgedV1 } from '@bekasi/contracts';
import { canAcknowledge, canSee, type AlertReader, type LadderRole } from '@bekasi/escalation-domain';
import { OutboxRelay, OutboxWriter, schemaOfManager } from '@bekasi/messaging';
import { DeadlineReminders } from '../alerts/deadline-reminders';
import { STEP_COLUMNS, type StepRow } from '../ladder/escalation-ladder.service';
import { PageQuery } from '@bekasi/platform';

export class EscalationsQuery extends PageQuery {
  @IsOptional() @IsIn(['pending', 'raised', 'cancelled'], { message: 'state harus salah satu dari pending, raised, cancelled' })
  state?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10)
  level?: number;

  @IsOptional() @IsString()
  unitCode?: string;
}

const readerOf = (user: AuthPrincipal): AlertReader => ({ role: user.role, unitCode: user.unitCode, asdaGroup: user.asdaGroup });
const notFound = () => new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Eskalasi tidak ditemukan.' });

/** Escalation alerts: the list a leader watches, the alerts addressed to me, and their acknowledgement. */
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('api/v1/escalations')
export class EscalationsHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly relay: OutboxRelay,
    private readonly reminders: DeadlineReminders,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Escalations the caller may see (own unit, own Asda group, or all), newest first' })
  async list(@Query() query: EscalationsQuery, @CurrentUser() user: AuthPrincipal) {
    const s = schemaOfManager(this.dataSource.manager);
    const params: unknown[] = [];
    const where = [this.scopeClause(readerOf(user), params)];
    if (query.state) where.push(`s.state = $${params.push(query.state)}`);
    if (query.level) where.push(`s.level = $${params.push(query.level)}`);
    if (query.unitCode) where.push(`s.unit_code = $${params.push(query.unitCode)}`);
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM "${s}"."escalation_steps" s JOIN "${s}"."escalation_cases" c ON c.id = s.case_id WHERE ${clause}`,
      params,
    );
    const items = await this.dataSource.query(
      `SELECT ${STEP_COLUMNS} FROM "${s}"."escalation_steps" s JOIN "${s}"."escalation_cases" c ON c.id = s.case_id
       WHERE ${clause} ORDER BY s.due_at DESC, s.level DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  @Get('inbox')
  @ApiOperation({ summary: 'Raised alerts addressed to the caller and not yet acknowledged' })
  async inbox(@CurrentUser() user: AuthPrincipal) {
    const s = schemaOfManager(this.dataSource.manager);
    const params: unknown[] = [user.role];
    const filters = [`s.state = 'raised'`, `s.acknowledged_at IS NULL`, `s.role = $1`];
    if (user.role === 'unit_head') filters.push(`s.audience_unit_code = $${params.push(user.unitCode)}`);
    if (user.role === 'asda') filters.push(`s.audience_asda_group = $${params.push(user.asdaGroup)}`);
    const items = await this.dataSource.query(
      `SELECT ${STEP_COLUMNS} FROM "${s}"."escalation_steps" s JOIN "${s}"."escalation_cases" c ON c.id = s.case_id
       WHERE ${filters.join(' AND ')} ORDER BY s.raised_at DESC LIMIT 200`,
      params,
    );
    return { items };
  }

  @Get('reminders')
  @ApiOperation({ summary: 'Open reminders of deadlines coming up (50 %, 80 %) addressed to the caller\'s role and unit' })
  async remindersOfMe(@CurrentUser() user: AuthPrincipal) {
    return { items: await this.reminders.openFor(this.dataSource.manager, user) };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'The addressee acknowledges an alert (once; a repeat answers the first acknowledgement)' })
  async acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthPrincipal) {
    const result = await this.dataSource.transaction(async (tx) => {
      const s = schemaOfManager(tx);
      const [step]: StepRow[] = await tx.query(
        `SELECT ${STEP_COLUMNS} FROM "${s}"."escalation_steps" s JOIN "${s}"."escalation_cases" c ON c.id = s.case_id WHERE s.id = $1 FOR UPDATE OF s`,
        [id],
      );
      const reader = readerOf(user);
      if (!step || step.state !== 'raised' || !canSee(reader, step.unitCode, step.unitAsdaGroup)) throw notFound();
      if (!canAcknowledge(reader, { role: step.role as LadderRole, unitCode: step.audienceUnitCode, asdaGroup: step.audienceAsdaGroup })) {
        throw new ForbiddenException({ statusCode: 403, error: 'FORBIDDEN', message: 'Hanya penerima eskalasi yang dapat mengonfirmasinya.' });
      }
      if (step.acknowledgedAt) return step;
      const now = this.clock.now();
      await tx.query(`UPDATE "${s}"."escalation_steps" SET acknowledged_at = $2, acknowledged_by = $3 WHERE id = $1`, [id, now, user.username]);
      await this.outbox.append(
        tx,
        EscalationAcknowledgedV1,
        { escalationId: id, ticketId: step.ticketId, level: step.level, acknowledgedBy: user.username, at: now.toISOString() },
        { subject: step.ticketId, time: now },
      );
      return { ...step, acknowledgedAt: now, acknowledgedBy: user.username };
    });
    this.relay.nudge();
    return result;
  }

  private scopeClause(reader: AlertReader, params: unknown[]): string {
    switch (reader.role) {
      case 'admin':
      case 'sekda':
      case 'bupati':
        return 'TRUE';
      case 'asda':
        return `s.unit_asda_group = $${params.push(reader.asdaGroup ?? '')}`;
      case 'unit_head':
      case 'officer':
        return `s.unit_code = $${params.push(reader.unitCode ?? '')}`;
      default:
        return 'FALSE';
    }
  }
}
