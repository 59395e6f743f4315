import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles, scopeIncludes, unitScopeOf, type AuthPrincipal } from '@bekasi/auth';
import { DEADLINE_KINDS } from '@bekasi/sla-domain';
import { AsdaDirectory } from '@bekasi/unit-directory';
import { SlaStore } from '../clocks/sla-store';
import { SlaTimerQueue } from '../timers/sla-timer-queue';
import { PageQuery } from '@bekasi/platform';

export class DeadlinesQuery extends PageQuery {
  @IsOptional() @IsIn(['running', 'paused', 'met', 'cancelled', 'breached'], { message: 'state harus salah satu dari running, paused, met, cancelled, breached' })
  state?: string;

  @IsOptional() @IsIn(DEADLINE_KINDS, { message: `kind harus salah satu dari ${DEADLINE_KINDS.join(', ')}` })
  kind?: string;

  @IsOptional() @IsString()
  unitCode?: string;
}

/** Read side of the SLA clocks, scoped to the caller's units like every ticket query. */
@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1/sla')
export class SlaHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: SlaTimerQueue,
    // sla's copy of the Asda groups admins edit in desk, read at every request.
    private readonly asdaDirectory: AsdaDirectory,
  ) {}

  @Get('tickets/:ticketId')
  @ApiOperation({ summary: 'Deadlines and timers of one ticket' })
  async ticket(@Param('ticketId', new ParseUUIDPipe()) ticketId: string, @CurrentUser() user: AuthPrincipal) {
    const store = new SlaStore(this.dataSource.manager);
    const deadlines = await store.deadlinesOf(ticketId);
    const scope = await unitScopeOf(user, this.asdaDirectory);
    // Answer as if it did not exist when none of its deadlines belongs to the caller's units.
    if (deadlines.length === 0 || !deadlines.some((d) => scopeIncludes(scope, d.unitCode))) {
      throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Tenggat laporan tidak ditemukan.' });
    }
    const visible = deadlines.filter((d) => scopeIncludes(scope, d.unitCode));
    const timers = (await store.timersOf(ticketId)).filter((t) => scopeIncludes(scope, t.unitCode));
    return { ticketId, deadlines: visible, timers };
  }

  @Get('queue')
  @Roles('admin')
  @ApiOperation({ summary: 'Operations: BullMQ job counts beside the pending timers in PostgreSQL (they should agree)' })
  queueStatus() {
    return this.timers.status();
  }

  @Get('deadlines')
  @ApiOperation({ summary: 'Deadlines by state, kind and unit (e.g. every breached one of a unit)' })
  async deadlines(@Query() query: DeadlinesQuery, @CurrentUser() user: AuthPrincipal) {
    const scope = await unitScopeOf(user, this.asdaDirectory);
    let unitCodes: string[] | null = scope.allUnits ? null : [...scope.unitCodes];
    if (query.unitCode) unitCodes = unitCodes === null || unitCodes.includes(query.unitCode) ? [query.unitCode] : [];
    const { items, total } = await new SlaStore(this.dataSource.manager).deadlines({ unitCodes, state: query.state, kind: query.kind }, query.page, query.pageSize);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }
}
