import pino, { type Logger } from 'pino';
import type { LoggerService } from '@nestjs/common';
import { currentCorrelation } from './correlation';

export type AppLogger = Logger;

/** JSON logs on stdout; every line written inside a correlation scope carries its ids. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): AppLogger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const ctx = currentCorrelation();
      return ctx ? { correlationId: ctx.correlationId, causationId: ctx.causationId, eventId: ctx.eventId } : {};
    },
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Nest's logger interface on top of pino, so framework messages are JSON too. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
