import { Body, Controller, Get, Headers, HttpCode, HttpException, Post, Put, Query, UnauthorizedException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { LaporFeed } from './lapor-feed';

export class ReportsQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page; the start of the feed when absent', example: '100' })
  @IsOptional() @Matches(/^\d{1,12}$/, { message: 'cursor tidak valid' })
  cursor?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit harus bilangan bulat' }) @Min(1) @Max(1000)
  limit?: number;
}

export class FaultsDto {
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1) duplicateRate?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1) malformedRate?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1) slowRate?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(600_000) slowMs?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0) @Max(1) errorRate?: number;
}

export class GenerateDto {
  @ApiProperty({ example: 1000 }) @IsInt() @Min(1) @Max(1_000_000) count!: number;
}

export class RateDto {
  @ApiProperty({ description: 'New reports per second; 0 stops', example: 50 }) @IsNumber() @Min(0) @Max(100_000) perSecond!: number;
}

export class ResetDto {
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) seed?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10_000_000) initialReports?: number;
}

@ApiTags('LAPOR! API (simulated)')
@Controller('api/v1/reports')
export class LaporReportsHttpController {
  constructor(private readonly feed: LaporFeed) {}

  @Get()
  async reports(@Query() query: ReportsQueryDto, @Headers('authorization') authorization?: string) {
    const token = this.feed.config.LAPOR_SIM_TOKEN;
    if (token && authorization !== `Bearer ${token}`) throw new UnauthorizedException('Token tidak valid');
    const answer = this.feed.page(query.cursor, query.limit ?? 100);
    if (answer.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, answer.slowMs));
    if (answer.status === 503) throw new HttpException({ statusCode: 503, message: 'Layanan sedang sibuk (simulasi)' }, 503);
    return answer.page;
  }
}

@ApiTags('simulator admin')
@Controller('admin')
export class LaporSimAdminHttpController {
  constructor(private readonly feed: LaporFeed) {}

  @Get('state')
  state() {
    return this.feed.state();
  }

  @Put('faults')
  faults(@Body() body: FaultsDto) {
    Object.assign(this.feed.faults, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)));
    return this.feed.state();
  }

  @Post('reports')
  @HttpCode(200)
  generate(@Body() body: GenerateDto) {
    this.feed.generate(body.count);
    return this.feed.state();
  }

  @Put('rate')
  rate(@Body() body: RateDto) {
    this.feed.setRate(body.perSecond);
    return this.feed.state();
  }

  @Post('reset')
  @HttpCode(200)
  reset(@Body() body: ResetDto) {
    this.feed.reset(body.seed ?? this.feed.state().seed, body.initialReports ?? this.feed.config.LAPOR_SIM_INITIAL_REPORTS);
    return this.feed.state();
  }
}

/** The simulator keeps nothing outside memory, so live and ready are the same question. */
@Controller('health')
export class LaporSimHealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready() {
    return { status: 'ok', info: { feed: { status: 'up' } } };
  }
}
