import { BadRequestException, Body, Controller, Get, HttpCode, Inject, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { Kafka } from 'kafkajs';
import { ALL_TOPICS, type TopicName, type TopicNaming } from '@bekasi/contracts';
import { Roles } from '@bekasi/auth';
import { replayDeadLetters } from '../consumer/dead-letter-replay';
import { KAFKA, TOPIC_NAMING } from '../messaging.module';
import { listDeadLetters } from './dead-letter-inspection';
import { SetAsideOutbox } from './set-aside-outbox';


const topicMessage = `topic harus salah satu dari ${ALL_TOPICS.join(', ')}`;

export class DeadLettersQuery {
  @IsIn(ALL_TOPICS, { message: topicMessage })
  topic!: TopicName;

  @IsOptional() @Type(() => Number) @IsInt({ message: 'limit harus bilangan bulat' }) @Min(1, { message: 'limit paling kecil 1' }) @Max(1000, { message: 'limit paling besar 1000' })
  limit?: number;
}

export class ReplayDeadLettersRequest {
  @IsIn(ALL_TOPICS, { message: topicMessage })
  topic!: TopicName;

  @IsOptional() @IsArray({ message: 'eventIds harus daftar' }) @ArrayMaxSize(1000) @IsString({ each: true, message: 'eventIds berisi teks' })
  eventIds?: string[];

  @IsOptional() @IsString({ message: 'eventType harus teks' })
  eventType?: string;
}

/**
 * The operator's view of what the backbone could not deliver: dead letters of each topic (and their
 * replay), and outbox rows the relays set aside. Admin only; served by one service through the gateway.
 */
@ApiTags('messaging admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/admin/messaging')
export class MessagingAdminHttpController {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(TOPIC_NAMING) private readonly naming: TopicNaming,
    private readonly outbox: SetAsideOutbox,
  ) {}

  @Get('dead-letters')
  @ApiOperation({ summary: 'The newest dead letters of a topic, with their error' })
  async deadLetters(@Query() query: DeadLettersQuery) {
    return { topic: query.topic, items: await listDeadLetters(this.kafka, this.naming, query.topic, query.limit ?? 100) };
  }

  @Post('dead-letters/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Puts dead letters back on their topic (consumers that applied one skip it)' })
  async replay(@Body() body: ReplayDeadLettersRequest) {
    const items = await replayDeadLetters(this.kafka, this.naming, { topic: body.topic, eventIds: body.eventIds, eventType: body.eventType });
    return { replayed: items.filter((l) => l.replayed).length, items };
  }

  @Get('outbox/set-aside')
  @ApiOperation({ summary: 'Outbox rows the relays could not publish (too large, unknown topic), with their error' })
  async setAside() {
    return { items: await this.outbox.list() };
  }

  @Post('outbox/set-aside/:service/:seq/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Puts a set-aside outbox row back in line' })
  async retry(@Param('service') service: string, @Param('seq') seq: string) {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(service)) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'service', reasons: ['nama layanan tidak dikenal'] }] });
    if (!/^\d{1,19}$/.test(seq)) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'seq', reasons: ['seq harus bilangan bulat'] }] });
    if (!(await this.outbox.retry(service, seq))) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Baris outbox yang disisihkan tidak ditemukan.' });
    return { retried: true };
  }
}
