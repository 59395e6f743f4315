import { Controller, HttpCode, Inject, Injectable, Module, Post, Req, Res, type NestMiddleware, type OnModuleDestroy } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { getQueueToken } from '@nestjs/bull-shared';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import Redis from 'ioredis';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { SlaConfig } from '../sla.config';
import { BOARD_COOKIE, BOARD_PATH, BoardSessions, cookieOf } from './board-session';

/** The timers' queue as BullMQ names it (sla-timer-queue.ts); the board reads it on a connection of its own. */
const TIMER_QUEUE = 'sla-timers';
const sessions = new BoardSessions();

@Injectable()
class BoardQueue implements OnModuleDestroy {
  readonly queue: Queue;
  private readonly connection: Redis;

  constructor(@Inject(SERVICE_CONFIG) config: SlaConfig) {
    this.connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    this.connection.on('error', () => undefined);
    this.queue = new Queue(TIMER_QUEUE, { connection: this.connection, prefix: config.REDIS_PREFIX });
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.connection.disconnect();
  }
}

/** Only a browser holding a board cookie the admin's session obtained reaches Bull Board. */
class BoardCookieGuard implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    if (sessions.valid(cookieOf(req.headers.cookie, BOARD_COOKIE))) return next();
    res.status(401).type('text/plain; charset=utf-8').send('Silakan buka Bull Board dari menu admin LAPOR! (sesi habis atau belum masuk).');
  }
}

@ApiTags('sla')
@ApiBearerAuth()
@Controller('api/v1/sla/queues')
export class BoardSessionHttpController {
  @Post('session') @HttpCode(204) @Roles('admin')
  @ApiOperation({ summary: 'Admin: a 15-minute cookie that opens Bull Board (/queues) in this browser' })
  open(@CurrentUser() user: AuthPrincipal, @Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const { value, maxAge } = sessions.issue(user.userId);
    const secure = req.headers['x-forwarded-proto'] === 'https' || req.secure;
    res.setHeader('set-cookie', `${BOARD_COOKIE}=${value}; Path=${BOARD_PATH}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`);
  }
}

/** Bull Board over the SLA timers' BullMQ queue, at /queues, for the LAPOR admin only. */
@Module({
  imports: [
    // @bull-board/express pins an older @bull-board/api than @bull-board/nestjs; the adapter is the same at run time.
    BullBoardModule.forRoot({ route: BOARD_PATH, adapter: ExpressAdapter as never, middleware: new BoardCookieGuard().use }),
    BullBoardModule.forFeature({ name: TIMER_QUEUE, adapter: BullMQAdapter }),
  ],
  controllers: [BoardSessionHttpController],
  providers: [BoardQueue, { provide: getQueueToken(TIMER_QUEUE), useFactory: (b: BoardQueue) => b.queue, inject: [BoardQueue] }],
  exports: [getQueueToken(TIMER_QUEUE)],
})
export class QueuesBoardModule {}
