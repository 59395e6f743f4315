import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, type AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { TicketWorkflow } from '../tickets/ticket-workflow.service';
import { TicketStatsRepository, type TicketStats } from './ticket-stats.repository';

export class StatsQueryDto {
  @ApiPropertyOptional({ default: 8, minimum: 1, maximum: 52 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(52)
  weeks?: number;

  @ApiPropertyOptional({ enum: ['I', 'II', 'III'] }) @IsOptional() @IsIn(['I', 'II', 'III'])
  asdaGroup?: 'I' | 'II' | 'III';
}

// Registered before the tickets controller so `stats` is not taken for a ticket id.
@ApiTags('tickets')
@ApiBearerAuth()
@Controller('api/v1/tickets/stats')
export class TicketStatsHttpController {
  constructor(
    private readonly workflow: TicketWorkflow,
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: "Received and answered per week, overdue by unit: the leadership dashboard's counts, within the caller's units" })
  async stats(@CurrentUser() user: AuthPrincipal, @Query() query: StatsQueryDto): Promise<TicketStats> {
    const caller = await this.workflow.callerOf(user);
    return new TicketStatsRepository(this.dataSource.manager).stats(caller.scope, { weeks: query.weeks ?? 8, asdaGroup: query.asdaGroup, now: this.clock.now() });
  }
}
